/**
 * Area under the ROC curve for risk scores (higher = more likely bad, label 1), computed as
 * the Mann–Whitney probability that a random bad outranks a random good; ties count one half.
 */
export function areaUnderRoc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((score, index) => ({ score, bad: labels[index] === 1 }));
  order.sort((a, b) => a.score - b.score);
  let rankSumBads = 0;
  let bads = 0;
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].score === order[start].score) end += 1;
    const averageRank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) {
      if (order[i].bad) {
        rankSumBads += averageRank;
        bads += 1;
      }
    }
    start = end + 1;
  }
  const goods = order.length - bads;
  if (bads === 0 || goods === 0) throw new RangeError('AUC needs at least one bad and one good');
  return (rankSumBads - (bads * (bads + 1)) / 2) / (bads * goods);
}

/**
 * Kolmogorov–Smirnov statistic for risk scores: the maximum over thresholds t of
 * (share of bads scoring ≥ t) − (share of goods scoring ≥ t). It is 1 for a perfect ranking
 * and 0 for a reversed one, because a threshold above every score always gives 0.
 */
export function kolmogorovSmirnov(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((score, index) => ({ score, bad: labels[index] === 1 }));
  order.sort((a, b) => b.score - a.score);
  const bads = order.filter((row) => row.bad).length;
  const goods = order.length - bads;
  if (bads === 0 || goods === 0) throw new RangeError('KS needs at least one bad and one good');
  let badsAbove = 0;
  let goodsAbove = 0;
  let best = 0;
  for (let i = 0; i < order.length; i += 1) {
    if (order[i].bad) badsAbove += 1;
    else goodsAbove += 1;
    const lastOfTie = i + 1 === order.length || order[i + 1].score !== order[i].score;
    if (lastOfTie) best = Math.max(best, badsAbove / bads - goodsAbove / goods);
  }
  return best;
}

export interface CalibrationRow {
  /** 1 = lowest predicted probability of default. */
  decile: number;
  count: number;
  predictedRate: number;
  observedRate: number;
}

/** Sorts rows by predicted probability and compares mean prediction and observed rate per tenth. */
export function calibrationDeciles(
  probabilities: readonly number[],
  labels: readonly number[],
): CalibrationRow[] {
  const order = probabilities.map((p, index) => ({ p, bad: labels[index] === 1 }));
  order.sort((a, b) => a.p - b.p);
  const rows: CalibrationRow[] = [];
  for (let decile = 1; decile <= 10; decile += 1) {
    const slice = order.slice(
      Math.floor(((decile - 1) * order.length) / 10),
      Math.floor((decile * order.length) / 10),
    );
    const count = slice.length;
    const predicted = slice.reduce((sum, row) => sum + row.p, 0);
    const observed = slice.filter((row) => row.bad).length;
    rows.push({
      decile,
      count,
      predictedRate: count ? predicted / count : 0,
      observedRate: count ? observed / count : 0,
    });
  }
  return rows;
}

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

/** Gini coefficient of a ranking, 2 × AUC − 1. */
export function giniCoefficient(auc: number): number {
  return 2 * auc - 1;
}

/** Brier score: the mean squared difference between predicted probability and outcome. */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (probabilities.length === 0) throw new RangeError('Brier score needs at least one row');
  let total = 0;
  for (let i = 0; i < probabilities.length; i += 1) {
    total += (probabilities[i] - labels[i]) ** 2;
  }
  return total / probabilities.length;
}

/** Floor on a bin's share in the PSI, so an empty bin adds a large but finite term. */
export const PSI_MIN_SHARE = 1e-4;

/**
 * Population stability index between two distributions over the same bins:
 * Σ (actual − expected) × ln(actual / expected), with each share floored at
 * {@link PSI_MIN_SHARE}. Below 0.1 is usually read as stable, above 0.25 as a major shift.
 */
export function populationStabilityIndex(
  expectedShares: readonly number[],
  actualShares: readonly number[],
): number {
  if (expectedShares.length !== actualShares.length) {
    throw new RangeError(
      `PSI needs the same bins: ${expectedShares.length} expected, ${actualShares.length} actual`,
    );
  }
  return expectedShares.reduce((total, expectedShare, i) => {
    const expected = Math.max(PSI_MIN_SHARE, expectedShare);
    const actual = Math.max(PSI_MIN_SHARE, actualShares[i]);
    return total + (actual - expected) * Math.log(actual / expected);
  }, 0);
}

/** Share of values in each bin [edges[i], edges[i + 1]); values outside all bins are ignored. */
export function binShares(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  let inside = 0;
  for (let v = 0; v < values.length; v += 1) {
    const value = values[v];
    for (let i = 0; i + 1 < edges.length; i += 1) {
      if (value >= edges[i] && value < edges[i + 1]) {
        counts[i] += 1;
        inside += 1;
        break;
      }
    }
  }
  return counts.map((count) => (inside ? count / inside : 0));
}

/** One point of the ROC and KS curves at a risk-score threshold t (rows scoring ≥ t). */
export interface CurvePoint {
  threshold: number;
  /** Share of bads scoring at or above the threshold (true positive rate). */
  badShare: number;
  /** Share of goods scoring at or above the threshold (false positive rate). */
  goodShare: number;
}

/**
 * ROC curve points from the highest risk score down, one per distinct score, starting at
 * (0, 0). With at most maxPoints points (evenly thinned), enough to draw it.
 */
export function rocCurve(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  maxPoints = 200,
): CurvePoint[] {
  const order = Array.from(scores, (score, index) => ({ score, bad: labels[index] === 1 }));
  order.sort((a, b) => b.score - a.score);
  const bads = order.filter((row) => row.bad).length;
  const goods = order.length - bads;
  if (bads === 0 || goods === 0) throw new RangeError('ROC needs at least one bad and one good');
  const points: CurvePoint[] = [{ threshold: Infinity, badShare: 0, goodShare: 0 }];
  let badsAbove = 0;
  let goodsAbove = 0;
  order.forEach((row, i) => {
    if (row.bad) badsAbove += 1;
    else goodsAbove += 1;
    const lastOfTie = i + 1 === order.length || order[i + 1].score !== row.score;
    if (lastOfTie) {
      points.push({ threshold: row.score, badShare: badsAbove / bads, goodShare: goodsAbove / goods });
    }
  });
  if (points.length <= maxPoints) return points;
  const step = (points.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, i) => points[Math.round(i * step)]);
}

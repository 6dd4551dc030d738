import type { BinCounts } from './model-woe';

/** A bin of values in (previous bin's upper, upper]; the last bin's upper is null (+∞). */
export interface CountedBin extends BinCounts {
  upper: number | null;
}

export interface FeatureBinning {
  bins: CountedBin[];
  /** Rows whose value is missing (NaN). */
  missing: BinCounts;
  /** Whether the bad rate rises or falls with the value. */
  direction: 'increasing' | 'decreasing';
}

export interface BinningOptions {
  /** Number of equal-frequency pre-bins before merging. */
  preBinCount: number;
  /** Minimum rows per bin, as a fraction of all rows passed in (missing ones included). */
  minBinFraction: number;
}

export const DEFAULT_BINNING: BinningOptions = { preBinCount: 20, minBinFraction: 0.05 };

/**
 * Bins one feature: equal-frequency pre-bins, then merges adjacent bins until the bad rate is
 * strictly monotone in the value and every bin contains at least the minimum share of rows.
 * NaN values go to a separate missing bin that takes no part in the merging.
 */
export function binFeature(
  values: readonly number[],
  labels: readonly number[],
  options: BinningOptions = DEFAULT_BINNING,
): FeatureBinning {
  const missing: BinCounts = { goods: 0, bads: 0 };
  const present: { value: number; bad: boolean }[] = [];
  values.forEach((value, index) => {
    const bad = labels[index] === 1;
    if (Number.isNaN(value)) {
      if (bad) missing.bads += 1;
      else missing.goods += 1;
    } else {
      present.push({ value, bad });
    }
  });
  present.sort((a, b) => a.value - b.value);
  let bins = countBins(present, quantileCuts(present.map((p) => p.value), options.preBinCount));
  const direction = trendDirection(bins);
  bins = mergeToMonotone(bins, direction);
  const minCount = Math.ceil(options.minBinFraction * values.length);
  bins = mergeSmallBins(bins, minCount);
  return { bins, missing, direction };
}

/**
 * Upper edges of equal-frequency pre-bins over sorted values, without duplicates or the max.
 * Edges are rounded to three significant digits so the model file reads well; the bins
 * then hold roughly, not exactly, equal counts.
 */
function quantileCuts(sorted: readonly number[], binCount: number): number[] {
  const cuts = new Set<number>();
  const max = sorted[sorted.length - 1];
  for (let q = 1; q < binCount; q += 1) {
    const position = Math.ceil((q * sorted.length) / binCount) - 1;
    const value = sorted[Math.max(0, position)];
    if (value === undefined) continue;
    const cut = Number(value.toPrecision(3));
    if (cut < max) cuts.add(cut);
  }
  return [...cuts].sort((a, b) => a - b);
}

function countBins(sorted: readonly { value: number; bad: boolean }[], cuts: number[]) {
  const bins: CountedBin[] = [...cuts, null].map((upper) => ({ upper, goods: 0, bads: 0 }));
  let index = 0;
  for (const row of sorted) {
    while (index < cuts.length && row.value > cuts[index]) index += 1;
    if (row.bad) bins[index].bads += 1;
    else bins[index].goods += 1;
  }
  return bins.filter((bin) => bin.goods + bin.bads > 0 || bin.upper === null);
}

const badRate = (bin: BinCounts): number => bin.bads / Math.max(1, bin.goods + bin.bads);

/** Sign of the row-weighted correlation between bin position and bad rate. */
function trendDirection(bins: readonly CountedBin[]): 'increasing' | 'decreasing' {
  const total = bins.reduce((sum, bin) => sum + bin.goods + bin.bads, 0);
  const weight = (bin: BinCounts) => (bin.goods + bin.bads) / Math.max(1, total);
  const meanIndex = bins.reduce((sum, bin, i) => sum + weight(bin) * i, 0);
  const meanRate = bins.reduce((sum, bin) => sum + weight(bin) * badRate(bin), 0);
  const covariance = bins.reduce(
    (sum, bin, i) => sum + weight(bin) * (i - meanIndex) * (badRate(bin) - meanRate),
    0,
  );
  return covariance >= 0 ? 'increasing' : 'decreasing';
}

function mergePair(bins: CountedBin[], left: number): CountedBin[] {
  const merged: CountedBin = {
    upper: bins[left + 1].upper,
    goods: bins[left].goods + bins[left + 1].goods,
    bads: bins[left].bads + bins[left + 1].bads,
  };
  return [...bins.slice(0, left), merged, ...bins.slice(left + 2)];
}

/** Merges the first adjacent pair that breaks strict monotonicity until none remains. */
function mergeToMonotone(bins: CountedBin[], direction: 'increasing' | 'decreasing') {
  let result = bins;
  const ordered = (a: CountedBin, b: CountedBin) =>
    direction === 'increasing' ? badRate(a) < badRate(b) : badRate(a) > badRate(b);
  for (;;) {
    const violation = result.findIndex(
      (bin, i) => i + 1 < result.length && !ordered(bin, result[i + 1]),
    );
    if (violation < 0) return result;
    result = mergePair(result, violation);
  }
}

/**
 * Merges the smallest bin into the neighbour with the closer bad rate until every bin has at
 * least minCount rows. Merging neighbours of a monotone sequence keeps it monotone.
 */
function mergeSmallBins(bins: CountedBin[], minCount: number): CountedBin[] {
  let result = bins;
  const size = (bin: BinCounts) => bin.goods + bin.bads;
  while (result.length > 1) {
    let smallest = 0;
    result.forEach((bin, i) => {
      if (size(bin) < size(result[smallest])) smallest = i;
    });
    if (size(result[smallest]) >= minCount) break;
    const rate = badRate(result[smallest]);
    const leftGap = smallest > 0 ? Math.abs(rate - badRate(result[smallest - 1])) : Infinity;
    const rightGap =
      smallest + 1 < result.length ? Math.abs(rate - badRate(result[smallest + 1])) : Infinity;
    result = mergePair(result, leftGap <= rightGap ? smallest - 1 : smallest);
  }
  return result;
}

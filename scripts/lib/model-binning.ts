import type { BinCounts } from './model-woe';

/** A bin of values in (previous bin's upper, upper]; the last bin's upper is null (+∞). */
export interface CountedBin extends BinCounts {
  upper: number | null;
}

/** Rows whose value equals one special value exactly, kept out of the ordinary bins. */
export interface SpecialBin extends BinCounts {
  value: number;
}

/**
 * How a feature is binned. `monotone` bins a continuous feature so that the bad rate rises or
 * falls strictly from bin to bin. `categorical` keeps one bin per code, in code order, and
 * allows any bad-rate pattern. It suits codes whose values differ in kind, such as repayment
 * status −2 (no balance), −1 (paid in full) and 0 (minimum paid).
 */
export type BinningMode = 'monotone' | 'categorical';

export interface BinningOptions {
  mode: BinningMode;
  /** Number of equal-frequency pre-bins before the optimal merge (monotone mode). */
  preBinCount: number;
  /** Minimum rows per bin, as a fraction of all rows passed in (missing ones included). */
  minBinFraction: number;
  /** Values that get a bin of their own outside the ordering, e.g. a utilisation of 0. */
  specialValues: readonly number[];
}

export interface FeatureBinning {
  bins: CountedBin[];
  specials: SpecialBin[];
  /** Rows whose value is missing (NaN). */
  missing: BinCounts;
  /** Bad-rate trend over the ordinary bins; `none` for categorical or single-bin features. */
  direction: 'increasing' | 'decreasing' | 'none';
}

export const DEFAULT_BINNING: BinningOptions = {
  mode: 'monotone',
  preBinCount: 40,
  minBinFraction: 0.03,
  specialValues: [],
};

/** Categorical features with more distinct values than this are pre-binned by quantiles. */
const MAX_CATEGORIES = 40;

/**
 * Bins one feature. NaN values go to the missing bin and each special value to its own bin;
 * neither takes part in the ordering. The remaining values are cut into pre-bins (one per
 * distinct value when there are few, else equal-frequency). Monotone mode then picks, among
 * the partitions of the pre-bins whose bad rate is strictly monotone and whose bins all hold
 * the minimum share of rows, the one with the highest information value. Categorical mode
 * only merges bins below the minimum size into their closer neighbour.
 */
export function binFeature(
  values: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: BinningOptions = DEFAULT_BINNING,
): FeatureBinning {
  const missing: BinCounts = { goods: 0, bads: 0 };
  const specials: SpecialBin[] = options.specialValues.map((value) => ({
    value,
    goods: 0,
    bads: 0,
  }));
  const present: { value: number; bad: boolean }[] = [];
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    const bad = labels[index] === 1;
    const special = specials.find((s) => s.value === value);
    const target = Number.isNaN(value) ? missing : special;
    if (target) {
      if (bad) target.bads += 1;
      else target.goods += 1;
    } else {
      present.push({ value, bad });
    }
  }

  present.sort((a, b) => a.value - b.value);
  const sorted = present.map((p) => p.value);
  const minCount = Math.ceil(options.minBinFraction * values.length);
  const distinct = distinctCuts(sorted);
  const categorical = options.mode === 'categorical' && distinct.length < MAX_CATEGORIES;
  const cuts =
    distinct.length < options.preBinCount || categorical
      ? distinct
      : quantileCuts(sorted, options.preBinCount);
  const preBins = countBins(present, cuts);

  if (categorical) {
    return { bins: mergeSmallBins(preBins, minCount), specials, missing, direction: 'none' };
  }
  const totals = { goods: 0, bads: 0 };
  for (let index = 0; index < labels.length; index += 1) {
    if (labels[index] === 1) totals.bads += 1;
    else totals.goods += 1;
  }
  const rising = optimalMonotoneBins(preBins, minCount, totals, 'increasing');
  const falling = optimalMonotoneBins(preBins, minCount, totals, 'decreasing');
  const best = rising.informationValue >= falling.informationValue ? rising : falling;
  const direction = best.bins.length > 1 ? best.direction : 'none';
  return { bins: best.bins, specials, missing, direction };
}

/** Lists every distinct value of a sorted array except the largest, as upper bin edges. */
function distinctCuts(sorted: readonly number[]): number[] {
  const cuts: number[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    if (sorted[i] !== sorted[i + 1]) cuts.push(sorted[i]);
  }
  return cuts;
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

/** IV term of one bin against the totals, with 0.5 added to an empty class as in the WOE. */
function ivTerm(goods: number, bads: number, totals: BinCounts): number {
  const adjust = goods === 0 || bads === 0 ? 0.5 : 0;
  const goodShare = (goods + adjust) / Math.max(1, totals.goods);
  const badShare = (bads + adjust) / Math.max(1, totals.bads);
  return (goodShare - badShare) * Math.log(goodShare / badShare);
}

/**
 * Exact search over partitions of the pre-bins into contiguous bins (dynamic programming,
 * O(n³) in the pre-bin count): the highest total IV whose bins each hold at least minCount
 * rows and whose bad rates move strictly in the given direction. Falls back to one bin when
 * no partition qualifies.
 */
function optimalMonotoneBins(
  preBins: readonly CountedBin[],
  minCount: number,
  totals: BinCounts,
  direction: 'increasing' | 'decreasing',
): { bins: CountedBin[]; informationValue: number; direction: typeof direction } {
  const n = preBins.length;
  const cumGoods = new Float64Array(n + 1);
  const cumBads = new Float64Array(n + 1);
  preBins.forEach((bin, i) => {
    cumGoods[i + 1] = cumGoods[i] + bin.goods;
    cumBads[i + 1] = cumBads[i] + bin.bads;
  });
  const goodsOf = (i: number, j: number) => cumGoods[j] - cumGoods[i];
  const badsOf = (i: number, j: number) => cumBads[j] - cumBads[i];
  const rateOf = (i: number, j: number) => badsOf(i, j) / Math.max(1, goodsOf(i, j) + badsOf(i, j));
  const sizeOk = (i: number, j: number) => goodsOf(i, j) + badsOf(i, j) >= minCount;
  const ordered = (before: number, after: number) =>
    direction === 'increasing' ? before < after : before > after;
  // best[j][i]: highest IV of a partition of pre-bins [0, j) whose last bin is [i, j).
  const best = Array.from({ length: n + 1 }, () => new Float64Array(n + 1).fill(-Infinity));
  const from = Array.from({ length: n + 1 }, () => new Int32Array(n + 1).fill(-1));
  for (let j = 1; j <= n; j += 1) {
    for (let i = 0; i < j; i += 1) {
      if (!sizeOk(i, j)) continue;
      const term = ivTerm(goodsOf(i, j), badsOf(i, j), totals);
      if (i === 0) {
        best[j][0] = term;
        continue;
      }
      const rate = rateOf(i, j);
      for (let h = 0; h < i; h += 1) {
        const candidate = best[i][h] + term;
        if (candidate > best[j][i] && ordered(rateOf(h, i), rate)) {
          best[j][i] = candidate;
          from[j][i] = h;
        }
      }
    }
  }
  let lastStart = -1;
  for (let i = 0; i < n; i += 1) {
    if (best[n][i] > (lastStart < 0 ? -Infinity : best[n][lastStart])) lastStart = i;
  }
  if (lastStart < 0) {
    const whole = { upper: null, goods: cumGoods[n], bads: cumBads[n] };
    return { bins: [whole], informationValue: 0, direction };
  }
  const bins: CountedBin[] = [];
  let end = n;
  let start = lastStart;
  const informationValue = best[n][lastStart];
  while (start >= 0) {
    const upper = end === n ? null : preBins[end - 1].upper;
    bins.unshift({ upper, goods: goodsOf(start, end), bads: badsOf(start, end) });
    const previous = start === 0 ? -1 : from[end][start];
    end = start;
    start = previous;
  }
  return { bins, informationValue, direction };
}

function mergePair(bins: CountedBin[], left: number): CountedBin[] {
  const merged: CountedBin = {
    upper: bins[left + 1].upper,
    goods: bins[left].goods + bins[left + 1].goods,
    bads: bins[left].bads + bins[left + 1].bads,
  };
  return [...bins.slice(0, left), merged, ...bins.slice(left + 2)];
}

/**
 * Merges the smallest bin into the neighbour with the closer bad rate until every bin has at
 * least minCount rows or one bin remains.
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

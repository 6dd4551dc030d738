import { binFeature, type BinningOptions, type CountedBin } from './model-binning';
import { informationValue, weightsOfEvidence, type BinCounts } from './model-woe';

/** A binned feature with the WOE of each bin, ready for selection and regression. */
export interface WoeTable {
  name: string;
  bins: (CountedBin & { lower: number | null; woe: number })[];
  missing: BinCounts & { woe: number };
  informationValue: number;
}

/**
 * Bins one feature and computes WOE and IV over its bins and its missing bin together.
 * A missing bin with fewer rows than the minimum bin size gets WOE 0 (the population
 * average), because a handful of rows gives no stable estimate.
 */
export function buildWoeTable(
  name: string,
  values: readonly number[],
  labels: readonly number[],
  options: BinningOptions,
): WoeTable {
  const binning = binFeature(values, labels, options);
  const missingCount = binning.missing.goods + binning.missing.bads;
  const minCount = Math.ceil(options.minBinFraction * values.length);
  const missingUsable = missingCount >= minCount;
  const counts: BinCounts[] = missingUsable ? [...binning.bins, binning.missing] : binning.bins;
  const woes = weightsOfEvidence(counts);
  const bins = binning.bins.map((bin, index) => ({
    ...bin,
    lower: index === 0 ? null : binning.bins[index - 1].upper,
    woe: woes[index],
  }));
  const missingWoe = missingUsable ? woes[woes.length - 1] : 0;
  return {
    name,
    bins,
    missing: { ...binning.missing, woe: missingWoe },
    informationValue: informationValue(counts),
  };
}

/** Replaces a raw value with the WOE of its bin (NaN goes to the missing bin). */
export function woeOf(table: WoeTable, value: number): number {
  if (Number.isNaN(value)) return table.missing.woe;
  const bin = table.bins.find((b) => b.upper === null || value <= b.upper);
  return (bin ?? table.bins[table.bins.length - 1]).woe;
}

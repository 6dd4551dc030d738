import { binFeature, type BinningOptions, type CountedBin, type SpecialBin } from './model-binning';
import { informationValue, weightsOfEvidence, type BinCounts } from './model-woe';

/** A binned feature with the WOE of each bin, ready for selection and regression. */
export interface WoeTable {
  name: string;
  mode: BinningOptions['mode'];
  bins: (CountedBin & { lower: number | null; woe: number })[];
  specials: (SpecialBin & { woe: number })[];
  missing: BinCounts & { woe: number };
  informationValue: number;
}

/**
 * Bins one feature and computes WOE and IV over its ordinary, special and missing bins
 * together. A special or missing bin with fewer rows than the minimum bin size gets WOE 0
 * (the population average), because a handful of rows gives no stable estimate.
 */
export function buildWoeTable(
  name: string,
  values: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: BinningOptions,
): WoeTable {
  const binning = binFeature(values, labels, options);
  const minCount = Math.ceil(options.minBinFraction * values.length);
  const usable = (bin: BinCounts) => bin.goods + bin.bads >= minCount;
  const side = [...binning.specials, binning.missing];
  const counts: BinCounts[] = [...binning.bins, ...side.filter(usable)];
  const woes = weightsOfEvidence(counts);
  let next = binning.bins.length;
  const sideWoe = side.map((bin) => (usable(bin) ? woes[next++] : 0));
  const bins = binning.bins.map((bin, index) => ({
    ...bin,
    lower: index === 0 ? null : binning.bins[index - 1].upper,
    woe: counts.length > 1 ? woes[index] : 0,
  }));
  const specials = binning.specials.map((bin, index) => ({ ...bin, woe: sideWoe[index] }));
  return {
    name,
    mode: options.mode,
    bins,
    specials,
    missing: { ...binning.missing, woe: sideWoe[sideWoe.length - 1] },
    informationValue: counts.length > 1 ? informationValue(counts) : 0,
  };
}

/** Replaces a raw value with the WOE of its bin (NaN and special values go to their bins). */
export function woeOf(table: WoeTable, value: number): number {
  if (Number.isNaN(value)) return table.missing.woe;
  for (const special of table.specials) if (special.value === value) return special.woe;
  const bins = table.bins;
  for (let i = 0; i < bins.length - 1; i += 1) {
    if (value <= (bins[i].upper as number)) return bins[i].woe;
  }
  return bins[bins.length - 1].woe;
}

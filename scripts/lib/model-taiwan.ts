import type { BehaviourProfile } from '../../adapters/ports/credit-data';
import { deriveFeatures, FEATURE_NAMES, type FeatureName } from '../../core/scoring/features';
import { DEFAULT_BINNING, type BinningOptions } from './model-binning';
import type { CharacteristicSpec, FeatureColumns } from './model-characteristics';

/** Repayment-status codes differ in kind (−2 no balance, −1 paid, 0 minimum paid). */
const CATEGORICAL_FEATURES: ReadonlySet<FeatureName> = new Set<FeatureName>([
  'latestStatus',
  'previousStatus',
  'status3mAgo',
  'status4mAgo',
  'status5mAgo',
  'status6mAgo',
  'education',
]);

/**
 * Features whose value 0 gets a bin of its own: no bill or no payment is a different state
 * from a small one, and its bad rate breaks the trend of the rest.
 */
const ZERO_SPECIAL_FEATURES: ReadonlySet<FeatureName> = new Set<FeatureName>([
  'utilisationLatest',
  'utilisationPrevious',
  'utilisationAvg6m',
  'utilisationMax6m',
  'paymentLatest',
  'paymentPrevious',
  'paymentToLimitLatest',
  'paymentRatioLatest',
  'paymentRatioPrevious',
]);

/** Two-way characteristics: how the column feature's risk changes with repayment status. */
export const TAIWAN_INTERACTIONS: readonly [FeatureName, FeatureName][] = [
  ['latestStatus', 'previousStatus'],
  ['latestStatus', 'utilisationLatest'],
  ['latestStatus', 'limitBalance'],
  ['latestStatus', 'paymentRatioLatest'],
  ['latestStatus', 'paymentAvg6m'],
  ['previousStatus', 'utilisationLatest'],
  ['previousStatus', 'limitBalance'],
  ['worstStatus2m', 'paymentRatioMin5m'],
  ['latestStatus', 'monthsSinceLate'],
  ['monthsLate2Plus6m', 'paymentAvg6m'],
  ['worstStatus3m', 'paymentAvg6m'],
  ['worstStatus6m', 'utilisationPrevious'],
  ['monthsSinceLate', 'paymentPrevious'],
];

export interface TaiwanSpecOptions {
  /** Minimum rows per bin of a one-feature characteristic, as a share of training rows. */
  minBinFraction: number;
  /** Minimum rows per cell of an interaction, as a share of training rows. */
  minCellFraction: number;
  interactions: readonly [FeatureName, FeatureName][];
}

export const DEFAULT_TAIWAN_SPEC: TaiwanSpecOptions = {
  minBinFraction: 0.05,
  minCellFraction: 0.01,
  interactions: TAIWAN_INTERACTIONS,
};

/** Binning of one feature: categorical codes or monotone, with 0 as a special value where it applies. */
export function taiwanBinning(name: FeatureName, minBinFraction: number): BinningOptions {
  return {
    ...DEFAULT_BINNING,
    minBinFraction,
    mode: CATEGORICAL_FEATURES.has(name) ? 'categorical' : 'monotone',
    specialValues: ZERO_SPECIAL_FEATURES.has(name) ? [0] : [],
  };
}

/** Interaction name as written in the model file, e.g. `latestStatus×utilisationLatest`. */
export function interactionName(rowFeature: FeatureName, columnFeature: FeatureName): string {
  return `${rowFeature}×${columnFeature}`;
}

/** Candidate characteristics of the Taiwan scorecard: every feature, then the interactions. */
export function taiwanSpecs(options: TaiwanSpecOptions = DEFAULT_TAIWAN_SPEC): CharacteristicSpec[] {
  const features: CharacteristicSpec[] = FEATURE_NAMES.map((name) => ({
    kind: 'feature',
    name,
    binning: taiwanBinning(name, options.minBinFraction),
  }));
  const interactions: CharacteristicSpec[] = options.interactions.map(([row, column]) => ({
    kind: 'interaction',
    name: interactionName(row, column),
    rowFeature: row,
    columnFeature: column,
    rowBinning: taiwanBinning(row, options.minBinFraction),
    columnBinning: { ...taiwanBinning(column, options.minCellFraction), preBinCount: 20 },
  }));
  return [...features, ...interactions];
}

/** Derives every feature of every profile into one Float64Array column per feature. */
export function taiwanColumns(profiles: readonly BehaviourProfile[]): FeatureColumns {
  const derived = profiles.map(deriveFeatures);
  const columns: FeatureColumns = {};
  for (const name of FEATURE_NAMES) {
    columns[name] = Float64Array.from(derived, (values) => values[name]);
  }
  return columns;
}

import type { BehaviourProfile } from '../../adapters/ports/credit-data';
import { deriveFeatures, FEATURE_NAMES, type FeatureName } from '../../core/scoring/features';
import { oddsToPoints, scalingConstants, type Scaling } from '../../core/scoring/scaling';
import { parseScorecard, scoreProfile } from '../../core/scoring/scorecard';
import type { ScorecardFile } from '../../core/scoring/scorecard-schema';
import { DEFAULT_BINNING, type BinningOptions } from './model-binning';
import {
  DEFAULT_LOGISTIC,
  fitLogisticL2,
  type LogisticFit,
  type LogisticOptions,
} from './model-logistic';
import {
  areaUnderRoc,
  calibrationDeciles,
  kolmogorovSmirnov,
  type CalibrationRow,
} from './model-metrics';
import { selectFeatures } from './model-selection';
import { stratifiedSplit } from './model-split';
import { buildWoeTable, woeOf, type WoeTable } from './model-woe-table';

export interface TrainingOptions {
  seed: number;
  trainFraction: number;
  binning: BinningOptions;
  /** Features with a lower information value are dropped. */
  minIv: number;
  /** Of two features whose WOE columns correlate beyond this, the lower-IV one is dropped. */
  maxCorrelation: number;
  logistic: LogisticOptions;
  scaling: Scaling;
  /** Good:bad odds at display score 0 and at display score 100. */
  displayOdds: { atZero: number; atHundred: number };
  version: string;
  /** YYYY-MM-DD. */
  createdAt: string;
  target: string;
}

export const DEFAULT_TRAINING: Omit<TrainingOptions, 'createdAt' | 'target'> = {
  seed: 20240601,
  trainFraction: 0.7,
  binning: DEFAULT_BINNING,
  minIv: 0.02,
  maxCorrelation: 0.8,
  logistic: DEFAULT_LOGISTIC,
  scaling: { baseScore: 600, baseOdds: 50, pdo: 20 },
  displayOdds: { atZero: 1 / 4, atHundred: 32 },
  version: 'scorecard-v1',
};

export interface TrainingResult {
  file: ScorecardFile;
  woeTables: WoeTable[];
  /** Reason for leaving out each feature that is not in the model, by feature name. */
  dropped: Record<string, string>;
  holdoutAuc: number;
  holdoutKs: number;
  calibration: CalibrationRow[];
  /** Holdout display scores sorted ascending, for choosing policy cutoffs. */
  holdoutDisplayScores: number[];
}

/**
 * Trains a WOE logistic scorecard: stratified split, monotone binning, IV and correlation
 * selection, L2 logistic regression (refitting without any feature whose coefficient has the
 * wrong sign), points scaling, and evaluation of the finished file on the holdout rows.
 */
export function trainScorecard(
  profiles: readonly BehaviourProfile[],
  labels: readonly number[],
  sha256: string,
  options: TrainingOptions,
  log: (message: string) => void = () => {},
): TrainingResult {
  const featureRows = profiles.map(deriveFeatures);
  const { train, holdout } = stratifiedSplit(labels, options.trainFraction, options.seed);
  log(`split: ${train.length} train / ${holdout.length} holdout rows (seed ${options.seed})`);

  const trainLabels = train.map((i) => labels[i]);
  const woeTables = FEATURE_NAMES.map((name) => {
    const values = train.map((i) => featureRows[i][name]);
    const table = buildWoeTable(name, values, trainLabels, options.binning);
    log(`binned ${name}: ${table.bins.length} bins, IV ${table.informationValue.toFixed(4)}`);
    return table;
  });
  const woeColumns = new Map<string, number[]>();
  for (const table of woeTables) {
    const name = table.name as FeatureName;
    woeColumns.set(name, train.map((i) => woeOf(table, featureRows[i][name])));
  }
  const candidates = woeTables.map((t) => ({
    name: t.name,
    informationValue: t.informationValue,
    woeColumn: woeColumns.get(t.name) ?? [],
  }));
  const selection = selectFeatures(candidates, options.minIv, options.maxCorrelation);
  const dropped = { ...selection.dropped };

  const { kept, fit } = fitWithSignCheck(
    selection.kept,
    woeColumns,
    trainLabels,
    options,
    dropped,
    log,
  );
  if (!fit.converged) throw new Error('Logistic regression did not converge; raise maxIterations');

  const tables = kept.map((name) => woeTables.find((t) => t.name === name) as WoeTable);
  const file = buildScorecardFile(tables, fit, sha256, options, train.length, holdout.length);
  const model = parseScorecard(file);
  const scored = holdout.map((i) => scoreProfile(model, profiles[i]));
  const holdoutLabels = holdout.map((i) => labels[i]);
  const pd = scored.map((s) => s.probabilityOfDefault);
  const holdoutAuc = areaUnderRoc(pd, holdoutLabels);
  const holdoutKs = kolmogorovSmirnov(pd, holdoutLabels);
  const calibration = calibrationDeciles(pd, holdoutLabels);
  file.metrics.holdoutAuc = round6(holdoutAuc);
  file.metrics.holdoutKs = round6(holdoutKs);
  file.metrics.calibration = calibration.map((row) => ({
    ...row,
    predictedRate: round6(row.predictedRate),
    observedRate: round6(row.observedRate),
  }));
  const holdoutDisplayScores = scored.map((s) => s.displayScore).sort((a, b) => a - b);
  return { file, woeTables, dropped, holdoutAuc, holdoutKs, calibration, holdoutDisplayScores };
}

/**
 * Fits the regression and, while some coefficient is not negative, drops the feature with the
 * largest one and refits. WOE grows with safety, so a coefficient on P(bad) must be negative;
 * a positive one comes from collinearity and would reward risk.
 */
function fitWithSignCheck(
  selected: readonly string[],
  woeColumns: Map<string, number[]>,
  labels: readonly number[],
  options: TrainingOptions,
  dropped: Record<string, string>,
  log: (message: string) => void,
): { kept: string[]; fit: LogisticFit } {
  let kept = [...selected];
  for (;;) {
    const columns = kept.map((name) => woeColumns.get(name) ?? []);
    const rows = labels.map((_, r) => columns.map((column) => column[r]));
    const fit = fitLogisticL2(rows, labels, options.logistic);
    log(`logistic fit on ${kept.length} features: ${fit.iterations} Newton iterations`);
    const worst = fit.coefficients.reduce((w, c, i) => (c > fit.coefficients[w] ? i : w), 0);
    if (fit.coefficients[worst] < 0) return { kept, fit };
    dropped[kept[worst]] = `coefficient ${fit.coefficients[worst].toFixed(4)} has the wrong sign`;
    kept = kept.filter((_, i) => i !== worst);
  }
}

/**
 * Writes points per bin: `points = −(β_j × WOE + β_0 / k) × factor + offset / k` for k
 * features, rounded to whole points, so the points of an applicant's bins sum to
 * `offset + factor × ln(good:bad odds)`.
 */
function buildScorecardFile(
  tables: readonly WoeTable[],
  fit: { intercept: number; coefficients: number[]; iterations: number },
  sha256: string,
  options: TrainingOptions,
  trainRows: number,
  holdoutRows: number,
): ScorecardFile {
  const constants = scalingConstants(options.scaling);
  const k = tables.length;
  const pointsFor = (coefficient: number, woe: number) =>
    Math.round(-(coefficient * woe + fit.intercept / k) * constants.factor + constants.offset / k);
  const rate = (goods: number, bads: number) => round6(bads / Math.max(1, goods + bads));
  const features = tables.map((table, j) => {
    const coefficient = fit.coefficients[j];
    const missingCount = table.missing.goods + table.missing.bads;
    return {
      name: table.name as FeatureName,
      coefficient: round6(coefficient),
      informationValue: round6(table.informationValue),
      bins: table.bins.map((bin) => ({
        range: [bin.lower, bin.upper] as [number | null, number | null],
        woe: round6(bin.woe),
        points: pointsFor(coefficient, bin.woe),
        count: bin.goods + bin.bads,
        eventRate: rate(bin.goods, bin.bads),
      })),
      missing: {
        woe: round6(table.missing.woe),
        points: pointsFor(coefficient, table.missing.woe),
        count: missingCount,
        eventRate: missingCount ? rate(table.missing.goods, table.missing.bads) : null,
      },
    };
  });
  const pointsAtZero = round6(oddsToPoints(options.displayOdds.atZero, constants));
  const pointsAtHundred = round6(oddsToPoints(options.displayOdds.atHundred, constants));
  return {
    version: options.version,
    createdAt: options.createdAt,
    trainingDataSha256: sha256,
    target: options.target,
    intercept: round6(fit.intercept),
    scaling: {
      ...options.scaling,
      factor: round6(constants.factor),
      offset: round6(constants.offset),
    },
    displayScore: {
      method: 'linear-points',
      formula: DISPLAY_SCORE_FORMULA,
      pointsAtZero,
      pointsAtHundred,
    },
    features,
    // The holdout metrics are filled in after the finished file has scored the holdout rows.
    metrics: {
      holdoutAuc: 0,
      holdoutKs: 0,
      trainRows,
      holdoutRows,
      iterations: fit.iterations,
      calibration: [],
    },
  };
}

const DISPLAY_SCORE_FORMULA =
  'clamp(round(100 * (points - pointsAtZero) / (pointsAtHundred - pointsAtZero)), 0, 100)';

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

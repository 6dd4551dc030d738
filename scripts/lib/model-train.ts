import type { BehaviourProfile } from '../../adapters/ports/credit-data';
import { FEATURE_NAMES, type FeatureValues } from '../../core/scoring/features';
import type { Scaling } from '../../core/scoring/scaling';
import { parseScorecard, scoreFeatures } from '../../core/scoring/scorecard';
import type { ScorecardFile } from '../../core/scoring/scorecard-schema';
import {
  crossValidate,
  foldRange,
  SCORE_BIN_EDGES,
  type CrossValidationResult,
  type ModelDataset,
  type RowScorer,
} from './model-cv';
import type { FeatureColumns } from './model-characteristics';
import { trainBinModel, type BinModel, type EngineOptions } from './model-engine';
import { binShares } from './model-metrics';
import { slotPoints } from './model-points';
import { buildScorecardFile, round6, type ScorecardFileHeader } from './model-scorecard-file';
import { DEFAULT_TAIWAN_SPEC, taiwanColumns, taiwanSpecs, type TaiwanSpecOptions } from './model-taiwan';

export interface TrainingOptions {
  version: string;
  /** YYYY-MM-DD. */
  createdAt: string;
  target: string;
  /** Folds and seed of the stratified cross-validation whose metrics the file records. */
  folds: number;
  seed: number;
  spec: TaiwanSpecOptions;
  engine: EngineOptions;
  scaling: Scaling;
  /** Good:bad odds at display score 0 and at display score 100. */
  displayOdds: { atZero: number; atHundred: number };
}

export const DEFAULT_ENGINE: EngineOptions = {
  minIv: 0.02,
  maxCorrelation: 0.98,
  l2Penalties: [10, 30, 100],
  innerFolds: 3,
  seed: 7,
  logistic: { maxIterations: 50, tolerance: 1e-7 },
  monotoneCoding: 'bins',
};

/**
 * Scaling: 600 points at good:bad odds of 50:1 and 20 points to double the odds. Display
 * score 0 is at odds 1:4 (PD 80%) and 100 at odds 32:1 (PD 3%).
 */
export const DEFAULT_TRAINING: Omit<TrainingOptions, 'createdAt' | 'target'> = {
  version: 'scorecard-v3',
  folds: 5,
  seed: 42,
  spec: DEFAULT_TAIWAN_SPEC,
  engine: DEFAULT_ENGINE,
  scaling: { baseScore: 600, baseOdds: 50, pdo: 20 },
  displayOdds: { atZero: 1 / 4, atHundred: 32 },
};

export interface TrainingResult {
  file: ScorecardFile;
  model: BinModel;
  crossValidation?: CrossValidationResult;
}

/** Builds the Taiwan data as a model dataset: derived feature columns and candidate characteristics. */
export function taiwanDataset(
  profiles: readonly BehaviourProfile[],
  labels: readonly number[],
  options: Omit<TrainingOptions, 'createdAt' | 'target'>,
): ModelDataset {
  return {
    name: 'taiwan',
    columns: taiwanColumns(profiles),
    labels: Float64Array.from(labels),
    specs: taiwanSpecs(options.spec),
    engine: options.engine,
    scaling: options.scaling,
    displayOdds: options.displayOdds,
  };
}

/**
 * Trains the Taiwan scorecard on every row and writes it as a scorecard file, with the
 * training display-score distribution that monitoring compares live scores against. The
 * cross-validation metrics are left empty; {@link trainScorecard} fills them in.
 */
export function fitScorecard(
  dataset: ModelDataset,
  header: ScorecardFileHeader,
  log: (message: string) => void = () => {},
): TrainingResult {
  const rows = Array.from(dataset.labels, (_, i) => i);
  const model = trainBinModel(dataset.columns, dataset.labels, rows, dataset.specs, dataset.engine, log);
  const file = buildScorecardFile(model, slotPoints(model, dataset.scaling), header, rows.length);
  const scorecard = parseScorecard(file);
  const displayScores = rows.map((row) => scoreFeatures(scorecard, rowValues(dataset.columns, row)).displayScore);
  file.scoreDistribution = {
    edges: SCORE_BIN_EDGES,
    shares: binShares(displayScores, SCORE_BIN_EDGES).map(round6),
  };
  return { file, model };
}

/**
 * Trains the scorecard: k-fold cross-validation of the whole pipeline (each fold scored by
 * the core scorer from a scorecard file), then the final fit on every row. The file records
 * the cross-validated AUC, KS, Gini and Brier score and the out-of-fold calibration.
 */
export function trainScorecard(
  profiles: readonly BehaviourProfile[],
  labels: readonly number[],
  sha256: string,
  options: TrainingOptions,
  log: (message: string) => void = () => {},
): TrainingResult {
  const dataset = taiwanDataset(profiles, labels, options);
  const header = headerOf(options, sha256);
  const crossValidation = crossValidate(dataset, options.folds, options.seed, coreScorer(dataset, header), log);
  const result = fitScorecard(dataset, header, log);
  const folds = crossValidation.folds;
  result.file.metrics.crossValidation = {
    folds: options.folds,
    seed: options.seed,
    auc: roundRange(foldRange(folds, 'auc')),
    ks: roundRange(foldRange(folds, 'ks')),
    gini: roundRange(foldRange(folds, 'gini')),
    brier: roundRange(foldRange(folds, 'brier')),
  };
  result.file.metrics.calibration = crossValidation.calibration.map((row) => ({
    ...row,
    predictedRate: round6(row.predictedRate),
    observedRate: round6(row.observedRate),
  }));
  return { ...result, crossValidation };
}

/** Builds the scorecard file header for the given options and training-data hash. */
export function headerOf(options: TrainingOptions, sha256: string): ScorecardFileHeader {
  return {
    version: options.version,
    createdAt: options.createdAt,
    trainingDataSha256: sha256,
    target: options.target,
    scaling: options.scaling,
    displayOdds: options.displayOdds,
  };
}

/** Scores rows the way production does: write the file, parse it, run the core scorer. */
export function coreScorer(dataset: ModelDataset, header: ScorecardFileHeader): RowScorer {
  return (model, rows) => {
    const file = buildScorecardFile(model, slotPoints(model, dataset.scaling), header, 1);
    const scorecard = parseScorecard(file);
    return rows.map((row) => scoreFeatures(scorecard, rowValues(dataset.columns, row)).points);
  };
}

/** Feature values of one row, read back from the columns. */
export function rowValues(columns: FeatureColumns, row: number): FeatureValues {
  const values = {} as FeatureValues;
  for (const name of FEATURE_NAMES) values[name] = columns[name][row];
  return values;
}

function roundRange(range: { mean: number; min: number; max: number }) {
  return { mean: round6(range.mean), min: round6(range.min), max: round6(range.max) };
}

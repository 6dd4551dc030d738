import { pointsToProbability, scalingConstants, type Scaling } from '../../core/scoring/scaling';
import type { CharacteristicSpec, FeatureColumns } from './model-characteristics';
import { trainBinModel, type BinModel, type EngineOptions } from './model-engine';
import {
  areaUnderRoc,
  binShares,
  brierScore,
  calibrationDeciles,
  giniCoefficient,
  kolmogorovSmirnov,
  populationStabilityIndex,
  type CalibrationRow,
} from './model-metrics';
import { rowPoints, slotPoints } from './model-points';
import { stratifiedFolds } from './model-split';

/** A labelled dataset with its candidate characteristics and training settings. */
export interface ModelDataset {
  name: string;
  columns: FeatureColumns;
  /** 1 = bad (default), 0 = good. */
  labels: Float64Array;
  specs: CharacteristicSpec[];
  engine: EngineOptions;
  scaling: Scaling;
  /** Good:bad odds at display score 0 and at display score 100. */
  displayOdds: { atZero: number; atHundred: number };
}

/** Scores rows with a trained model: total whole points of each row. */
export type RowScorer = (model: BinModel, rows: readonly number[]) => number[];

/** Display-score bins shared by the PSI checks: ten bins of ten points, the last closed at 100. */
export const SCORE_BIN_EDGES = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 101];

export interface FoldMetrics {
  fold: number;
  trainRows: number;
  testRows: number;
  auc: number;
  ks: number;
  gini: number;
  brier: number;
  /** PSI of the test rows' display scores against the training rows'. */
  psiTrainTest: number;
  l2Penalty: number;
  characteristics: number;
}

export interface CrossValidationResult {
  folds: FoldMetrics[];
  /** Out-of-fold points, PD and display score of every row, each from the fold leaving it out. */
  points: Float64Array;
  probabilities: Float64Array;
  displayScores: Int32Array;
  calibration: CalibrationRow[];
  seconds: number;
}

/**
 * Runs stratified k-fold cross-validation: each fold trains the whole pipeline (binning,
 * selection, penalty tuning, fit, points) on the other folds and scores its own rows with
 * whole points, so the metrics describe the scorecard as it would be deployed.
 */
export function crossValidate(
  dataset: ModelDataset,
  folds: number,
  seed: number,
  scorer: RowScorer = genericScorer(dataset),
  log: (message: string) => void = () => {},
): CrossValidationResult {
  const startedMs = Date.now();
  const n = dataset.labels.length;
  const assignment = stratifiedFolds(dataset.labels, folds, seed);
  const points = new Float64Array(n);
  const foldMetrics: FoldMetrics[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < n; i += 1) (assignment[i] === fold ? test : train).push(i);
    const model = trainBinModel(dataset.columns, dataset.labels, train, dataset.specs, dataset.engine);
    const testPoints = scorer(model, test);
    test.forEach((row, i) => {
      points[row] = testPoints[i];
    });
    const trainDisplay = scorer(model, train).map((p) => displayScore(dataset, p));
    const testDisplay = testPoints.map((p) => displayScore(dataset, p));
    const metrics = foldSummary(dataset, testPoints, test.map((i) => dataset.labels[i]));
    foldMetrics.push({
      fold,
      trainRows: train.length,
      testRows: test.length,
      ...metrics,
      psiTrainTest: populationStabilityIndex(
        binShares(trainDisplay, SCORE_BIN_EDGES),
        binShares(testDisplay, SCORE_BIN_EDGES),
      ),
      l2Penalty: model.l2Penalty,
      characteristics: model.characteristics.length,
    });
    log(`${dataset.name} fold ${fold + 1}/${folds}: AUC ${metrics.auc.toFixed(4)} KS ${metrics.ks.toFixed(4)}`);
  }
  const constants = scalingConstants(dataset.scaling);
  const probabilities = points.map((p) => pointsToProbability(p, constants));
  const displayScores = Int32Array.from(points, (p) => displayScore(dataset, p));
  const calibration = calibrationDeciles(Array.from(probabilities), Array.from(dataset.labels));
  const seconds = (Date.now() - startedMs) / 1000;
  return { folds: foldMetrics, points, probabilities, displayScores, calibration, seconds };
}

function foldSummary(dataset: ModelDataset, points: number[], labels: number[]) {
  const constants = scalingConstants(dataset.scaling);
  // Fewer points mean more risk, so the risk score for AUC and KS is −points.
  const risk = points.map((p) => -p);
  const probabilities = points.map((p) => pointsToProbability(p, constants));
  const auc = areaUnderRoc(risk, labels);
  return {
    auc,
    ks: kolmogorovSmirnov(risk, labels),
    gini: giniCoefficient(auc),
    brier: brierScore(probabilities, labels),
  };
}

/** Display score 0–100 for points, the same straight line as the scorecard's. */
export function displayScore(dataset: ModelDataset, points: number): number {
  const constants = scalingConstants(dataset.scaling);
  const atZero = constants.offset + constants.factor * Math.log(dataset.displayOdds.atZero);
  const atHundred = constants.offset + constants.factor * Math.log(dataset.displayOdds.atHundred);
  const scaled = Math.round((100 * (points - atZero)) / (atHundred - atZero));
  return Math.min(100, Math.max(0, scaled));
}

/** Scores rows by summing whole slot points, the same arithmetic as the core scorer. */
export function genericScorer(dataset: ModelDataset): RowScorer {
  return (model, rows) => {
    const points = slotPoints(model, dataset.scaling);
    return rows.map((row) => rowPoints(model, points, dataset.columns, row));
  };
}

/** Mean, minimum and maximum of one metric over the folds. */
export function foldRange(folds: readonly FoldMetrics[], metric: 'auc' | 'ks' | 'gini' | 'brier') {
  const values = folds.map((fold) => fold[metric]);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return { mean, min: Math.min(...values), max: Math.max(...values) };
}

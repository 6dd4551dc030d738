import { creditPolicy, DEFAULT_CREDIT_POLICY } from '../../core/scoring/policy';
import type { CrossValidationResult, FoldMetrics } from './model-cv';
import { foldRange } from './model-cv';
import { areaUnderRoc, kolmogorovSmirnov, type CalibrationRow } from './model-metrics';

/** Quality targets of the cross-validated scorecard. */
export interface Targets {
  auc: number;
  ks: number;
}

export interface Range {
  mean: number;
  min: number;
  max: number;
}

export interface GroupRate {
  attribute: string;
  group: string;
  rows: number;
  /** Share of the group's rows at or above the decline cutoff (out-of-fold scores). */
  approvalRate: number;
  /** Bad rate among the group's approved rows. */
  approvedDefaultRate: number;
  defaultRate: number;
}

export interface BandRate {
  band: string;
  rows: number;
  share: number;
  defaultRate: number;
}

/** Metrics of one dataset under the cross-validation protocol, as `--json` prints them. */
export interface DatasetEvaluation {
  dataset: string;
  rows: number;
  defaults: number;
  folds: number;
  seed: number;
  auc: Range;
  ks: Range;
  gini: Range;
  brier: Range;
  psiTrainTest: Range;
  /** AUC and KS of all out-of-fold scores pooled, beside the per-fold means. */
  pooledAuc: number;
  pooledKs: number;
  targets: Targets & { met: boolean };
  calibration: CalibrationRow[];
  declineBelowScore: number;
  approvalRate: number;
  fairness: GroupRate[];
  bands: BandRate[];
  perFold: FoldMetrics[];
  seconds: number;
}

/**
 * Summarises cross-validation for the report: fold ranges, pooled out-of-fold AUC and KS,
 * the target check, approval and default rates by policy band, and approval rates by each
 * protected attribute (which the model never reads).
 */
export function evaluateCrossValidation(
  dataset: string,
  labels: Float64Array,
  cv: CrossValidationResult,
  seed: number,
  targets: Targets,
  protectedAttributes: Record<string, readonly string[]>,
): DatasetEvaluation {
  const risk = Array.from(cv.points, (p) => -p);
  const labelList = Array.from(labels);
  const auc = foldRange(cv.folds, 'auc');
  const ks = foldRange(cv.folds, 'ks');
  const psiValues = cv.folds.map((fold) => fold.psiTrainTest);
  const cutoff = DEFAULT_CREDIT_POLICY.declineBelowScore;
  const approved = (row: number) => cv.displayScores[row] >= cutoff;
  const allRows = labelList.map((_, i) => i);
  return {
    dataset,
    rows: labels.length,
    defaults: labelList.filter((label) => label === 1).length,
    folds: cv.folds.length,
    seed,
    auc,
    ks,
    gini: foldRange(cv.folds, 'gini'),
    brier: foldRange(cv.folds, 'brier'),
    psiTrainTest: {
      mean: psiValues.reduce((sum, value) => sum + value, 0) / psiValues.length,
      min: Math.min(...psiValues),
      max: Math.max(...psiValues),
    },
    pooledAuc: areaUnderRoc(risk, labelList),
    pooledKs: kolmogorovSmirnov(risk, labelList),
    targets: { ...targets, met: auc.mean >= targets.auc && ks.mean >= targets.ks },
    calibration: cv.calibration,
    declineBelowScore: cutoff,
    approvalRate: allRows.filter(approved).length / labels.length,
    fairness: groupRates(protectedAttributes, labels, approved),
    bands: bandRates(cv.displayScores, labels),
    perFold: cv.folds,
    seconds: cv.seconds,
  };
}

function groupRates(
  attributes: Record<string, readonly string[]>,
  labels: Float64Array,
  approved: (row: number) => boolean,
): GroupRate[] {
  const rates: GroupRate[] = [];
  for (const [attribute, values] of Object.entries(attributes)) {
    for (const group of [...new Set(values)].sort()) {
      const rows = values.flatMap((value, i) => (value === group ? [i] : []));
      const approvedRows = rows.filter(approved);
      const bads = (list: number[]) => list.filter((i) => labels[i] === 1).length;
      rates.push({
        attribute,
        group,
        rows: rows.length,
        approvalRate: approvedRows.length / rows.length,
        approvedDefaultRate: approvedRows.length ? bads(approvedRows) / approvedRows.length : 0,
        defaultRate: bads(rows) / rows.length,
      });
    }
  }
  return rates;
}

/** Rows and bad rate in each credit-policy band (and the declined group) by display score. */
function bandRates(displayScores: Int32Array, labels: Float64Array): BandRate[] {
  const counts = new Map<string, { rows: number; bads: number }>();
  displayScores.forEach((score, i) => {
    const band = creditPolicy(score).band;
    const entry = counts.get(band) ?? { rows: 0, bads: 0 };
    entry.rows += 1;
    entry.bads += labels[i];
    counts.set(band, entry);
  });
  const order = [...DEFAULT_CREDIT_POLICY.rateBands.map((b) => b.band as string), 'DECLINED'];
  return order.map((band) => {
    const entry = counts.get(band) ?? { rows: 0, bads: 0 };
    return {
      band,
      rows: entry.rows,
      share: entry.rows / displayScores.length,
      defaultRate: entry.rows ? entry.bads / entry.rows : 0,
    };
  });
}

import { SCORE_BIN_EDGES, type CrossValidationResult } from './model-cv';
import type { BinnedCharacteristic } from './model-characteristics';
import type { BinModel, Coding } from './model-engine';
import type { DatasetEvaluation } from './model-evaluation';
import { binShares, rocCurve } from './model-metrics';
import { histogramChart, lineChart } from './model-svg';
import { scorecardRows } from './model-scorecard-table';

/** Everything the report shows for one dataset. */
export interface ReportSection {
  title: string;
  evaluation: DatasetEvaluation;
  crossValidation: CrossValidationResult;
  labels: Float64Array;
  /** The model trained on every row, shown as the scorecard table. */
  model: BinModel;
  slotPoints: Float64Array[];
  notes: string[];
}

const BAD = '#c0392b';
const GOOD = '#2e86c1';

const pct = (value: number) => `${(100 * value).toFixed(1)}%`;
const fixed = (value: number, digits = 4) => value.toFixed(digits);

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Builds the self-contained HTML report: metrics, plots and scorecard tables per dataset. */
export function renderReport(sections: readonly ReportSection[], generatedAt: string): string {
  const summary = table(
    ['dataset', 'AUC (mean)', 'KS (mean)', 'Gini', 'Brier', 'target AUC / KS', 'met'],
    sections.map(({ evaluation: e }) => [
      e.dataset,
      fixed(e.auc.mean),
      fixed(e.ks.mean),
      fixed(e.gini.mean),
      fixed(e.brier.mean),
      `${e.targets.auc} / ${e.targets.ks}`,
      e.targets.met ? 'yes' : 'no',
    ]),
  );
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Credit scorecard report</title>',
    '<style>body{font-family:sans-serif;margin:24px;max-width:1300px}table{border-collapse:collapse;margin:8px 0 16px}',
    'td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px;text-align:right}th{background:#f4f4f4}',
    '.charts{display:flex;flex-wrap:wrap;gap:12px}details{margin:6px 0}</style></head><body>',
    '<h1>Credit scorecard: cross-validated evaluation</h1>',
    `<p>Generated ${escapeHtml(generatedAt)} by <code>npm run evaluate</code>. Every metric is out of fold: `,
    'each fold retrains binning, selection, penalty tuning and points on the other folds.</p>',
    summary,
    ...sections.map(renderSection),
    '</body></html>',
  ].join('\n');
}

function renderSection(section: ReportSection): string {
  const e = section.evaluation;
  const range = (r: { mean: number; min: number; max: number }) =>
    `${fixed(r.mean)} (${fixed(r.min)}–${fixed(r.max)})`;
  const folds = table(
    ['fold', 'train rows', 'test rows', 'AUC', 'KS', 'Gini', 'Brier', 'PSI train→test', 'L2', 'characteristics'],
    e.perFold.map((f) => [
      f.fold + 1,
      f.trainRows,
      f.testRows,
      fixed(f.auc),
      fixed(f.ks),
      fixed(f.gini),
      fixed(f.brier),
      fixed(f.psiTrainTest),
      f.l2Penalty,
      f.characteristics,
    ]),
  );
  const calibration = table(
    ['decile', 'rows', 'predicted PD', 'observed default rate'],
    e.calibration.map((row) => [row.decile, row.count, pct(row.predictedRate), pct(row.observedRate)]),
  );
  const bands = table(
    ['band', 'rows', 'share', 'default rate'],
    e.bands.map((band) => [band.band, band.rows, pct(band.share), pct(band.defaultRate)]),
  );
  const fairness = table(
    ['attribute', 'group', 'rows', 'approval rate', 'default rate of approved', 'default rate'],
    e.fairness.map((g) => [g.attribute, g.group, g.rows, pct(g.approvalRate), pct(g.approvedDefaultRate), pct(g.defaultRate)]),
  );
  return [
    `<h2>${escapeHtml(section.title)}</h2>`,
    ...section.notes.map((note) => `<p>${escapeHtml(note)}</p>`),
    `<p>${e.rows} rows, ${e.defaults} bad (${pct(e.defaults / e.rows)}). ${e.folds}-fold stratified CV, seed ${e.seed}, `,
    `${e.seconds.toFixed(1)} s.</p>`,
    table(
      ['metric', 'mean (min–max over folds)'],
      [
        ['AUC', range(e.auc)],
        ['KS', range(e.ks)],
        ['Gini', range(e.gini)],
        ['Brier score', range(e.brier)],
        ['PSI train→test (display score)', range(e.psiTrainTest)],
        ['pooled out-of-fold AUC / KS', `${fixed(e.pooledAuc)} / ${fixed(e.pooledKs)}`],
        ['target AUC / KS', `${e.targets.auc} / ${e.targets.ks}: ${e.targets.met ? 'met' : 'not met'}`],
      ],
    ),
    folds,
    `<div class="charts">${charts(section)}</div>`,
    '<h3>Calibration (out-of-fold deciles of predicted PD)</h3>',
    calibration,
    `<h3>Policy bands (decline below display score ${e.declineBelowScore}; approval ${pct(e.approvalRate)})</h3>`,
    bands,
    '<h3>Approval rates by sex and marital status (never model inputs)</h3>',
    fairness,
    '<h3>Scorecard (trained on every row)</h3>',
    scorecardHtml(section),
  ].join('\n');
}

function charts(section: ReportSection): string {
  const cv = section.crossValidation;
  const labels = section.labels;
  const risk = Array.from(cv.points, (p) => -p);
  const roc = rocCurve(risk, labels);
  const rocChart = lineChart(
    [{ label: `AUC ${fixed(section.evaluation.pooledAuc)}`, color: BAD, points: roc.map((p) => ({ x: p.goodShare, y: p.badShare })) }],
    { title: 'ROC (out of fold)', xLabel: 'share of goods declined', yLabel: 'share of bads declined', xRange: [0, 1], yRange: [0, 1], diagonal: true },
  );
  const byScore = rocCurve(Array.from(cv.displayScores), labels.map((l) => 1 - l));
  const ksChart = lineChart(
    [
      { label: 'bads scoring below', color: BAD, points: byScore.slice(1).map((p) => ({ x: p.threshold, y: 1 - p.goodShare })) },
      { label: 'goods scoring below', color: GOOD, points: byScore.slice(1).map((p) => ({ x: p.threshold, y: 1 - p.badShare })) },
    ],
    { title: `KS curve (KS ${fixed(section.evaluation.pooledKs)})`, xLabel: 'display score', yLabel: 'cumulative share', xRange: [0, 100], yRange: [0, 1] },
  );
  const goods = Array.from(cv.displayScores).filter((_, i) => labels[i] === 0);
  const bads = Array.from(cv.displayScores).filter((_, i) => labels[i] === 1);
  const goodShares = binShares(goods, SCORE_BIN_EDGES);
  const badShares = binShares(bads, SCORE_BIN_EDGES);
  const top = Math.max(...goodShares, ...badShares);
  const histogram = histogramChart(
    [
      { label: 'bad', color: BAD, shares: badShares },
      { label: 'good', color: GOOD, shares: goodShares },
    ],
    SCORE_BIN_EDGES.map((edge) => Math.min(edge, 100)),
    { title: 'Display scores by outcome', xLabel: 'display score', yLabel: 'share of group', xRange: [0, 100], yRange: [0, Math.ceil(top * 10) / 10] },
  );
  const calibration = section.evaluation.calibration;
  const maxRate = Math.max(...calibration.map((row) => Math.max(row.predictedRate, row.observedRate)));
  const calibrationChart = lineChart(
    [{ label: 'decile: predicted vs observed', color: BAD, markers: true, points: calibration.map((row) => ({ x: row.predictedRate, y: row.observedRate })) }],
    { title: 'Calibration', xLabel: 'predicted PD', yLabel: 'observed default rate', xRange: [0, Math.ceil(maxRate * 10) / 10], yRange: [0, Math.ceil(maxRate * 10) / 10], diagonal: true },
  );
  return [rocChart, ksChart, histogram, calibrationChart].join('');
}

/** Label of how a characteristic's points were fitted, for the report's table titles. */
function codingLabel(characteristic: BinnedCharacteristic, coding: Coding): string {
  if (coding === 'woe') return 'points from WOE';
  if (coding === 'onehot') return 'points per bin';
  const spec = characteristic.spec;
  const categoricalColumn = spec.kind === 'interaction' && spec.columnBinning.mode === 'categorical';
  return categoricalColumn ? 'points per bin, column codes free' : 'monotone points per bin';
}

function scorecardHtml(section: ReportSection): string {
  return section.model.characteristics
    .map((characteristic, j) => {
      const rows = scorecardRows(characteristic, section.slotPoints[j]);
      const coding = codingLabel(characteristic, section.model.coding[j]);
      const title = `${characteristic.spec.name} (${coding}): IV ${fixed(characteristic.informationValue)}, ${rows.length} bins`;
      const body = table(
        ['bin', 'rows', 'bad rate', 'WOE', 'points'],
        rows.map((row) => [row.label, row.count, row.count ? pct(row.eventRate) : '–', fixed(row.woe, 3), row.points]),
      );
      return `<details><summary>${escapeHtml(title)}</summary>${body}</details>`;
    })
    .join('\n');
}

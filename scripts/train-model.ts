/**
 * Trains the credit scorecard on the Taiwan credit-card default data and writes
 * model/scorecard-v3.json. Run with `npm run train`; it prints progress, the cross-validated
 * AUC and KS per fold, the information value of each candidate, the out-of-fold calibration
 * and the display-score percentiles used to set policy cutoffs.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CREDIT_POLICY } from '../core/scoring/policy';
import { loadTaiwanProfiles, TAIWAN_CSV_PATH, TAIWAN_LABEL_COLUMN } from './lib/model-data';
import { formatModelJson } from './lib/model-file-format';
import { DEFAULT_TRAINING, trainScorecard } from './lib/model-train';

const OUTPUT_PATH = path.resolve(__dirname, '../model/scorecard-v3.json');

function main(): void {
  const startedMs = Date.now();
  const log = (message: string) => {
    const seconds = ((Date.now() - startedMs) / 1000).toFixed(2);
    console.log(`[${seconds}s] ${message}`);
  };
  log(`reading ${TAIWAN_CSV_PATH}`);
  const data = loadTaiwanProfiles();
  const bads = data.labels.filter((label) => label === 1).length;
  log(`loaded ${data.profiles.length} rows, ${bads} defaults, sha256 ${data.sha256}`);

  const createdAt = new Date().toISOString().slice(0, 10);
  const options = { ...DEFAULT_TRAINING, createdAt, target: `${TAIWAN_LABEL_COLUMN} = 1` };
  const result = trainScorecard(data.profiles, data.labels, data.sha256, options, log);

  console.log('\nInformation value by candidate characteristic (all rows):');
  const byIv = [...result.model.candidates].sort((a, b) => b.informationValue - a.informationValue);
  for (const candidate of byIv) {
    const status = result.model.dropped[candidate.spec.name] ?? 'kept';
    const name = candidate.spec.name.padEnd(34);
    console.log(`  ${name} IV ${candidate.informationValue.toFixed(4)}  ${status}`);
  }
  const cv = result.file.metrics.crossValidation;
  if (cv) {
    const range = (m: { mean: number; min: number; max: number }) =>
      `${m.mean.toFixed(4)} (${m.min.toFixed(4)}–${m.max.toFixed(4)})`;
    console.log(`\n${cv.folds}-fold CV (seed ${cv.seed}): AUC ${range(cv.auc)}  KS ${range(cv.ks)}`);
    console.log(`  Gini ${range(cv.gini)}  Brier ${range(cv.brier)}`);
  }
  console.log('\nOut-of-fold calibration by decile of predicted PD:');
  console.log('  decile   rows  predicted  observed');
  for (const row of result.file.metrics.calibration) {
    const predicted = (row.predictedRate * 100).toFixed(2).padStart(8);
    const observed = (row.observedRate * 100).toFixed(2).padStart(8);
    console.log(`  ${String(row.decile).padStart(6)}  ${String(row.count).padStart(5)}  ${predicted}%  ${observed}%`);
  }
  const scores = Array.from(result.crossValidation?.displayScores ?? []).sort((a, b) => a - b);
  const percentile = (p: number) => scores[Math.min(scores.length - 1, Math.floor(p * scores.length))];
  const marks = [0.01, 0.05, 0.1, 0.15, 0.2, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];
  console.log('\nOut-of-fold display score percentiles:');
  console.log(`  ${marks.map((p) => `p${Math.round(p * 100)}=${percentile(p)}`).join('  ')}`);
  const cutoff = DEFAULT_CREDIT_POLICY.declineBelowScore;
  const declined = scores.filter((score) => score < cutoff).length;
  console.log(`  below the decline cutoff ${cutoff}: ${((100 * declined) / scores.length).toFixed(1)}%`);

  writeFileSync(OUTPUT_PATH, formatModelJson(result.file));
  log(`wrote ${OUTPUT_PATH}`);
}

main();

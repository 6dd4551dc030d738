/**
 * Trains the credit scorecard on the Taiwan credit-card default data and writes
 * model/scorecard-v1.json. Run with `npm run train`; it prints progress, the holdout AUC and
 * KS, the calibration table and the display-score distribution used to set policy cutoffs.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadTaiwanProfiles, TAIWAN_CSV_PATH, TAIWAN_LABEL_COLUMN } from './lib/model-data';
import { DEFAULT_TRAINING, trainScorecard } from './lib/model-train';

const OUTPUT_PATH = path.resolve(__dirname, '../model/scorecard-v1.json');

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

  console.log('\nInformation value by feature (training rows):');
  const byIv = [...result.woeTables].sort((a, b) => b.informationValue - a.informationValue);
  for (const table of byIv) {
    const status = result.dropped[table.name] ?? 'kept';
    console.log(`  ${table.name.padEnd(20)} IV ${table.informationValue.toFixed(4)}  ${status}`);
  }
  console.log('\nCoefficients and bins:');
  for (const feature of result.file.features) {
    const points = feature.bins.map((bin) => bin.points).join(' ');
    const missing = feature.missing.count ? ` missing ${feature.missing.points}` : '';
    const beta = feature.coefficient.toFixed(4);
    console.log(`  ${feature.name.padEnd(20)} β ${beta}  points ${points}${missing}`);
  }
  console.log(`\nHoldout AUC ${result.holdoutAuc.toFixed(4)}  KS ${result.holdoutKs.toFixed(4)}`);
  console.log('\nCalibration by decile of predicted PD (holdout):');
  console.log('  decile  rows  predicted  observed');
  for (const row of result.calibration) {
    const predicted = (row.predictedRate * 100).toFixed(2).padStart(8);
    const observed = (row.observedRate * 100).toFixed(2).padStart(8);
    const decile = String(row.decile).padStart(6);
    console.log(`  ${decile}  ${String(row.count).padStart(4)}  ${predicted}%  ${observed}%`);
  }
  const scores = result.holdoutDisplayScores;
  const percentile = (p: number) =>
    scores[Math.min(scores.length - 1, Math.floor(p * scores.length))];
  const marks = [0.01, 0.05, 0.1, 0.15, 0.2, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];
  console.log('\nHoldout display score percentiles:');
  console.log(`  ${marks.map((p) => `p${Math.round(p * 100)}=${percentile(p)}`).join('  ')}`);

  writeFileSync(OUTPUT_PATH, formatModelJson(result.file));
  log(`wrote ${OUTPUT_PATH}`);
}

/** Pretty-prints the model with each bin's two-number range on one line, for easy reading. */
function formatModelJson(file: unknown): string {
  const pretty = JSON.stringify(file, null, 2);
  return `${pretty.replace(/"range": \[\s+([^,\s]+),\s+([^\s\]]+)\s+\]/g, '"range": [$1, $2]')}\n`;
}

main();

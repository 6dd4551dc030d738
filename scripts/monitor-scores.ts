/**
 * Checks live credit scores for drift: reads the display score of every credit decision made
 * by the deployed model from `<LOAN_DATA_DIR>/loans.sqlite` and compares their distribution
 * with the training distribution in the model file (PSI > 0.25 major, > 0.1 moderate). Run
 * with `npm run monitor`; `--json` prints the report as JSON. Exits with code 2 on major drift.
 */
import path from 'node:path';
import { openSqliteStore } from '../adapters/storage/sqlite-store';
import { deployedScorecard } from '../services/deployed-scorecard';
import { loadConfig } from '../services/config';
import { driftReport, readLiveScores } from './lib/model-monitor';

async function main(): Promise<void> {
  const config = loadConfig();
  const databaseFile = path.join(config.dataDir, 'loans.sqlite');
  const model = deployedScorecard();
  const store = openSqliteStore({ file: databaseFile });
  try {
    const scores = await readLiveScores(store, model.version);
    const report = driftReport(model.file, scores);
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      console.log(`model ${report.modelVersion}, ${report.liveCount} live decisions in ${databaseFile}`);
      console.log('  score bin   training   live');
      for (const bin of report.bins) {
        const range = `${bin.from}–${Math.min(bin.to, 101) - 1}`.padEnd(9);
        const expected = `${(100 * bin.expectedShare).toFixed(1)}%`.padStart(8);
        const live = `${(100 * bin.liveShare).toFixed(1)}%`.padStart(7);
        console.log(`  ${range} ${expected} ${live}`);
      }
      const psi = report.psi === null ? 'n/a' : report.psi.toFixed(4);
      console.log(`PSI ${psi}: ${report.level}`);
    }
    if (report.level === 'major') process.exitCode = 2;
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Score monitoring failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

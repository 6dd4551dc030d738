/**
 * Runs the daily job once on a prepared store and prints one JSON line with its wall time,
 * the process's peak RSS and the job summary. A process of its own, so the memory used to
 * build the fixture is not counted. Usage: tsx bench/daily-job-child.ts <db> <dataDir> <date>
 */
import { checkLedger } from '../services/ledger';
import { runDailyJob } from '../services/jobs/daily-job';
import { createBenchServices } from './bench-services';

async function main(): Promise<void> {
  const [databaseFile, dataDir, businessDate] = process.argv.slice(2);
  if (!databaseFile || !dataDir || !businessDate) {
    throw new Error('usage: tsx bench/daily-job-child.ts <database file> <data dir> <YYYY-MM-DD>');
  }
  const services = createBenchServices(databaseFile, dataDir, businessDate);
  const rssBeforeKb = process.resourceUsage().maxRSS;
  const started = process.hrtime.bigint();
  const summary = await runDailyJob(services, businessDate, 'bench-daily-job');
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const maxRssKb = process.resourceUsage().maxRSS;
  const ledger = await checkLedger(services.store);
  await services.store.close();
  const result = { wallMs, maxRssKb, rssBeforeJobKb: rssBeforeKb, summary, ledgerBalanced: ledger.balanced, ledgerProblems: ledger.problems.slice(0, 5) };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`daily job benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

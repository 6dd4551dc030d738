/**
 * Benchmarks: the daily job over a large active portfolio on the embedded SQLite store,
 * credit-decision latency through the local server, scoring and training speed of the
 * credit model, and the time of a four-frame face decision. Prints a report (or JSON with --json)
 * and writes it to reports/bench.md.
 *
 * Usage: npm run bench -- [--loans N] [--people N] [--json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DAILY_JOB_TARGETS, describeMachine, formatBenchMarkdown, type BenchReport } from './bench-report';
import { benchCreditLatency } from './credit-latency';
import { benchDailyJob } from './daily-job-bench';
import { runFaceBench } from './face-bench';
import { runModelBench } from './model-bench';

const REPORT_FILE = path.resolve(__dirname, '../reports/bench.md');
/** Rounds of `creditLine show` calls over every onboarded person. */
const SHOW_ROUNDS = 10;

function positiveInteger(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`--${name} must be a positive integer, got "${text}"`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      loans: { type: 'string' },
      people: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const loans = positiveInteger(values.loans, 'loans', 1_000_000);
  const people = positiveInteger(values.people, 'people', 50);
  const startedAt = new Date().toISOString();

  process.stderr.write(`daily job: building ${loans.toLocaleString('en-US')} active loans...\n`);
  const dailyJob = await benchDailyJob(loans, process.stderr.isTTY === true);
  process.stderr.write(`credit decisions: onboarding ${people} people (face checks take a while)...\n`);
  const creditLatency = await benchCreditLatency(people, SHOW_ROUNDS);
  process.stderr.write('scoring and training the credit model...\n');
  const checks: BenchReport['checks'] = [...(await runModelBench())];
  process.stderr.write('face decisions over four frames...\n');
  checks.push(...(await runFaceBench()));

  const report: BenchReport = {
    startedAt,
    machine: describeMachine(),
    dailyJob: { ...dailyJob, ...DAILY_JOB_TARGETS },
    creditLatency,
    checks,
  };
  const markdown = formatBenchMarkdown(report);
  fs.mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
  fs.writeFileSync(REPORT_FILE, markdown);
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : markdown);
  process.stderr.write(`report written to ${path.relative(process.cwd(), REPORT_FILE)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { openSqliteStore } from '../adapters/storage/sqlite-store';
import { addDays, businessDate } from '../core/dates';
import type { DailyJobSummary } from '../services/jobs/daily-job';
import { DRAWS, REPAYMENTS } from '../services/loans/draw-document';
import { writeAccrual, writeFixtureLedger, writeFixtureLoans } from './loan-fixture';

/** Days from today to the benchmark's business date; the clock can only move forward. */
const DAYS_AHEAD = 45;
const FIXTURE_SEED = 20260316;

export interface DailyJobBenchResult {
  loans: number;
  dueOnBenchmarkDate: number;
  fixtureSeconds: number;
  databaseBytes: number;
  wallMs: number;
  maxRssKb: number;
  rssBeforeJobKb: number;
  summary: DailyJobSummary;
  ledgerBalanced: boolean;
  ledgerProblems: string[];
}

async function buildFixture(databaseFile: string, loans: number, date: string, showProgress: boolean) {
  const store = openSqliteStore({ file: databaseFile });
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'fixture loans [{bar}] {value}/{total} | {duration_formatted}' },
    cliProgress.Presets.shades_classic,
  );
  if (showProgress) bar.start(loans, 0);
  const changes = new Map<string, bigint>();
  const written = await writeFixtureLoans(store, loans, date, FIXTURE_SEED, changes, (count) =>
    bar.update(count),
  );
  if (showProgress) bar.stop();
  // Indexes the job's queries use, as the service bootstrap declares them.
  for (const field of ['openId', 'status', 'nextEventDate', 'createdAt']) await store.ensureIndex(DRAWS, field);
  await store.ensureIndex(REPAYMENTS, 'status');
  const accruedMicroFen = await writeAccrual(store, changes, date);
  await writeFixtureLedger(store, { ...written, accruedMicroFen }, date);
  await store.close();
  return written;
}

function runJobChild(databaseFile: string, dataDir: string, date: string): Promise<Omit<DailyJobBenchResult, 'loans' | 'dueOnBenchmarkDate' | 'fixtureSeconds' | 'databaseBytes'>> {
  const tsxCli = require.resolve('tsx/cli');
  const child = spawn(process.execPath, [tsxCli, path.join(__dirname, 'daily-job-child.ts'), databaseFile, dataDir, date], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`daily job child exited with ${code}: ${output.slice(-500)}`));
      resolve(JSON.parse(line));
    });
  });
}

/**
 * Builds a store of `loans` active draws in a temporary folder, then times one run of the
 * daily job in a child process. The folder is removed afterwards.
 */
export async function benchDailyJob(loans: number, showProgress: boolean): Promise<DailyJobBenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loan-bench-'));
  const databaseFile = path.join(dataDir, 'loans.sqlite');
  try {
    const date = addDays(businessDate(new Date()), DAYS_AHEAD);
    const started = Date.now();
    const written = await buildFixture(databaseFile, loans, date, showProgress);
    const fixtureSeconds = (Date.now() - started) / 1000;
    const databaseBytes = fs.statSync(databaseFile).size;
    const job = await runJobChild(databaseFile, dataDir, date);
    return { loans, dueOnBenchmarkDate: written.dueOnBenchmarkDate, fixtureSeconds, databaseBytes, ...job };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

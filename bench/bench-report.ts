import os from 'node:os';
import type { CreditLatencyResult } from './credit-latency';
import type { DailyJobBenchResult } from './daily-job-bench';

export interface BenchReport {
  startedAt: string;
  machine: { cpus: string; cores: number; memoryGb: number; node: string; platform: string };
  dailyJob: DailyJobBenchResult & { targetSeconds: number; targetRssMb: number };
  creditLatency: CreditLatencyResult;
  /** Scoring, training and face-decision checks, each against its target. */
  checks: { name: string; value: number; unit: string; target: number | null; ok: boolean }[];
}

/** Target of the daily job over 1,000,000 active loans: wall time and peak RSS. */
export const DAILY_JOB_TARGETS = { targetSeconds: 30, targetRssMb: 256 };

/** Describes this machine for the record: CPU model, cores, memory and Node version. */
export function describeMachine(): BenchReport['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

function verdict(met: boolean): string {
  return met ? 'met' : 'MISSED';
}

/** Formats the report as a markdown page: machine, then one table per benchmark. */
export function formatBenchMarkdown(report: BenchReport): string {
  const { machine, dailyJob: job, creditLatency: credit } = report;
  const seconds = job.wallMs / 1000;
  const rssMb = job.maxRssKb / 1024;
  return [
    `# Benchmark run ${report.startedAt}`,
    '',
    `Machine: ${machine.cpus}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}.`,
    '',
    '## Daily job',
    '',
    '| measure | value |',
    '|---|---|',
    `| active loans | ${job.loans.toLocaleString('en-US')} |`,
    `| loans due on ${job.summary.businessDate} | ${job.dueOnBenchmarkDate.toLocaleString('en-US')} |`,
    `| fixture build (not timed below) | ${job.fixtureSeconds.toFixed(0)} s, ${(job.databaseBytes / 2 ** 30).toFixed(2)} GiB database |`,
    `| wall time of runDailyJob | ${seconds.toFixed(1)} s (target ${job.targetSeconds} s: ${verdict(seconds <= job.targetSeconds)}) |`,
    `| peak RSS of the job process | ${rssMb.toFixed(0)} MB (target ${job.targetRssMb} MB: ${verdict(rssMb <= job.targetRssMb)}) |`,
    `| RSS before the job started | ${(job.rssBeforeJobKb / 1024).toFixed(0)} MB |`,
    `| draws visited / installments billed / auto-debits | ${job.summary.drawsVisited} / ${job.summary.installmentsBilled} / ${job.summary.autoDebitsStarted} |`,
    `| ledger balanced after the job | ${job.ledgerBalanced ? 'yes' : 'NO'} |`,
    '',
    '## Credit decision over HTTP',
    '',
    `${credit.people} people brought to a passed face check first (${credit.setupSeconds.toFixed(0)} s, not timed).`,
    '',
    '| call | calls | p50 | p99 | max |',
    '|---|---|---|---|---|',
    `| creditLine evaluate (first decision) | ${credit.evaluate.calls} | ${credit.evaluate.p50Ms.toFixed(1)} ms | ${credit.evaluate.p99Ms.toFixed(1)} ms | ${credit.evaluate.maxMs.toFixed(1)} ms |`,
    `| creditLine show (stored decision) | ${credit.show.calls} | ${credit.show.p50Ms.toFixed(1)} ms | ${credit.show.p99Ms.toFixed(1)} ms | ${credit.show.maxMs.toFixed(1)} ms |`,
    '',
    '## Scoring, training and face decisions',
    '',
    '| check | value | target | met |',
    '|---|---|---|---|',
    ...report.checks.map((check) => `| ${check.name} | ${check.value.toFixed(2)} ${check.unit} | ${check.target === null ? '–' : `${check.target} ${check.unit}`} | ${check.target === null ? '–' : verdict(check.ok)} |`),
    '',
  ].join('\n');
}

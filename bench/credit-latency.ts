import type { CreditLineView } from '../core/api';
import { JourneyClient } from '../scripts/lib/journey-http';
import { onboardToFaceVerified } from './onboard-for-bench';
import { pickJourneyPeople, SelfieSource } from '../scripts/lib/journey-people';
import { mapWithConcurrency } from '../scripts/lib/journey-pool';
import { startLocalServer } from '../scripts/lib/journey-server';

export interface LatencyStats {
  calls: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface CreditLatencyResult {
  people: number;
  setupSeconds: number;
  /** First-time `creditLine evaluate`: scores the profile and stores the decision. */
  evaluate: LatencyStats;
  /** `creditLine show` after the decision: reads the stored decision. */
  show: LatencyStats;
}

/** Nearest-rank percentile of durations in milliseconds. */
export function percentileMs(durationsMs: number[], percent: number): number {
  if (durationsMs.length === 0) return 0;
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const rank = Math.ceil((percent / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function statsOf(durationsMs: number[]): LatencyStats {
  return {
    calls: durationsMs.length,
    p50Ms: percentileMs(durationsMs, 50),
    p99Ms: percentileMs(durationsMs, 99),
    maxMs: Math.max(0, ...durationsMs),
  };
}

async function timeCall(client: JourneyClient, action: 'evaluate' | 'show'): Promise<number> {
  const started = process.hrtime.bigint();
  await client.callOk<CreditLineView>('creditLine', { action });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Starts the local server, brings `people` sandbox people to a passed face check (setup,
 * not timed), then times each person's first `evaluate` one call at a time, and
 * `showRounds` rounds of `show` calls, over loopback HTTP.
 */
export async function benchCreditLatency(people: number, showRounds: number): Promise<CreditLatencyResult> {
  const server = await startLocalServer({ bankSettleDelayMs: 0 });
  try {
    const setupStarted = Date.now();
    const selfies = new SelfieSource();
    const clients = await mapWithConcurrency(pickJourneyPeople(people), 4, async (person, index) => {
      const client = new JourneyClient(server.url);
      await onboardToFaceVerified(client, person, selfies, index + 1);
      return client;
    });
    const setupSeconds = (Date.now() - setupStarted) / 1000;

    const evaluateMs: number[] = [];
    for (const client of clients) evaluateMs.push(await timeCall(client, 'evaluate'));
    const showMs: number[] = [];
    for (let round = 0; round < showRounds; round++) {
      for (const client of clients) showMs.push(await timeCall(client, 'show'));
    }
    return { people, setupSeconds, evaluate: statsOf(evaluateMs), show: statsOf(showMs) };
  } finally {
    await server.stop();
  }
}

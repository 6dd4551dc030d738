import type { LoanSummary } from '../../core/api';
import { runDays } from './journey-days';
import { JourneyClient } from './journey-http';
import { onboardPerson } from './journey-onboard';
import { newOutcome, type PersonOutcome, type UnexpectedError } from './journey-outcome';
import { pickJourneyPeople, SelfieSource } from './journey-people';
import { planJourney } from './journey-plan';
import { mapWithConcurrency } from './journey-pool';
import { JourneyProgress } from './journey-progress';
import { startLocalServer } from './journey-server';
import { summarizeJourney, type JourneySummary, type LedgerView } from './journey-summary';

export interface JourneyOptions {
  people: number;
  days: number;
  seed: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** A running local server to drive; when absent, the journey starts its own. */
  url?: string;
  wrongFaceRate: number;
  drawTwiceRate: number;
  borrowerRepayRate: number;
  /** Settle delay of the sandbox bank rail of a server the journey starts itself. */
  bankSettleDelayMs: number;
  showProgress: boolean;
}

export const DEFAULT_JOURNEY_OPTIONS: JourneyOptions = {
  people: 200,
  days: 60,
  seed: 20240301,
  concurrency: 4,
  wrongFaceRate: 0.03,
  drawTwiceRate: 0.05,
  borrowerRepayRate: 0.2,
  bankSettleDelayMs: 300,
  showProgress: true,
};

/**
 * Drives sandbox people through the whole journey over HTTP and returns the summary:
 * onboarding to a disbursed draw with bounded concurrency, then business day after
 * business day of repayments, then the loans and the ledger as the server reports them.
 */
export async function runJourney(options: JourneyOptions): Promise<JourneySummary> {
  const started = Date.now();
  const server = options.url ? undefined : await startLocalServer({ bankSettleDelayMs: options.bankSettleDelayMs });
  const baseUrl = options.url ?? (server?.url as string);
  const progress = new JourneyProgress(options.showProgress);
  try {
    const plans = planJourney(pickJourneyPeople(options.people), options.seed, {
      wrongFaceRate: options.wrongFaceRate,
      drawTwiceRate: options.drawTwiceRate,
      borrowerRepayRate: options.borrowerRepayRate,
      days: options.days,
    });
    const errors: UnexpectedError[] = [];
    const outcomes = plans.map((plan) => newOutcome(plan, new JourneyClient(baseUrl)));

    const onboardingStarted = Date.now();
    await onboardEveryone(outcomes, options, progress, errors);
    const daysStarted = Date.now();
    const sandbox = new JourneyClient(baseUrl);
    await runDays(sandbox, outcomes, options, progress, errors);
    const daysEnded = Date.now();

    await readFinalLoans(outcomes, options.concurrency, errors);
    const ledger = await sandbox.getJson<LedgerView>('/api/sandbox/ledger');
    const clock = await sandbox.getJson<{ businessDate: string }>('/api/sandbox/clock');
    return summarizeJourney({
      seed: options.seed,
      days: options.days,
      finalBusinessDate: clock.businessDate,
      outcomes,
      ledger,
      timingsMs: {
        total: Date.now() - started,
        onboarding: daysStarted - onboardingStarted,
        days: daysEnded - daysStarted,
      },
      unexpectedErrors: errors,
    });
  } finally {
    progress.stop();
    await server?.stop();
  }
}

async function onboardEveryone(
  outcomes: PersonOutcome[],
  options: JourneyOptions,
  progress: JourneyProgress,
  errors: UnexpectedError[],
) {
  const selfies = new SelfieSource();
  progress.start('onboarding', outcomes.length);
  await mapWithConcurrency(outcomes, options.concurrency, async (outcome) => {
    const step = { name: 'start' };
    try {
      await onboardPerson(outcome, selfies, step);
    } catch (error) {
      errors.push({ personIndex: outcome.plan.index, step: step.name, message: (error as Error).message });
    }
    progress.increment();
  });
  progress.stop();
}

async function readFinalLoans(outcomes: PersonOutcome[], concurrency: number, errors: UnexpectedError[]) {
  const drawn = outcomes.filter((outcome) => outcome.drawId !== undefined);
  await mapWithConcurrency(drawn, concurrency, async (outcome) => {
    try {
      const loans = await outcome.client.callOk<LoanSummary[]>('loans', { action: 'list' });
      const loan = loans.find((item) => item.drawId === outcome.drawId);
      if (!loan) throw new Error(`draw ${outcome.drawId} is missing from the loans list`);
      outcome.finalStatus = loan.status;
      outcome.finalOverdue = loan.overdue;
    } catch (error) {
      errors.push({ personIndex: outcome.plan.index, step: 'final loans', message: (error as Error).message });
    }
  });
}

import { randomUUID } from 'node:crypto';
import type { LoanDetail, RepaymentKind, RepaymentQuote, RepaymentView } from '../../core/api';
import type { JourneyClient } from './journey-http';
import type { PersonOutcome, UnexpectedError } from './journey-outcome';
import { mapWithConcurrency } from './journey-pool';
import type { JourneyProgress } from './journey-progress';

export interface DaysOptions {
  days: number;
  concurrency: number;
}

type PayResult = 'succeeded' | 'failed' | 'pending' | 'preempted' | 'nothing_due';

/**
 * Moves the sandbox clock one business day at a time (the server runs the daily job for
 * each day: accrual, billing, overdue marking, auto-debits). After each day, borrowers who
 * repay themselves pay what is due, and early-payoff borrowers pay off on their chosen day.
 */
export async function runDays(
  sandbox: JourneyClient,
  borrowers: PersonOutcome[],
  options: DaysOptions,
  progress: JourneyProgress,
  errors: UnexpectedError[],
): Promise<void> {
  progress.start('business days', options.days);
  for (let day = 1; day <= options.days; day++) {
    await sandbox.postJson('/api/sandbox/clock', { days: 1 });
    const acting = borrowers.filter((outcome) => actsToday(outcome, day));
    await mapWithConcurrency(acting, options.concurrency, async (outcome) => {
      try {
        await actOnDay(outcome);
      } catch (error) {
        const step = `day ${day} ${outcome.plan.repaymentStyle}`;
        errors.push({ personIndex: outcome.plan.index, step, message: (error as Error).message });
      }
    });
    progress.increment();
  }
  progress.stop();
}

function actsToday(outcome: PersonOutcome, day: number): boolean {
  if (outcome.drawStatus !== 'active') return false;
  const style = outcome.plan.repaymentStyle;
  if (style === 'borrower_due') return true;
  return style === 'early_payoff' && outcome.earlyPayoff === undefined && day >= outcome.plan.payoffDay;
}

async function actOnDay(outcome: PersonOutcome): Promise<void> {
  const detail = await outcome.client.callOk<LoanDetail>('loans', {
    action: 'detail',
    drawId: outcome.drawId as string,
  });
  outcome.drawStatus = detail.status;
  if (detail.status !== 'active') return;

  if (outcome.plan.repaymentStyle === 'early_payoff') {
    const result = await pay(outcome, 'payoff');
    // An auto-debit in flight blocks the payoff; the borrower tries again the next day.
    if (result === 'succeeded' || result === 'failed') outcome.earlyPayoff = result;
    return;
  }
  if (detail.dueTodayFen === 0) return;
  const result = await pay(outcome, 'due');
  if (result === 'succeeded') outcome.borrowerDuePaid++;
  if (result === 'failed') outcome.borrowerDueFailed++;
  if (result === 'preempted') outcome.borrowerDuePreempted++;
}

/** Quotes today's amount and pays exactly that from the bound card. */
async function pay(outcome: PersonOutcome, kind: RepaymentKind): Promise<PayResult> {
  const drawId = outcome.drawId as string;
  const quote = await outcome.client.call<RepaymentQuote>('repay', { action: 'quote', drawId, kind });
  if (!quote.ok) {
    if (quote.error.code === 'PRECONDITION_FAILED') return 'nothing_due';
    throw new Error(`repay quote ${kind} returned ${quote.error.code}: ${quote.error.message}`);
  }
  const paid = await outcome.client.call<RepaymentView>('repay', {
    action: 'pay',
    drawId,
    kind,
    amountFen: quote.data.amountFen,
    idempotencyKey: randomUUID(),
  });
  if (!paid.ok) {
    // CONFLICT with a repayment id: the daily job's auto-debit is already collecting.
    if (paid.error.code === 'CONFLICT' && paid.error.details?.repaymentId) return 'preempted';
    throw new Error(`repay pay ${kind} returned ${paid.error.code}: ${paid.error.message}`);
  }
  if (paid.data.loan) outcome.drawStatus = paid.data.loan.status;
  if (paid.data.status === 'collecting') return 'pending';
  return paid.data.status;
}

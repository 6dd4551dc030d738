import { afterEach, describe, expect, it } from 'vitest';
import type { DrawView, LoanDetail, RepaymentQuote, RepaymentView } from '../../core/api';
import { accountBalances } from '../../services/ledger';
import { REPAYMENTS, type RepaymentDocument } from '../../services/loans/draw-document';
import {
  acceptedDrawRequest,
  approvedPeople,
  createHarness,
  expectBalancedLedger,
  onboard,
  type Harness,
} from '../support/harness';

const DAY_MS = 24 * 60 * 60 * 1000;

let harness: Harness | undefined;
let keyCounter = 0;
const key = () => `22222222-0000-4000-8000-${String(++keyCounter).padStart(12, '0')}`;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function balanceFen(h: Harness, account: string): Promise<number> {
  const balances = await accountBalances(h.services.store);
  return balances.find((item) => item.account === account)?.balanceFen ?? 0;
}

/** Runs the daily job of the next business date and returns its result. */
async function nextDailyJob(h: Harness) {
  h.clock.advance(DAY_MS);
  return h.runDailyJob();
}

describe('payoff settled after the next due date', () => {
  // The borrower requests a payoff the day before the first due date. The collection reaches
  // the rail only on the due date (a crash before sending it, or a slow rail), so the daily
  // job of the due date bills the first installment while the payoff is still collecting.
  it('closes the draw and keeps the daily job running', async () => {
    harness = await createHarness();
    const h = harness;
    const people = (await approvedPeople()).filter(
      ({ person, lineFen }) => !person.bankCard.startsWith('6217') && lineFen >= 100_000,
    );
    await onboard(h, 'late_payer', people[0].person);
    await onboard(h, 'bystander', people[1].person);
    const request = { amountFen: 100_000, termMonths: 5 };
    const draw = await h.ok<DrawView>('draw', 'late_payer', await acceptedDrawRequest(h, 'late_payer', { ...request, idempotencyKey: key() }));
    await h.ok<DrawView>('draw', 'bystander', await acceptedDrawRequest(h, 'bystander', { ...request, idempotencyKey: key() }));
    const firstDue = draw.installments[0].dueDate;
    const daysToDue = Math.round((Date.parse(firstDue) - Date.parse(draw.drawDate)) / DAY_MS);
    await h.advanceDays(daysToDue - 1);

    const quote = await h.ok<RepaymentQuote>('repay', 'late_payer', {
      action: 'quote',
      drawId: draw.drawId,
      kind: 'payoff',
    });
    const bank = h.services.bank;
    const collect = bank.collect.bind(bank);
    bank.collect = async () => {
      throw new Error('connection reset');
    };
    const paid = await h.ok<RepaymentView>('repay', 'late_payer', {
      action: 'pay',
      drawId: draw.drawId,
      kind: 'payoff',
      amountFen: quote.amountFen,
      idempotencyKey: key(),
    });
    expect(paid.status).toBe('collecting');
    bank.collect = collect;

    const dueDayJob = await nextDailyJob(h);
    expect(dueDayJob.ok).toBe(true);
    const detail = await h.call<LoanDetail>('loans', 'late_payer', {
      action: 'detail',
      drawId: draw.drawId,
    });
    expect(detail.ok ? 'ok' : `${detail.error.code}: ${detail.error.message}`).toBe('ok');
    if (!detail.ok) return;
    expect(detail.data.status).toBe('closed');
    expect(detail.data.payoffTodayFen).toBe(0);

    const repayment = await h.services.store.get<RepaymentDocument>(REPAYMENTS, paid.repaymentId);
    expect(repayment?.status).toBe('succeeded');
    const laterJob = await nextDailyJob(h);
    expect(laterJob.ok ? 'ok' : `${laterJob.error.code}: ${laterJob.error.message}`).toBe('ok');
    // The bystander's first installment was collected on its due date, so nothing stays billed.
    expect(await balanceFen(h, 'interest_receivable')).toBe(0);
    await expectBalancedLedger(h);
  });
});

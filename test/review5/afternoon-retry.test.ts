import { describe, expect, it } from 'vitest';
import type { DrawView, LoanDetail } from '../../core/api';
import { DRAWS, REPAYMENTS, type DrawDocument, type RepaymentDocument } from '../../services/loans/draw-document';
import type { AutoDebitRetrySummary } from '../../services/jobs/auto-debit-retry';
import { acceptedDrawRequest, onboard, type Harness } from '../support/harness';
import { colendingSuite } from '../review2/colending-support';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** One harness per test, with the ledger checked and the harness closed after each. */
const suite = colendingSuite();

const key = (n: number) => `55555555-0000-4000-9000-${String(n).padStart(12, '0')}`;

/** Draws 1,000 CNY over 5 months and returns it once the payout has settled, `settleMs` later. */
async function activeDraw(h: Harness, openId: string, n: number, settleMs = 0): Promise<DrawView> {
  const request = await acceptedDrawRequest(h, openId, { amountFen: 100_000, termMonths: 5, idempotencyKey: key(n) });
  const draw = await h.ok<DrawView>('draw', openId, request);
  if (draw.status === 'active') return draw;
  h.clock.advance(settleMs);
  const settled = await h.ok<LoanDetail>('loans', openId, { action: 'detail', drawId: draw.drawId });
  expect(settled.status).toBe('active');
  return settled;
}

/**
 * Runs the daily job at 10:00 Shanghai every day up to and including the draw's first due
 * date, starting `sinceMs` after 10:00 of the draw date.
 */
async function runToFirstDueDate(h: Harness, draw: DrawView, sinceMs = 0): Promise<void> {
  const days = Math.round((Date.parse(draw.installments[0].dueDate) - Date.parse(draw.drawDate)) / DAY_MS);
  h.clock.advance(DAY_MS - sinceMs);
  const first = await h.runDailyJob();
  if (!first.ok) throw new Error(`daily job failed: ${first.error.message}`);
  await h.advanceDays(days - 1);
}

async function runRetry(h: Harness): Promise<AutoDebitRetrySummary> {
  const result = await h.call<AutoDebitRetrySummary>('autoDebitRetry', null, {});
  if (!result.ok) throw new Error(`autoDebitRetry failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

describe('afternoon retry after a slow morning debit', () => {
  // The rail takes three hours to settle: the 10:00 debit is still pending when the morning
  // job ends and has succeeded by 17:00, with no read of the loan in between.
  it('collects the installment once', async () => {
    const h = (await suite.open({ partners: [], settleDelayMs: 3 * HOUR_MS }));
    const good = suite.people().find(({ person }) => !person.bankCard.startsWith('6217'));
    if (!good) throw new Error('the sandbox registry has no approved person with a working card');
    await onboard(h, 'slow_rail', good.person);
    const draw = await activeDraw(h, 'slow_rail', 1, 3 * HOUR_MS);
    await runToFirstDueDate(h, draw, 3 * HOUR_MS);
    const morning = await h.services.store.page<RepaymentDocument>(REPAYMENTS, { where: { drawId: draw.drawId }, limit: 10 });
    expect(morning.documents).toHaveLength(1);
    expect(morning.documents[0].status).toBe('collecting');

    h.clock.advance(7 * HOUR_MS);
    const summary = await runRetry(h);
    expect(summary.collectionsStarted).toBe(0);
    expect(await h.services.store.count(REPAYMENTS, { drawId: draw.drawId })).toBe(1);
    const stored = await h.services.store.get<DrawDocument>(DRAWS, draw.drawId);
    expect(stored?.payments).toHaveLength(1);
    expect(stored?.pendingRepaymentId).toBeNull();
    const detail = await h.ok<LoanDetail>('loans', 'slow_rail', { action: 'detail', drawId: draw.drawId });
    expect(detail.installments[0].status).toBe('paid');
    expect(detail.dueTodayFen).toBe(0);
    expect(detail.collecting).toBe(false);
  });

  // The morning debit is still pending at 17:00: no second collection may start beside it.
  it('starts nothing beside a pending debit', async () => {
    const h = (await suite.open({ partners: [], settleDelayMs: 8 * HOUR_MS }));
    const good = suite.people().filter(({ person }) => !person.bankCard.startsWith('6217'))[1];
    await onboard(h, 'pending_rail', good.person);
    const draw = await activeDraw(h, 'pending_rail', 2, 8 * HOUR_MS);
    await runToFirstDueDate(h, draw, 8 * HOUR_MS);
    h.clock.advance(7 * HOUR_MS);
    const summary = await runRetry(h);
    expect(summary.collectionsStarted).toBe(0);
    expect(await h.services.store.count(REPAYMENTS, { drawId: draw.drawId })).toBe(1);
    const listed = await h.ok<{ collecting: boolean }[]>('loans', 'pending_rail', { action: 'list' });
    expect(listed[0].collecting).toBe(true);
  });
});

describe('afternoon retry with a settle error', () => {
  it('still retries the other draws', async () => {
    const h = (await suite.open({ partners: [] }));
    const failing = suite.people().filter(({ person }) => person.bankCard.startsWith('62170001')).slice(0, 2);
    expect(failing).toHaveLength(2);
    await onboard(h, 'settle_broken', failing[0].person);
    await onboard(h, 'settle_fine', failing[1].person);
    const broken = await activeDraw(h, 'settle_broken', 3);
    const fine = await activeDraw(h, 'settle_fine', 4);
    expect(fine.installments[0].dueDate).toBe(broken.installments[0].dueDate);
    await runToFirstDueDate(h, broken);

    // Reading the broken draw's morning debit from the rail fails; the other reads work.
    const bank = h.services.bank;
    const getTransfer = bank.getTransfer.bind(bank);
    bank.getTransfer = async (transferId) => {
      if (transferId.includes(broken.drawId)) throw new Error('rail status endpoint unavailable');
      return getTransfer(transferId);
    };
    h.clock.advance(7 * HOUR_MS);
    let summary: AutoDebitRetrySummary;
    try {
      summary = await runRetry(h);
    } finally {
      bank.getTransfer = getTransfer;
    }
    expect(summary.drawsChecked).toBe(2);
    expect(summary.collectionsStarted).toBe(1);
    const day = fine.installments[0].dueDate;
    expect(await h.services.store.get(REPAYMENTS, `retry_${fine.drawId}_${day}`)).not.toBeNull();
    expect(await h.services.store.get(REPAYMENTS, `retry_${broken.drawId}_${day}`)).toBeNull();
  });
});

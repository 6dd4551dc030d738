import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DrawView, LoanDetail, RepaymentQuote, RepaymentView } from '../../core/api';
import { accountBalances } from '../../services/ledger';
import { REPAYMENTS } from '../../services/loans/draw-document';
import { USERS } from '../../services/account/user-document';
import { acceptedDrawRequest, approvedPeople, createHarness, expectBalancedLedger, onboard, type Harness } from '../support/harness';

let people: Awaited<ReturnType<typeof approvedPeople>>;
let harness: Harness | undefined;
let keyCounter = 0;

const key = () => `11111111-0000-4000-8000-${String(++keyCounter).padStart(12, '0')}`;

beforeAll(async () => {
  people = (await approvedPeople()).filter(({ person }) => !person.bankCard.startsWith('6217000'));
});

afterEach(async () => {
  if (harness) await expectBalancedLedger(harness);
  await harness?.close();
  harness = undefined;
});

// Platform-only funding keeps the interest arithmetic to one funder; co-lending has its own tests.
async function borrower(index: number, amountFen = 100_000, termMonths = 5) {
  harness = await createHarness({ partners: [] });
  const openId = `repay_user_${index}`;
  const candidates = people.filter(({ lineFen }) => lineFen >= amountFen);
  await onboard(harness, openId, candidates[index].person);
  const draw = await harness.ok<DrawView>('draw', openId, await acceptedDrawRequest(harness, openId, { amountFen, termMonths, idempotencyKey: key() }));
  expect(draw.status).toBe('active');
  return { h: harness, openId, draw };
}

async function balance(h: Harness, account: string): Promise<number> {
  const balances = await accountBalances(h.services.store);
  return balances.find((item) => item.account === account)?.balanceFen ?? 0;
}

async function payoff(h: Harness, openId: string, drawId: string) {
  const quote = await h.ok<RepaymentQuote>('repay', openId, { action: 'quote', drawId, kind: 'payoff' });
  const paid = await h.ok<RepaymentView>('repay', openId, {
    action: 'pay',
    drawId,
    kind: 'payoff',
    amountFen: quote.amountFen,
    idempotencyKey: key(),
  });
  return { quote, paid };
}

describe('repayment', () => {
  it('costs no interest on the draw date', async () => {
    const { h, openId, draw } = await borrower(0);
    const { quote, paid } = await payoff(h, openId, draw.drawId);
    expect(quote.amountFen).toBe(100_000);
    expect(quote.interestFen).toBe(0);
    expect(paid.status).toBe('succeeded');
    expect(paid.loan?.status).toBe('closed');
  });

  it('costs one night when repaid the next day', async () => {
    const { h, openId, draw } = await borrower(1, 1_000_000);
    await h.advanceDays(1);
    const { quote } = await payoff(h, openId, draw.drawId);
    const oneNight = Math.round((1_000_000 * draw.dailyRatePpm) / 1_000_000);
    expect(quote.interestFen).toBe(oneNight);
    expect(quote.amountFen).toBe(1_000_000 + oneNight);
    expect(await balance(h, 'interest_income')).toBe(oneNight);
    expect(await balance(h, 'interest_accrued')).toBe(0);
    expect(await balance(h, 'interest_receivable')).toBe(0);
    expect(await balance(h, 'loans_principal_receivable')).toBe(0);
  });

  it('restores the line after a payoff', async () => {
    const { h, openId, draw } = await borrower(2);
    await h.advanceDays(3);
    await payoff(h, openId, draw.drawId);
    const user = await h.services.store.get<{ _id: string; usedFen: number }>(USERS, openId);
    expect(user?.usedFen).toBe(0);
  });

  it('rejects a due repayment when nothing is due', async () => {
    const { h, openId, draw } = await borrower(3);
    const result = await h.call('repay', openId, { action: 'quote', drawId: draw.drawId, kind: 'due' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('PRECONDITION_FAILED');
    expect(result.error.message).toContain(draw.installments[0].dueDate);
  });

  it('rejects an amount that differs from today\'s', async () => {
    const { h, openId, draw } = await borrower(4);
    await h.advanceDays(2);
    const result = await h.call('repay', openId, { action: 'pay', drawId: draw.drawId, kind: 'payoff', amountFen: 100_000, idempotencyKey: key() });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('CONFLICT');
    expect(result.error.details?.amountFen).toBeGreaterThan(100_000);
    expect(await h.services.store.count(REPAYMENTS, {})).toBe(0);
  });

  it('applies one of two simultaneous payoffs', async () => {
    const { h, openId, draw } = await borrower(5);
    await h.advanceDays(5);
    const quote = await h.ok<RepaymentQuote>('repay', openId, { action: 'quote', drawId: draw.drawId, kind: 'payoff' });
    const pay = () =>
      h.call<RepaymentView>('repay', openId, { action: 'pay', drawId: draw.drawId, kind: 'payoff', amountFen: quote.amountFen, idempotencyKey: key() });
    const results = await Promise.all([pay(), pay()]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await h.services.store.count(REPAYMENTS, { status: 'succeeded' })).toBe(1);
    expect(await balance(h, 'loans_principal_receivable')).toBe(0);
  });

  it('returns the first repayment for a repeated key', async () => {
    const { h, openId, draw } = await borrower(6);
    await h.advanceDays(1);
    const quote = await h.ok<RepaymentQuote>('repay', openId, { action: 'quote', drawId: draw.drawId, kind: 'payoff' });
    const request = { action: 'pay', drawId: draw.drawId, kind: 'payoff', amountFen: quote.amountFen, idempotencyKey: key() };
    const first = await h.ok<RepaymentView>('repay', openId, request);
    const second = await h.ok<RepaymentView>('repay', openId, request);
    expect(second.repaymentId).toBe(first.repaymentId);
    expect(await h.services.store.count(REPAYMENTS, {})).toBe(1);
  });
});

describe('daily job', () => {
  it('collects an installment on its due date', async () => {
    const { h, openId, draw } = await borrower(7, 100_000, 5);
    const first = draw.installments[0];
    const days = Math.round((Date.parse(first.dueDate) - Date.parse(draw.drawDate)) / 86_400_000);
    await h.advanceDays(days);
    await h.advanceDays(1);
    const detail = await h.ok<LoanDetail>('loans', openId, { action: 'detail', drawId: draw.drawId });
    expect(detail.installments[0].status).toBe('paid');
    expect(detail.installments[0].penaltyFen).toBe(0);
    expect(detail.outstandingPrincipalFen).toBe(100_000 - first.principalFen);
    expect(await balance(h, 'interest_receivable')).toBe(0);
    expect(await balance(h, 'interest_income')).toBeGreaterThanOrEqual(first.interestFen);
  });

  it('runs once per business date', async () => {
    const { h } = await borrower(8);
    await h.advanceDays(1);
    const again = await h.runDailyJob();
    expect(again.ok).toBe(true);
    const journals = await h.services.store.count('journals', {});
    await h.runDailyJob();
    expect(await h.services.store.count('journals', {})).toBe(journals);
  });

  it('resumes after being cut off', async () => {
    const { h, draw } = await borrower(9);
    const days = Math.round((Date.parse(draw.installments[0].dueDate) - Date.parse(draw.drawDate)) / 86_400_000);
    await h.advanceDays(days - 1);
    h.clock.advance(86_400_000);
    const store = h.services.store;
    const original = store.page.bind(store);
    store.page = (async () => {
      throw new Error('process killed');
    }) as typeof store.page;
    const cut = await h.runDailyJob();
    expect(cut.ok).toBe(false);
    store.page = original;
    const resumed = await h.runDailyJob();
    expect(resumed.ok).toBe(true);
    if (!resumed.ok) return;
    expect((resumed.data as { installmentsBilled: number }).installmentsBilled).toBe(1);
  });

  it('sends a payout a crash left unsent', async () => {
    harness = await createHarness({ partners: [] });
    const h = harness;
    await onboard(h, 'crash_payout', people[10].person);
    const bank = h.services.bank;
    const payout = bank.payout.bind(bank);
    bank.payout = async () => {
      throw new Error('connection reset');
    };
    const draw = await h.ok<DrawView>('draw', 'crash_payout', await acceptedDrawRequest(h, 'crash_payout', { amountFen: 50_000, termMonths: 5, idempotencyKey: key() }));
    expect(draw.status).toBe('disbursing');
    bank.payout = payout;
    await h.advanceDays(1);
    await h.advanceDays(1);
    const detail = await h.ok<LoanDetail>('loans', 'crash_payout', { action: 'detail', drawId: draw.drawId });
    expect(detail.status).toBe('active');
  });

  it('applies a collection a crash left unsent', async () => {
    const { h, openId, draw } = await borrower(11);
    await h.advanceDays(2);
    const bank = h.services.bank;
    const collect = bank.collect.bind(bank);
    bank.collect = async () => {
      throw new Error('connection reset');
    };
    const quote = await h.ok<RepaymentQuote>('repay', openId, { action: 'quote', drawId: draw.drawId, kind: 'payoff' });
    const paid = await h.ok<RepaymentView>('repay', openId, { action: 'pay', drawId: draw.drawId, kind: 'payoff', amountFen: quote.amountFen, idempotencyKey: key() });
    expect(paid.status).toBe('collecting');
    bank.collect = collect;
    await h.advanceDays(1);
    await h.advanceDays(1);
    const detail = await h.ok<LoanDetail>('loans', openId, { action: 'detail', drawId: draw.drawId });
    expect(detail.status).toBe('closed');
    expect(await balance(h, 'loans_principal_receivable')).toBe(0);
    expect(await balance(h, 'interest_accrued')).toBe(0);
  });
});

describe('overdue', () => {
  it('charges penalty after the grace day', async () => {
    const poor = (await approvedPeople()).find(({ person }) => person.bankCard.startsWith('62170001'));
    expect(poor).toBeDefined();
    harness = await createHarness({ partners: [] });
    const h = harness;
    await onboard(h, 'overdue_user', poor!.person);
    const draw = await h.ok<DrawView>('draw', 'overdue_user', await acceptedDrawRequest(h, 'overdue_user', { amountFen: 100_000, termMonths: 5, idempotencyKey: key() }));
    const first = draw.installments[0];
    const days = Math.round((Date.parse(first.dueDate) - Date.parse(draw.drawDate)) / 86_400_000);
    await h.advanceDays(days + 1);
    const inGrace = await h.ok<LoanDetail>('loans', 'overdue_user', { action: 'detail', drawId: draw.drawId });
    expect(inGrace.installments[0].status).toBe('due');
    expect(inGrace.installments[0].penaltyFen).toBe(0);

    await h.advanceDays(9);
    const late = await h.ok<LoanDetail>('loans', 'overdue_user', { action: 'detail', drawId: draw.drawId });
    expect(late.installments[0].status).toBe('overdue');
    // Ten days late: principal × 1.5 × daily rate × 10, rounded half up once.
    const penalty = Math.round((first.principalFen * draw.dailyRatePpm * 15) / 1_000_000);
    expect(late.installments[0].penaltyFen).toBe(penalty);
    expect(late.dueTodayFen).toBe(first.principalFen + first.interestFen + penalty);
    const failed = await h.call<RepaymentView>('repay', 'overdue_user', {
      action: 'pay',
      drawId: draw.drawId,
      kind: 'due',
      amountFen: late.dueTodayFen,
      idempotencyKey: key(),
    });
    expect(failed.ok).toBe(true);
    if (!failed.ok) return;
    expect(failed.data.status).toBe('failed');
    expect(failed.data.failureReason).toContain('余额不足');
    expect(await h.services.store.count(REPAYMENTS, { status: 'succeeded' })).toBe(0);
  });
});

describe('afternoon auto-debit retry', () => {
  it('collects what is still due once more', async () => {
    const poor = (await approvedPeople()).find(({ person }) => person.bankCard.startsWith('62170001'));
    expect(poor).toBeDefined();
    harness = await createHarness({ partners: [] });
    const h = harness;
    await onboard(h, 'retry_user', poor!.person);
    const draw = await h.ok<DrawView>('draw', 'retry_user', await acceptedDrawRequest(h, 'retry_user', { amountFen: 100_000, termMonths: 5, idempotencyKey: key() }));
    const days = Math.round((Date.parse(draw.installments[0].dueDate) - Date.parse(draw.drawDate)) / 86_400_000);
    await h.advanceDays(days);
    // The morning auto-debit fails on this card; reading the loan settles it as failed.
    await h.ok<LoanDetail>('loans', 'retry_user', { action: 'detail', drawId: draw.drawId });

    const first = await h.call<{ collectionsStarted: number }>('autoDebitRetry', null, {});
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.data.collectionsStarted).toBe(1);
    const again = await h.call<{ collectionsStarted: number }>('autoDebitRetry', null, {});
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.data.collectionsStarted).toBe(0);
    expect(await h.services.store.count(REPAYMENTS, { source: 'auto_debit' })).toBe(2);
  });

  it('refuses a signed-in caller', async () => {
    harness = await createHarness({ partners: [] });
    const result = await harness.call('autoDebitRetry', 'retry_intruder', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('FORBIDDEN');
  });
});

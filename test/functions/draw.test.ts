import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawView, LoanDetail, LoanQuote } from '../../core/api';
import { accountBalances } from '../../services/ledger';
import { USERS, type UserDocument } from '../../services/account/user-document';
import { DRAWS, type DrawDocument } from '../../services/loans/draw-document';
import { quoteDrawForRequest } from '../../services/loans/quote-loan';
import { acceptedDrawRequest, UNMATCHED_AGREEMENT_DIGEST, approvedPeople, createHarness, expectBalancedLedger, onboard, type Harness } from '../support/harness';
import { LOAN_AGREEMENT_VERSION } from '../../core/agreement';

let harness: Harness;
let people: Awaited<ReturnType<typeof approvedPeople>>;
/** An approved person whose bound card is closed, so every payout to it fails. */
let closedCardPerson: Awaited<ReturnType<typeof approvedPeople>>[number]['person'];

beforeAll(async () => {
  harness = await createHarness();
  const approved = await approvedPeople();
  people = approved.filter(({ person }) => !person.bankCard.startsWith('6217000'));
  const closed = approved.find(({ person }) => person.bankCard === '6217000000000022');
  if (!closed) throw new Error('the sandbox registry has no approved person with the closed test card');
  closedCardPerson = closed.person;
});

afterAll(async () => {
  await harness.close();
});

const key = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function drawCount(openId: string): Promise<number> {
  return harness.services.store.count(DRAWS, { openId });
}

describe('draw', () => {
  it('quotes every installment and the APR', async () => {
    const { person } = people.find(({ lineFen }) => lineFen >= 1_000_000)!;
    await onboard(harness, 'user_quote', person);
    const quote = await harness.ok<LoanQuote>('loanQuote', 'user_quote', { amountFen: 1_000_000, termMonths: 5 });
    expect(quote.installments).toHaveLength(5);
    expect(quote.installments.reduce((sum, row) => sum + row.principalFen, 0)).toBe(1_000_000);
    expect(quote.aprBasisPoints).toBeLessThanOrEqual(2400);
    expect(quote.aprText).toMatch(/^\d+\.\d{2}%$/);
    expect(quote.maskedBankCard).toBe(`**** ${person.bankCard.slice(-4)}`);
    expect(await drawCount('user_quote')).toBe(0);
  });

  it('quotes the agreement for these terms', async () => {
    const quote = await harness.ok<LoanQuote>('loanQuote', 'user_quote', { amountFen: 1_000_000, termMonths: 5 });
    const text = quote.agreement.sections.map((section) => section.body).join('\n');
    expect(quote.agreement.version).toBe(LOAN_AGREEMENT_VERSION);
    expect(text).toContain('借款本金 10,000.00 元');
    expect(text).toContain(quote.maskedBankCard);
    expect(text).toContain(`首期 ${quote.installments[0].dueDate}，末期 ${quote.installments[4].dueDate}`);
    expect(text).toContain(`折合年化利率（APR）${quote.aprText}`);
    expect(text).toContain(`还款总额 ${(quote.totalRepaymentFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })} 元`);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not hex', 'g'.repeat(64)],
    ['too short', 'a'.repeat(63)],
  ])('rejects a %s agreement digest with no side effect', async (_case, agreementDigest) => {
    const usedBefore = (await harness.services.store.get<UserDocument>(USERS, 'user_quote'))?.usedFen;
    const request = { amountFen: 50_000, termMonths: 5, idempotencyKey: key(20), ...(agreementDigest === undefined ? {} : { agreementDigest }) };
    const result = await harness.call('draw', 'user_quote', request);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.field).toBe('agreementDigest');
    expect(result.error.message).toContain("send the quote's agreement.digest");
    expect(await drawCount('user_quote')).toBe(0);
    expect((await harness.services.store.get<UserDocument>(USERS, 'user_quote'))?.usedFen).toBe(usedBefore);
  });

  it.each([
    ['another amount', 60_000, 5],
    ['another term', 50_000, 10],
  ])('rejects the agreement of %s', async (_case, amountFen, termMonths) => {
    const accepted = await acceptedDrawRequest(harness, 'user_quote', { amountFen: 50_000, termMonths: 5 });
    const request = { amountFen, termMonths, idempotencyKey: key(22), agreementDigest: accepted.agreementDigest };
    const result = await harness.call('draw', 'user_quote', request);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('CONFLICT');
    expect(result.error.field).toBe('agreementDigest');
    expect(result.error.message).toContain('请重新查看还款计划并确认借款合同');
    expect(await drawCount('user_quote')).toBe(0);
  });

  it('records the accepted agreement on the draw', async () => {
    const quote = await harness.ok<LoanQuote>('loanQuote', 'user_quote', { amountFen: 50_000, termMonths: 5 });
    const request = { amountFen: 50_000, termMonths: 5, idempotencyKey: key(21), agreementDigest: quote.agreement.digest };
    const view = await harness.ok<DrawView>('draw', 'user_quote', request);
    const stored = await harness.services.store.get<DrawDocument>(DRAWS, view.drawId);
    expect(stored?.agreement?.version).toBe(LOAN_AGREEMENT_VERSION);
    expect(stored?.agreement?.digest).toBe(request.agreementDigest);
    expect(stored?.agreement?.title).toBe(quote.agreement.title);
    expect(stored?.agreement?.sections).toEqual(quote.agreement.sections);
    expect(stored?.agreement?.acceptedAt).toBe(harness.services.clock.now().toISOString());
    expect(view.agreement).toEqual(stored?.agreement);
  });

  it('repeats one key into one draw', async () => {
    const { person } = people[1];
    await onboard(harness, 'user_repeat', person);
    const request = await acceptedDrawRequest(harness, 'user_repeat', { amountFen: 50_000, termMonths: 10, idempotencyKey: key(1) });
    const first = await harness.ok<DrawView>('draw', 'user_repeat', request);
    const second = await harness.ok<DrawView>('draw', 'user_repeat', request);
    expect(second.drawId).toBe(first.drawId);
    expect(first.status).toBe('active');
    expect(await drawCount('user_repeat')).toBe(1);
  });

  it('makes one draw and one payout from 50 concurrent requests', async () => {
    const { person } = people[2];
    await onboard(harness, 'user_burst', person);
    const request = await acceptedDrawRequest(harness, 'user_burst', { amountFen: 50_000, termMonths: 5, idempotencyKey: key(2) });
    const results = await Promise.all(Array.from({ length: 50 }, () => harness.call<DrawView>('draw', 'user_burst', request)));
    const ids = new Set(results.map((result) => (result.ok ? result.data.drawId : result.error.code)));
    expect(ids.size).toBe(1);
    expect(await drawCount('user_burst')).toBe(1);
    const transfers = await harness.services.store.count('rail_transfers', {});
    const drawsTotal = await harness.services.store.count(DRAWS, {});
    expect(transfers).toBe(drawsTotal);
    const user = await harness.services.store.get<{ _id: string; usedFen: number }>(USERS, 'user_burst');
    expect(user?.usedFen).toBe(50_000);
    await expectBalancedLedger(harness);
  });

  it('rejects a reused key with another amount', async () => {
    const result = await harness.call('draw', 'user_repeat', await acceptedDrawRequest(harness, 'user_repeat', { amountFen: 60_000, termMonths: 10, idempotencyKey: key(1) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('CONFLICT');
    expect(result.error.field).toBe('idempotencyKey');
  });

  it('rejects a draw above the available line', async () => {
    const { person, lineFen } = people[3];
    await onboard(harness, 'user_over', person);
    const overFen = Math.min(lineFen + 10_000, 4_000_000 + 10_000);
    const result = await harness.call('draw', 'user_over', { amountFen: overFen, termMonths: 5, idempotencyKey: key(3), agreementDigest: UNMATCHED_AGREEMENT_DIGEST });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('LIMIT_EXCEEDED');
    expect(result.error.field).toBe('amountFen');
    // Above the line, or above the product's maximum when the line is larger.
    expect(result.error.message).toMatch(/^借款金额(超过当前可用额度 ¥[\d,]+\.\d{2}，请减少金额|需在 ¥500\.00 至 ¥40,000\.00 之间，且为 ¥100\.00 的整数倍)。$/);
    expect(await drawCount('user_over')).toBe(0);
  });

  it.each([
    [200_000, 100_000, '借款金额超过当前可用额度 ¥1,000.00，请减少金额。'],
    [40_000, 100_000, '借款金额需在 ¥500.00 至 ¥1,000.00 之间，且为 ¥100.00 的整数倍。'],
    [55_500, 5_000_000, '借款金额需在 ¥500.00 至 ¥40,000.00 之间，且为 ¥100.00 的整数倍。'],
    [4_100_000, 5_000_000, '借款金额需在 ¥500.00 至 ¥40,000.00 之间，且为 ¥100.00 的整数倍。'],
  ])('words %i fen against a %i fen line for the borrower', (principalFen, availableLineFen, message) => {
    const quote = () =>
      quoteDrawForRequest({ principalFen, termMonths: 5, dailyRatePpm: 400, drawDate: '2026-03-10', availableLineFen });
    expect(quote).toThrow(message);
    expect(quote).toThrow(expect.objectContaining({ field: 'amountFen' }));
  });

  it.each([
    ['below the minimum', 40_000],
    ['not a multiple of 100 CNY', 55_500],
  ])('rejects an amount %s', async (_case, amountFen) => {
    const result = await harness.call('draw', 'user_over', { amountFen, termMonths: 5, idempotencyKey: key(4), agreementDigest: UNMATCHED_AGREEMENT_DIGEST });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe('amountFen');
    expect(result.error.message).toMatch(/^借款金额需在 ¥500\.00 至 ¥[\d,]+\.\d{2} 之间，且为 ¥100\.00 的整数倍。$/);
    expect(await drawCount('user_over')).toBe(0);
  });

  it('hides another user\'s draw', async () => {
    const [mine] = (await harness.services.store.page<{ _id: string }>(DRAWS, { where: { openId: 'user_repeat' }, limit: 1 })).documents;
    const result = await harness.call<LoanDetail>('loans', 'user_burst', { action: 'detail', drawId: mine._id });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('NOT_FOUND');
  });

  it('restores the line when the payout fails', async () => {
    await onboard(harness, 'user_closed_card', closedCardPerson);
    const draw = await harness.ok<DrawView>('draw', 'user_closed_card', await acceptedDrawRequest(harness, 'user_closed_card', { amountFen: 50_000, termMonths: 5, idempotencyKey: key(5) }));
    expect(draw.status).toBe('cancelled');
    expect(draw.cancelReason).toBeTruthy();
    const user = await harness.services.store.get<{ _id: string; usedFen: number }>(USERS, 'user_closed_card');
    expect(user?.usedFen).toBe(0);
    await expectBalancedLedger(harness);
  });

  it('releases the repayment day of a failed first draw', async () => {
    // Harness clock: 10 March; the failed draw would have fixed the 10th as the repayment day.
    const own = await createHarness();
    try {
      await onboard(own, 'user_day', closedCardPerson);
      const draw = await own.ok<DrawView>('draw', 'user_day', await acceptedDrawRequest(own, 'user_day', { amountFen: 50_000, termMonths: 5, idempotencyKey: key(8) }));
      expect(draw.status).toBe('cancelled');
      const user = await own.services.store.get<{ _id: string; repaymentDay?: number }>(USERS, 'user_day');
      expect(user?.repaymentDay).toBeUndefined();
      await own.advanceDays(3);
      const quote = await own.ok<LoanQuote>('loanQuote', 'user_day', { amountFen: 50_000, termMonths: 5 });
      expect(quote.repaymentDay).toBe(13);
    } finally {
      await own.close();
    }
  });

  it('keeps the pool whole after every draw', async () => {
    const balances = await accountBalances(harness.services.store);
    const byAccount = Object.fromEntries(balances.map((item) => [item.account, item.balanceFen]));
    const lent = (byAccount.loans_principal_receivable ?? 0) + (byAccount.settlement_in_transit ?? 0);
    expect(byAccount.platform_funds + lent).toBe(harness.services.config.poolFundsFen);
  });
});

describe('lending pool', () => {
  it('refuses a draw the pool cannot fund, with no side effect', async () => {
    const small = await createHarness({ poolFundsFen: 60_000, partners: [] });
    try {
      const [first, second] = people.slice(5, 7);
      await onboard(small, 'pool_a', first.person);
      await onboard(small, 'pool_b', second.person);
      await small.ok('draw', 'pool_a', await acceptedDrawRequest(small, 'pool_a', { amountFen: 50_000, termMonths: 5, idempotencyKey: key(6) }));
      const result = await small.call('draw', 'pool_b', await acceptedDrawRequest(small, 'pool_b', { amountFen: 50_000, termMonths: 5, idempotencyKey: key(7) }));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('FUNDS_UNAVAILABLE');
      expect(await small.services.store.count(DRAWS, { openId: 'pool_b' })).toBe(0);
      const user = await small.services.store.get<{ _id: string; usedFen: number }>(USERS, 'pool_b');
      expect(user?.usedFen).toBe(0);
      await expectBalancedLedger(small);
    } finally {
      await small.close();
    }
  });

  it('never lends more than the pool under concurrency', async () => {
    const small = await createHarness({ poolFundsFen: 200_000, partners: [] });
    try {
      const group = people.slice(8, 14);
      for (const [index, { person }] of group.entries()) await onboard(small, `pool_c${index}`, person);
      const requests = [];
      for (const [index] of group.entries()) {
        requests.push(await acceptedDrawRequest(small, `pool_c${index}`, { amountFen: 50_000, termMonths: 5, idempotencyKey: key(10 + index) }));
      }
      const results = await Promise.all(requests.map((request, index) => small.call('draw', `pool_c${index}`, request)));
      expect(results.filter((result) => result.ok)).toHaveLength(4);
      const balances = await accountBalances(small.services.store);
      const funds = balances.find((item) => item.account === 'platform_funds');
      expect(funds?.balanceFen).toBe(0);
      await expectBalancedLedger(small);
    } finally {
      await small.close();
    }
  });

  it('rejects a quote from the day before', async () => {
    const own = await createHarness();
    try {
      await onboard(own, 'user_stale', people.find(({ lineFen }) => lineFen >= 100_000)!.person);
      const request = await acceptedDrawRequest(own, 'user_stale', { amountFen: 50_000, termMonths: 5, idempotencyKey: key(23) });
      own.clock.advance(24 * 60 * 60 * 1000);
      const result = await own.call('draw', 'user_stale', request);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('CONFLICT');
      expect(result.error.field).toBe('agreementDigest');
      expect(await own.services.store.count(DRAWS, { openId: 'user_stale' })).toBe(0);
      const fresh = await acceptedDrawRequest(own, 'user_stale', { ...request, idempotencyKey: key(24) });
      expect(fresh.agreementDigest).not.toBe(request.agreementDigest);
      const view = await own.ok<DrawView>('draw', 'user_stale', fresh);
      expect(view.drawDate).toBe('2026-03-11');
    } finally {
      await own.close();
    }
  });
});

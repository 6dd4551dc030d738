import { describe, expect, it } from 'vitest';
import type { DrawView, FunctionResult, LoanDetail, LoanQuote } from '../../core/api';
import type { PartnerBank } from '../../adapters/ports/partner-bank';
import { USERS, type UserDocument } from '../../services/account/user-document';
import { PARTNER_EXPOSURE } from '../../services/colending/exposure';
import { JOURNALS } from '../../services/ledger';
import { DRAWS, IDEMPOTENCY_KEYS } from '../../services/loans/draw-document';
import { onboard, type Harness } from '../support/harness';
import { coLendable, colendingSuite } from '../review2/colending-support';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** One harness per test, with the ledger checked and the harness closed after each. */
const suite = colendingSuite();

const key = (n: number) => `55555555-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Replaces the partner bank's decision with one that first runs `between`, so the change
 * lands after the draw's first agreement check and before its commit transaction.
 */
function changeWhilePartnerDecides(h: Harness, between: () => Promise<void>): { calls: number } {
  const seen = { calls: 0 };
  const bank: PartnerBank = h.services.partnerBank;
  const decide = bank.decide.bind(bank);
  h.services.partnerBank = {
    ...bank,
    decide: async (request, deadlineMs) => {
      seen.calls += 1;
      if (seen.calls === 1) await between();
      return decide(request, deadlineMs);
    },
  };
  return seen;
}

async function setDailyRate(h: Harness, openId: string, dailyRatePpm: number): Promise<void> {
  const user = await h.services.store.get<UserDocument>(USERS, openId);
  if (!user?.credit) throw new Error(`user ${openId} has no credit decision`);
  await h.services.store.set(USERS, { ...user, credit: { ...user.credit, dailyRatePpm } });
}

async function expectAgreementConflict(result: FunctionResult<DrawView>): Promise<void> {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('CONFLICT');
  expect(result.error.field).toBe('agreementDigest');
}

describe('draw after a rate change', () => {
  it('rejects a rate changed before the draw', async () => {
    const h = (await suite.open({ partners: [] }));
    const [{ person }] = coLendable(suite.people(), 1, 0);
    await onboard(h, 'rate_before', person);
    const request = { amountFen: 100_000, termMonths: 5 as const };
    const quote = await h.ok<LoanQuote>('loanQuote', 'rate_before', request);
    await setDailyRate(h, 'rate_before', quote.dailyRatePpm === 500 ? 450 : quote.dailyRatePpm + 50);
    const result = await h.call<DrawView>('draw', 'rate_before', { ...request, idempotencyKey: key(1), agreementDigest: quote.agreement.digest });
    await expectAgreementConflict(result);
  });

  it('rejects a rate changed during partner approval', async () => {
    const h = (await suite.open());
    const [{ person }] = coLendable(suite.people(), 1, 1);
    await onboard(h, 'rate_during', person);
    const request = { amountFen: 100_000, termMonths: 5 as const };
    const quote = await h.ok<LoanQuote>('loanQuote', 'rate_during', request);
    const newRate = quote.dailyRatePpm === 500 ? 450 : quote.dailyRatePpm + 50;
    const seen = changeWhilePartnerDecides(h, () => setDailyRate(h, 'rate_during', newRate));
    const user = await h.services.store.get<UserDocument>(USERS, 'rate_during');

    const result = await h.call<DrawView>('draw', 'rate_during', { ...request, idempotencyKey: key(2), agreementDigest: quote.agreement.digest });
    expect(seen.calls).toBeGreaterThan(0);
    await expectAgreementConflict(result);

    // Nothing of the rejected draw is kept: no draw, key, line use, exposure or journal.
    expect(await h.services.store.count(DRAWS, { openId: 'rate_during' })).toBe(0);
    expect(await h.services.store.get(IDEMPOTENCY_KEYS, `rate_during:${key(2)}`)).toBeNull();
    const after = await h.services.store.get<UserDocument>(USERS, 'rate_during');
    expect(after?.usedFen).toBe(user?.usedFen);
    expect(after?.repaymentDay).toBe(user?.repaymentDay);
    expect(await h.services.store.count(PARTNER_EXPOSURE, {})).toBe(0);
    expect(await h.services.store.count(JOURNALS, { kind: 'disbursement' })).toBe(0);
  });

  it('draws with the same key after a fresh quote', async () => {
    const h = (await suite.open());
    const [{ person }] = coLendable(suite.people(), 1, 2);
    await onboard(h, 'rate_again', person);
    const request = { amountFen: 100_000, termMonths: 5 as const };
    const stale = await h.ok<LoanQuote>('loanQuote', 'rate_again', request);
    const newRate = stale.dailyRatePpm === 500 ? 450 : stale.dailyRatePpm + 50;
    changeWhilePartnerDecides(h, () => setDailyRate(h, 'rate_again', newRate));
    const rejected = await h.call<DrawView>('draw', 'rate_again', { ...request, idempotencyKey: key(3), agreementDigest: stale.agreement.digest });
    await expectAgreementConflict(rejected);

    const fresh = await h.ok<LoanQuote>('loanQuote', 'rate_again', request);
    expect(fresh.dailyRatePpm).toBe(newRate);
    const draw = await h.ok<DrawView>('draw', 'rate_again', { ...request, idempotencyKey: key(3), agreementDigest: fresh.agreement.digest });
    expect(draw.dailyRatePpm).toBe(newRate);
    expect(draw.agreement?.digest).toBe(fresh.agreement.digest);
  });
});

describe('draw after the repayment day is released', () => {
  /**
   * Makes a first draw to the closed test card on 2026-03-10 whose payout is still pending,
   * so the borrower's repayment day 10 is provisional, then moves the clock to 2026-03-12.
   */
  async function pendingFirstDraw(): Promise<Harness> {
    const h = (await suite.open({ partners: [], settleDelayMs: HOUR_MS }));
    const closed = suite.people().find(({ person }) => person.bankCard === '6217000000000022');
    if (!closed) throw new Error('the sandbox registry has no approved person with the closed test card');
    await onboard(h, 'released_day', closed.person);
    const first = await h.ok<LoanQuote>('loanQuote', 'released_day', { amountFen: 50_000, termMonths: 5 });
    const draw = await h.ok<DrawView>('draw', 'released_day', {
      amountFen: 50_000,
      termMonths: 5,
      idempotencyKey: key(10),
      agreementDigest: first.agreement.digest,
    });
    expect(draw.status).toBe('disbursing');
    h.clock.advance(2 * DAY_MS);
    return h;
  }

  it('rejects a quote on the provisional day', async () => {
    const h = await pendingFirstDraw();
    const request = { amountFen: 60_000, termMonths: 5 as const };
    const quote = await h.ok<LoanQuote>('loanQuote', 'released_day', request);
    expect(quote.repaymentDay).toBe(10);

    // Reading the first draw settles its failed payout, which releases day 10.
    const [first] = await h.ok<{ drawId: string; status: string }[]>('loans', 'released_day', { action: 'list' });
    expect(first.status).toBe('cancelled');
    const result = await h.call<DrawView>('draw', 'released_day', { ...request, idempotencyKey: key(11), agreementDigest: quote.agreement.digest });
    await expectAgreementConflict(result);

    const fresh = await h.ok<LoanQuote>('loanQuote', 'released_day', request);
    expect(fresh.repaymentDay).toBe(12);
  });

  it('rejects a day released during the commit', async () => {
    const h = await pendingFirstDraw();
    const [{ drawId }] = await h.services.store.page<{ _id: string } & Record<string, unknown>>(DRAWS, { where: { openId: 'released_day' }, limit: 1 }).then((page) =>
      page.documents.map((document) => ({ drawId: document._id })),
    );
    const request = { amountFen: 60_000, termMonths: 5 as const };
    const quote = await h.ok<LoanQuote>('loanQuote', 'released_day', request);
    expect(quote.repaymentDay).toBe(10);

    // The payout failure settles between the first check and the commit: the second draw
    // would otherwise be made on day 12 under an agreement that states day 10.
    const store = h.services.store;
    const runTransaction = store.runTransaction.bind(store);
    let settled = false;
    store.runTransaction = async (work) => {
      if (!settled) {
        settled = true;
        await h.ok<LoanDetail>('loans', 'released_day', { action: 'detail', drawId });
      }
      return runTransaction(work);
    };
    try {
      const result = await h.call<DrawView>('draw', 'released_day', { ...request, idempotencyKey: key(12), agreementDigest: quote.agreement.digest });
      expect(settled).toBe(true);
      await expectAgreementConflict(result);
    } finally {
      store.runTransaction = runTransaction;
    }
  });
});

describe('concurrent draws of a new borrower', () => {
  it('keeps each accepted agreement', async () => {
    const h = (await suite.open({ partners: [] }));
    const [{ person }] = coLendable(suite.people(), 1, 3);
    await onboard(h, 'two_at_once', person);
    const first = await h.ok<LoanQuote>('loanQuote', 'two_at_once', { amountFen: 50_000, termMonths: 5 });
    const second = await h.ok<LoanQuote>('loanQuote', 'two_at_once', { amountFen: 60_000, termMonths: 10 });
    const [a, b] = await Promise.all([
      h.ok<DrawView>('draw', 'two_at_once', { amountFen: 50_000, termMonths: 5, idempotencyKey: key(20), agreementDigest: first.agreement.digest }),
      h.ok<DrawView>('draw', 'two_at_once', { amountFen: 60_000, termMonths: 10, idempotencyKey: key(21), agreementDigest: second.agreement.digest }),
    ]);
    expect(a.agreement?.digest).toBe(first.agreement.digest);
    expect(b.agreement?.digest).toBe(second.agreement.digest);
    expect(a.installments.map((row) => row.dueDate)).toEqual(first.installments.map((row) => row.dueDate));
    expect(b.installments.map((row) => row.dueDate)).toEqual(second.installments.map((row) => row.dueDate));
  });
});

describe('agreement digest', () => {
  it('is the same for two quotes of one day', async () => {
    const h = (await suite.open({ partners: [] }));
    const [{ person }] = coLendable(suite.people(), 1, 4);
    await onboard(h, 'stable_digest', person);
    const request = { amountFen: 100_000, termMonths: 5 as const };
    const morning = await h.ok<LoanQuote>('loanQuote', 'stable_digest', request);
    // 10:00 to 23:59 Shanghai on the same business date.
    h.clock.advance(13 * HOUR_MS + 59 * 60 * 1000);
    const evening = await h.ok<LoanQuote>('loanQuote', 'stable_digest', request);
    expect(evening.drawDate).toBe(morning.drawDate);
    expect(evening.agreement.digest).toBe(morning.agreement.digest);
    expect(evening.agreement).toEqual(morning.agreement);
  });

  it('survives an earlier draw on the same day', async () => {
    const h = (await suite.open({ partners: [] }));
    const [{ person }] = coLendable(suite.people(), 1, 5);
    await onboard(h, 'digest_after_draw', person);
    const request = { amountFen: 100_000, termMonths: 5 as const };
    const before = await h.ok<LoanQuote>('loanQuote', 'digest_after_draw', request);
    const first = await h.ok<LoanQuote>('loanQuote', 'digest_after_draw', { amountFen: 50_000, termMonths: 5 });
    await h.ok<DrawView>('draw', 'digest_after_draw', { amountFen: 50_000, termMonths: 5, idempotencyKey: key(30), agreementDigest: first.agreement.digest });
    const draw = await h.ok<DrawView>('draw', 'digest_after_draw', { ...request, idempotencyKey: key(31), agreementDigest: before.agreement.digest });
    expect(draw.agreement?.digest).toBe(before.agreement.digest);
  });
});

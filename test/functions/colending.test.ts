import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DrawView, LoanDetail, RepaymentQuote, RepaymentView } from '../../core/api';
import { addDays, businessDate } from '../../core/dates';
import { accountBalances } from '../../services/ledger';
import { DRAWS, type DrawDocument } from '../../services/loans/draw-document';
import { partnerStatement } from '../../services/colending/settlement';
import { SANDBOX_PARTNERS, type PartnerConfig } from '../../services/colending/partners';
import type { PartnerBank, PartnerDecisionRequest } from '../../adapters/ports/partner-bank';
import { acceptedDrawRequest, approvedPeople, createHarness, expectBalancedLedger, onboard, type Harness, type HarnessOptions } from '../support/harness';

let people: Awaited<ReturnType<typeof approvedPeople>>;
let harness: Harness | undefined;
let keyCounter = 0;
const key = () => `22222222-0000-4000-8000-${String(++keyCounter).padStart(12, '0')}`;

beforeAll(async () => {
  people = await approvedPeople();
});

afterEach(async () => {
  if (harness) await expectBalancedLedger(harness);
  await harness?.close();
  harness = undefined;
});

/**
 * Borrowers every sandbox partner accepts: good cards, a line of at least 8,000 CNY (a
 * display score of 60 or more, bank A's minimum) and within bank B's 50,000 CNY limit.
 */
function coLendable(count: number, skip = 0) {
  const bankB = SANDBOX_PARTNERS[1].eligibility;
  return people
    .filter(({ person, lineFen }) => !person.bankCard.startsWith('6217000') && lineFen <= bankB.maxLineFen && lineFen >= 800_000)
    .slice(skip, skip + count);
}

async function start(options: HarnessOptions = {}) {
  harness = await createHarness(options);
  return harness;
}

async function storedDraw(h: Harness, drawId: string): Promise<DrawDocument> {
  const draw = await h.services.store.get<DrawDocument>(DRAWS, drawId);
  if (!draw) throw new Error(`draw ${drawId} missing`);
  return draw;
}

async function balance(h: Harness, account: string): Promise<number> {
  const balances = await accountBalances(h.services.store);
  return balances.find((item) => item.account === account)?.balanceFen ?? 0;
}

/** A partner bank that decides from a table: approve, decline or hang past the deadline. */
class ScriptedPartnerBank implements PartnerBank {
  readonly asked: string[] = [];
  constructor(private readonly answers: Record<string, 'approve' | 'decline' | 'hang'>) {}
  async decide(request: PartnerDecisionRequest, deadlineMs: number) {
    this.asked.push(request.partnerId);
    const answer = this.answers[request.partnerId] ?? 'approve';
    if (answer === 'hang') {
      await new Promise((resolve) => setTimeout(resolve, deadlineMs));
      throw new Error('timed out');
    }
    if (answer === 'decline') return { outcome: 'declined' as const, reason: 'scripted decline' };
    return { outcome: 'approved' as const, reference: `ref-${request.drawId}` };
  }
}

describe('co-lending allocation', () => {
  it('keeps the platform share at 30% or more', async () => {
    const h = await start();
    const [{ person }] = coLendable(1);
    await onboard(h, 'cl_share', person);
    const view = await h.ok<DrawView>('draw', 'cl_share', await acceptedDrawRequest(h, 'cl_share', { amountFen: 130_000, termMonths: 5, idempotencyKey: key() }));
    const draw = await storedDraw(h, view.drawId);
    expect(draw.funding).toHaveLength(2);
    const [platform, partner] = draw.funding;
    expect(platform.funder).toBe('platform');
    expect(platform.principalFen + partner.principalFen).toBe(130_000);
    // Bank A takes up to 70%: 130,000 × 30% = 39,000 fen stays with the platform.
    expect(platform.principalFen).toBe(39_000);
    expect(await balance(h, `partner_principal_receivable:${partner.funder}`)).toBe(partner.principalFen);
    expect(await balance(h, 'loans_principal_receivable')).toBe(platform.principalFen);
  });

  it('rotates between partners', async () => {
    const h = await start();
    const borrowers = coLendable(2, 1);
    const partnersUsed: string[] = [];
    for (const [index, { person }] of borrowers.entries()) {
      await onboard(h, `cl_rot${index}`, person);
      const view = await h.ok<DrawView>('draw', `cl_rot${index}`, await acceptedDrawRequest(h, `cl_rot${index}`, { amountFen: 50_000, termMonths: 5, idempotencyKey: key() }));
      partnersUsed.push((await storedDraw(h, view.drawId)).funding[1]?.funder ?? 'platform');
    }
    expect(partnersUsed).toEqual(['bank_a', 'bank_b']);
  });

  it('falls back past a decline and a time-out', async () => {
    const bank = new ScriptedPartnerBank({ bank_a: 'hang', bank_b: 'decline' });
    const h = await start({ partnerBank: bank });
    const [{ person }] = coLendable(1, 3);
    await onboard(h, 'cl_fallback', person);
    const view = await h.ok<DrawView>('draw', 'cl_fallback', await acceptedDrawRequest(h, 'cl_fallback', { amountFen: 50_000, termMonths: 5, idempotencyKey: key() }));
    const draw = await storedDraw(h, view.drawId);
    expect(bank.asked).toEqual(['bank_a', 'bank_b']);
    expect(draw.funding).toEqual([{ funder: 'platform', principalFen: 50_000 }]);
    expect(draw.partnerTrail).toEqual([
      { partnerId: 'bank_a', outcome: 'timeout' },
      { partnerId: 'bank_b', outcome: 'declined' },
    ]);
  });

  it('refuses when no partner and no pool can fund', async () => {
    const bank = new ScriptedPartnerBank({ bank_a: 'decline', bank_b: 'decline' });
    const h = await start({ partnerBank: bank, poolFundsFen: 10_000 });
    const [{ person }] = coLendable(1, 4);
    await onboard(h, 'cl_refused', person);
    const result = await h.call('draw', 'cl_refused', await acceptedDrawRequest(h, 'cl_refused', { amountFen: 50_000, termMonths: 5, idempotencyKey: key() }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('FUNDS_UNAVAILABLE');
    expect(await h.services.store.count(DRAWS, {})).toBe(0);
  });

  it('never over-lends a partner facility under concurrency', async () => {
    const small: PartnerConfig[] = [{ ...SANDBOX_PARTNERS[0], facilityLimitFen: 100_000, concentrationCapFen: 100_000 }];
    const h = await start({ partners: small });
    const borrowers = coLendable(6, 5);
    for (const [index, { person }] of borrowers.entries()) await onboard(h, `cl_busy${index}`, person);
    const requests = [];
    for (const [index] of borrowers.entries()) {
      requests.push(await acceptedDrawRequest(h, `cl_busy${index}`, { amountFen: 50_000, termMonths: 5, idempotencyKey: key() }));
    }
    const results = await Promise.all(requests.map((request, index) => h.call<DrawView>('draw', `cl_busy${index}`, request)));
    expect(results.every((result) => result.ok)).toBe(true);
    const partnerFunds = await balance(h, 'partner_funds:bank_a');
    expect(partnerFunds).toBeGreaterThanOrEqual(0);
    const lentByPartner = await balance(h, 'partner_principal_receivable:bank_a');
    expect(lentByPartner).toBeLessThanOrEqual(100_000);
    expect(lentByPartner + partnerFunds).toBe(100_000);
  });
});

describe('co-lent repayments', () => {
  it('splits a payoff between the funders exactly', async () => {
    const h = await start();
    const [{ person }] = coLendable(1, 11);
    await onboard(h, 'cl_pay', person);
    const view = await h.ok<DrawView>('draw', 'cl_pay', await acceptedDrawRequest(h, 'cl_pay', { amountFen: 120_000, termMonths: 10, idempotencyKey: key() }));
    await h.advanceDays(17);
    const quote = await h.ok<RepaymentQuote>('repay', 'cl_pay', { action: 'quote', drawId: view.drawId, kind: 'payoff' });
    const paid = await h.ok<RepaymentView>('repay', 'cl_pay', { action: 'pay', drawId: view.drawId, kind: 'payoff', amountFen: quote.amountFen, idempotencyKey: key() });
    expect(paid.status).toBe('succeeded');
    expect(await balance(h, 'partner_principal_receivable:bank_a')).toBe(0);
    expect(await balance(h, 'partner_interest_receivable:bank_a')).toBe(0);
    expect(await balance(h, 'partner_interest_accrued:bank_a')).toBe(0);
    expect(await balance(h, 'interest_accrued')).toBe(0);
    const platformInterest = await balance(h, 'interest_income');
    const partnerInterest = await balance(h, 'partner_interest_payable:bank_a');
    expect(platformInterest + partnerInterest).toBe(quote.interestFen);
  });
});

describe('90-day simulation', () => {
  it('reconciles partner statements to the ledger', async () => {
    const h = await start();
    const good = coLendable(10, 12);
    const poor = people.filter(({ person }) => person.bankCard.startsWith('62170001')).slice(0, 3);
    const borrowers = [...good, ...poor];
    const draws: { openId: string; drawId: string }[] = [];
    for (const [index, { person, lineFen }] of borrowers.entries()) {
      const openId = `sim_user_${index}`;
      await onboard(h, openId, person);
      const amountFen = Math.max(50_000, Math.floor(lineFen / 2 / 10_000) * 10_000);
      const view = await h.ok<DrawView>('draw', openId, await acceptedDrawRequest(h, openId, { amountFen, termMonths: [5, 10, 20][index % 3], idempotencyKey: key() }));
      if (view.status === 'active') draws.push({ openId, drawId: view.drawId });
    }
    const startDate = businessDate(h.clock.now());
    for (let day = 1; day <= 90; day++) {
      await h.advanceDays(1);
      // Every 15 days one borrower pays off early.
      if (day % 15 === 0) {
        const next = draws.shift();
        if (!next) continue;
        const detail = await h.ok<LoanDetail>('loans', next.openId, { action: 'detail', drawId: next.drawId });
        if (detail.status !== 'active' || detail.payoffTodayFen === 0) continue;
        await h.call('repay', next.openId, { action: 'pay', drawId: next.drawId, kind: 'payoff', amountFen: detail.payoffTodayFen, idempotencyKey: key() });
      }
    }
    const endDate = businessDate(h.clock.now());
    expect(await h.services.store.count(DRAWS, { overdue: true })).toBeGreaterThan(0);

    for (const partner of SANDBOX_PARTNERS) {
      let opening = 0;
      let accrued = 0;
      let received = 0;
      for (let date = startDate; date <= endDate; date = addDays(date, 1)) {
        const statement = await partnerStatement(h.services.store, partner.id, date);
        expect(statement.openingBalanceFen).toBe(opening);
        expect(statement.closingBalanceFen).toBe(statement.openingBalanceFen + statement.disbursedFen - statement.principalRepaidFen);
        opening = statement.closingBalanceFen;
        accrued += statement.interestAccruedFen;
        received += statement.interestReceivedFen + statement.penaltyReceivedFen;
      }
      expect(opening).toBe(await balance(h, `partner_principal_receivable:${partner.id}`));
      // What was earned for the partner is what the ledger owes it.
      const penaltyReceived = received - (await receivedInterest(h, partner.id));
      expect(accrued + penaltyReceived).toBe(await balance(h, `partner_interest_payable:${partner.id}`));
    }
  }, 300_000);
});

async function receivedInterest(h: Harness, partnerId: string): Promise<number> {
  const balances = await accountBalances(h.services.store);
  const receivable = balances.find((item) => item.account === `partner_interest_receivable:${partnerId}`);
  return receivable ? receivable.creditFen : 0;
}

import { describe, expect, it } from 'vitest';
import type { DrawView, RepaymentQuote } from '../../core/api';
import { addDays, businessDate } from '../../core/dates';
import { SANDBOX_PARTNERS, type PartnerConfig } from '../../services/colending/partners';
import { partnerStatement } from '../../services/colending/settlement';
import { USERS, type UserDocument } from '../../services/account/user-document';
import { REPAYMENTS, type RepaymentDocument } from '../../services/loans/draw-document';
import { onboard, type Harness } from '../support/harness';
import {
  balanceFen,
  coLendable,
  DAY_MS,
  drawFor,
  exposureFen,
  nextKey,
  nightsBetween,
  payNow,
  ScriptedPartnerBank,
  storedDraw,
  type ApprovedPerson,
  colendingSuite,
  OPEN_POLICY,
} from './colending-support';

const suite = colendingSuite();


function personWithCard(card: string): ApprovedPerson {
  const found = suite.people().find(({ person }) => person.bankCard === card);
  if (!found) throw new Error(`no approved person with card ${card}`);
  return found;
}

/** An approved borrower whose collections always fail, with a line bank A accepts. */
function poorCard(): ApprovedPerson {
  const found = suite.people().find(({ person, lineFen }) => person.bankCard.startsWith('62170001') && lineFen >= 800_000 && lineFen <= 5_000_000);
  if (!found) throw new Error('no approved person with a failing card');
  return found;
}

/** Sends every collection from a good test card until `restore` is called. */
function collectFrom(h: Harness, goodCard: string): () => void {
  const bank = h.services.bank;
  const collect = bank.collect.bind(bank);
  bank.collect = (request) => collect({ ...request, bankCard: goodCard });
  return () => {
    bank.collect = collect;
  };
}

describe('cancelled co-lent draw', () => {
  it('restores partner funds and exposure', async () => {
    const h = await suite.open();
    const { person } = personWithCard('6217000000000022');
    await onboard(h, 'cancel_user', person);
    const poolBefore = await balanceFen(h, 'platform_funds');
    const view = await drawFor(h, 'cancel_user', 100_000);
    expect(view.status).toBe('cancelled');
    const draw = await storedDraw(h, view.drawId);
    expect(draw.funding.length).toBe(2);
    const partnerId = draw.funding[1].funder;
    const facility = SANDBOX_PARTNERS.find((partner) => partner.id === partnerId)!.facilityLimitFen;
    expect(await balanceFen(h, `partner_funds:${partnerId}`)).toBe(facility);
    expect(await balanceFen(h, 'platform_funds')).toBe(poolBefore);
    expect(await balanceFen(h, 'settlement_in_transit')).toBe(0);
    expect(await exposureFen(h, partnerId)).toBe(0);
    const user = await h.services.store.get<UserDocument>(USERS, 'cancel_user');
    expect(user?.usedFen).toBe(0);
    const statement = await partnerStatement(h.services.store, partnerId, draw.drawDate);
    expect(statement.disbursedFen).toBe(0);
    expect(statement.closingBalanceFen).toBe(0);
  });
});

describe('overdue co-lent draw', () => {
  it('splits penalty by installment principal', async () => {
    const h = await suite.open();
    const { person } = poorCard();
    const [{ person: good }] = coLendable(suite.people(), 1, 6);
    await onboard(h, 'late_user', person);
    const view = await drawFor(h, 'late_user', 100_000);
    const draw = await storedDraw(h, view.drawId);
    expect(draw.funding.length).toBe(2);
    const partnerId = draw.funding[1].funder;
    await h.advanceDays(nightsBetween(draw.drawDate, draw.installments[0].dueDate) + 12);
    const overdue = await storedDraw(h, view.drawId);
    expect(overdue.overdue).toBe(true);
    expect(await balanceFen(h, `partner_interest_receivable:${partnerId}`)).toBeGreaterThan(0);

    const restore = collectFrom(h, good.bankCard);
    // Reading the loan settles the failed auto-debit of the day, which frees the draw.
    await h.ok('loans', 'late_user', { action: 'detail', drawId: view.drawId });
    const quote = await h.ok<RepaymentQuote>('repay', 'late_user', { action: 'quote', drawId: view.drawId, kind: 'due' });
    expect(quote.penaltyFen).toBeGreaterThan(0);
    const paid = await payNow(h, 'late_user', view.drawId, 'due');
    restore();
    expect(paid.status).toBe('succeeded');

    const stored = (await h.services.store.get<RepaymentDocument & { funderShares: { funder: string; penaltyFen: number; principalFen: number }[] }>(
      REPAYMENTS,
      paid.repaymentId,
    ))!;
    const penaltyParts = stored.funderShares.map((share) => share.penaltyFen);
    expect(penaltyParts[0] + penaltyParts[1]).toBe(quote.penaltyFen);
    // Bank A funds 70% of the first installment's 20,000 fen principal.
    const exactPartner = (quote.penaltyFen * 14_000) / 20_000;
    expect(Math.abs(penaltyParts[1] - exactPartner)).toBeLessThan(1);
    expect(await balanceFen(h, `partner_interest_receivable:${partnerId}`)).toBe(0);
    expect(await balanceFen(h, 'interest_receivable')).toBe(0);
    expect(await balanceFen(h, `partner_principal_receivable:${partnerId}`)).toBe(await exposureFen(h, partnerId));
  });
});

describe('payoff settled late', () => {
  it('closes the draw with both funders at zero', async () => {
    const h = await suite.open();
    const [{ person }] = coLendable(suite.people(), 1, 7);
    await onboard(h, 'slow_payoff', person);
    const view = await drawFor(h, 'slow_payoff', 200_000, 10);
    const draw = await storedDraw(h, view.drawId);
    const partnerId = draw.funding[1].funder;
    await h.advanceDays(20);

    const bank = h.services.bank;
    const collect = bank.collect.bind(bank);
    bank.collect = async () => {
      throw new Error('connection reset');
    };
    const quote = await h.ok<RepaymentQuote>('repay', 'slow_payoff', { action: 'quote', drawId: view.drawId, kind: 'payoff' });
    const paid = await h.ok<{ status: string }>('repay', 'slow_payoff', {
      action: 'pay',
      drawId: view.drawId,
      kind: 'payoff',
      amountFen: quote.amountFen,
      idempotencyKey: nextKey(),
    });
    bank.collect = collect;
    expect(paid.status).toBe('collecting');
    await h.advanceDays(4);
    expect((await storedDraw(h, view.drawId)).status).toBe('closed');
    for (const account of ['loans_principal_receivable', `partner_principal_receivable:${partnerId}`, 'interest_receivable',
      `partner_interest_receivable:${partnerId}`, 'interest_accrued', `partner_interest_accrued:${partnerId}`]) {
      expect({ account, balanceFen: await balanceFen(h, account) }).toEqual({ account, balanceFen: 0 });
    }
    expect(await exposureFen(h, partnerId)).toBe(0);
    const earned = (await balanceFen(h, 'interest_income')) + (await balanceFen(h, `partner_interest_payable:${partnerId}`));
    expect(earned).toBe(quote.interestFen);
  });
});

describe('partner facility', () => {
  it('never lends past the facility limit', async () => {
    // A 69,990 fen facility funds one 35,000 fen share, and the interest bank A earns must not fund a second.
    const partners: PartnerConfig[] = [
      { ...SANDBOX_PARTNERS[0], facilityLimitFen: 69_990, concentrationCapFen: 10_000_000, eligibility: OPEN_POLICY },
    ];
    const h = await suite.open({ partners, partnerBank: new ScriptedPartnerBank({}) });
    const borrowers = coLendable(suite.people(), 3, 8);
    for (const [index, { person }] of borrowers.entries()) await onboard(h, `facility_${index}`, person);
    const first = await drawFor(h, 'facility_0', 50_000);
    expect((await storedDraw(h, first.drawId)).funding[1]?.principalFen).toBe(35_000);
    await h.advanceDays(10);
    await payNow(h, 'facility_0', first.drawId, 'payoff');
    console.log('bank A funds after the payoff', await balanceFen(h, 'partner_funds:bank_a'));

    await drawFor(h, 'facility_1', 50_000);
    await drawFor(h, 'facility_2', 50_000);
    const lentFen = await balanceFen(h, 'partner_principal_receivable:bank_a');
    expect(lentFen).toBeLessThanOrEqual(69_990);
  });
});

describe('settlement statements over 60 days', () => {
  it('reconcile to the ledger every day', async () => {
    const h = await suite.open();
    const good = coLendable(suite.people(), 6, 10);
    const borrowers = [...good.map((item) => item.person), poorCard().person, personWithCard('6217000000000022').person];
    const draws: { openId: string; drawId: string }[] = [];
    for (const [index, person] of borrowers.entries()) {
      const openId = `stmt_${index}`;
      await onboard(h, openId, person);
      const view = await drawFor(h, openId, 100_000 + 10_000 * index, [5, 10, 20][index % 3]);
      draws.push({ openId, drawId: view.drawId });
    }
    const startDate = businessDate(h.clock.now());
    const bank = h.services.bank;
    const collect = bank.collect.bind(bank);
    for (let day = 1; day <= 60; day++) {
      if (day === 25) {
        bank.collect = async () => {
          throw new Error('connection reset');
        };
        await payNow(h, draws[0].openId, draws[0].drawId, 'payoff');
        bank.collect = collect;
      }
      if (day === 40) await payNow(h, draws[1].openId, draws[1].drawId, 'payoff');
      await h.advanceDays(1);
    }
    const endDate = businessDate(new Date(h.clock.now().getTime() - DAY_MS));
    for (const partner of SANDBOX_PARTNERS) {
      let opening = 0;
      let accrued = 0;
      let interestReceived = 0;
      let penaltyReceived = 0;
      for (let date = startDate; date <= addDays(endDate, 1); date = addDays(date, 1)) {
        const statement = await partnerStatement(h.services.store, partner.id, date);
        expect(statement.openingBalanceFen).toBe(opening);
        opening = statement.closingBalanceFen;
        accrued += statement.interestAccruedFen;
        interestReceived += statement.interestReceivedFen;
        penaltyReceived += statement.penaltyReceivedFen;
      }
      expect(opening).toBe(await balanceFen(h, `partner_principal_receivable:${partner.id}`));
      expect(opening).toBe(await exposureFen(h, partner.id));
      expect(accrued + penaltyReceived).toBe(await balanceFen(h, `partner_interest_payable:${partner.id}`));
      const receivable = await balanceFen(h, `partner_interest_receivable:${partner.id}`);
      const accruedOpen = await balanceFen(h, `partner_interest_accrued:${partner.id}`);
      expect(receivable).toBeGreaterThanOrEqual(0);
      // Earned interest is either still accrued, billed and unpaid, or received.
      expect(accrued).toBe(accruedOpen + receivable + interestReceived);
    }
  });
});

describe('borrower repayment after a failed auto-debit', () => {
  it('is accepted without reading the loan first', async () => {
    const h = await suite.open();
    const { person } = poorCard();
    const [{ person: good }] = coLendable(suite.people(), 1, 9);
    await onboard(h, 'blocked_user', person);
    const view = await drawFor(h, 'blocked_user', 100_000);
    const draw = await storedDraw(h, view.drawId);
    await h.advanceDays(nightsBetween(draw.drawDate, draw.installments[0].dueDate) + 3);
    // The rail already failed today's auto-debit, but its repayment record is still collecting.
    const restore = collectFrom(h, good.bankCard);
    const quote = await h.ok<RepaymentQuote>('repay', 'blocked_user', { action: 'quote', drawId: view.drawId, kind: 'due' });
    const result = await h.call('repay', 'blocked_user', {
      action: 'pay',
      drawId: view.drawId,
      kind: 'due',
      amountFen: quote.amountFen,
      idempotencyKey: nextKey(),
    });
    restore();
    expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`).toBe('ok');
  });
});

import { describe, expect, it } from 'vitest';
import { PLATFORM_MIN_SHARE_PPM, splitInstallmentPrincipal, splitPrincipal } from '../../core/colending';
import { REPAYMENTS, type RepaymentDocument } from '../../services/loans/draw-document';
import { onboard, type Harness } from '../support/harness';
import {
  balanceFen,
  coLendable,
  drawFor,
  exposureFen,
  nightsBetween,
  payNow,
  storedDraw,
  type ApprovedPerson,
  colendingSuite,
} from './colending-support';

const suite = colendingSuite();

interface FunderShare {
  funder: string;
  principalFen: number;
  interestFen: number;
  penaltyFen: number;
}

type StoredRepayment = RepaymentDocument & {
  allocation?: { penaltyInterestFen: number; dueInterestFen: number; duePrincipalFen: number; currentInterestFen: number; currentPrincipalFen: number };
  funderShares?: FunderShare[];
};

/** Checks that every settled repayment of a draw splits each bucket exactly. */
async function expectExactRepaymentSplits(h: Harness, drawId: string): Promise<number> {
  const repayments = await h.services.store.page<StoredRepayment>(REPAYMENTS, { where: { drawId }, limit: 100 });
  let settled = 0;
  for (const repayment of repayments.documents) {
    if (repayment.status !== 'succeeded') continue;
    settled += 1;
    const allocation = repayment.allocation!;
    const shares = repayment.funderShares!;
    const sum = (pick: (share: FunderShare) => number) => shares.reduce((total, share) => total + pick(share), 0);
    expect(sum((share) => share.principalFen)).toBe(allocation.duePrincipalFen + allocation.currentPrincipalFen);
    expect(sum((share) => share.interestFen)).toBe(allocation.dueInterestFen + allocation.currentInterestFen);
    expect(sum((share) => share.penaltyFen)).toBe(allocation.penaltyInterestFen);
    expect(sum((share) => share.principalFen + share.interestFen + share.penaltyFen)).toBe(repayment.amountFen);
  }
  return settled;
}

/** Checks that nothing is left owed to or accrued for either funder. */
async function expectFundersSettled(h: Harness, partnerId: string): Promise<void> {
  expect(await balanceFen(h, 'loans_principal_receivable')).toBe(0);
  expect(await balanceFen(h, `partner_principal_receivable:${partnerId}`)).toBe(0);
  expect(await balanceFen(h, 'interest_receivable')).toBe(0);
  expect(await balanceFen(h, `partner_interest_receivable:${partnerId}`)).toBe(0);
  expect(await balanceFen(h, 'interest_accrued')).toBe(0);
  expect(await balanceFen(h, `partner_interest_accrued:${partnerId}`)).toBe(0);
  expect(await exposureFen(h, partnerId)).toBe(0);
}

describe('splitPrincipal', () => {
  it('keeps the platform floor on every amount', () => {
    const shares = [0, 1, 299_999, 300_000, 333_333, 500_000, 555_555, 699_999, 700_000];
    for (let principalFen = 1; principalFen <= 20_000; principalFen += 7) {
      for (const sharePpm of shares) {
        const [platformFen, partnerFen] = splitPrincipal(principalFen, sharePpm);
        const floorFen = Math.ceil((principalFen * PLATFORM_MIN_SHARE_PPM) / 1_000_000);
        expect(platformFen + partnerFen).toBe(principalFen);
        expect(platformFen).toBeGreaterThanOrEqual(floorFen);
        expect(partnerFen).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('matches hand-checked splits', () => {
    // 130,001 × 30% = 39,000.3, so the platform keeps 39,001 and bank A 91,000.
    expect(splitPrincipal(130_001, 700_000)).toEqual([39_001, 91_000]);
    expect(splitPrincipal(50_000, 500_000)).toEqual([25_000, 25_000]);
    // 3 fen at 70%: 30% of 3 is 0.9 fen, raised to 1.
    expect(splitPrincipal(3, 700_000)).toEqual([1, 2]);
  });

  it('rejects a partner share above 70%', () => {
    expect(() => splitPrincipal(100_000, 700_001)).toThrow();
  });
});

describe('splitInstallmentPrincipal', () => {
  it('adds each funder back to its share', () => {
    const installments = [33_334, 33_333, 33_333, 1, 99_999].map((principalFen, index) => ({
      number: index + 1,
      dueDate: `2026-0${index + 4}-10`,
      principalFen,
      interestFen: 0,
      totalFen: principalFen,
    }));
    const total = installments.reduce((sum, row) => sum + row.principalFen, 0);
    const [platformFen, partnerFen] = splitPrincipal(total, 700_000);
    const parts = splitInstallmentPrincipal(installments as never, [platformFen, partnerFen]);
    expect(parts[0].reduce((sum, value) => sum + value, 0)).toBe(platformFen);
    expect(parts[1].reduce((sum, value) => sum + value, 0)).toBe(partnerFen);
    installments.forEach((row, index) => expect(parts[0][index] + parts[1][index]).toBe(row.principalFen));
  });
});

describe('co-lent draw repaid over its term', () => {
  it('returns every funder account to zero', async () => {
    const h = await suite.open();
    const [{ person }] = coLendable(suite.people(), 1, 2);
    await onboard(h, 'split_term', person);
    const view = await drawFor(h, 'split_term', 130_000, 10);
    const draw = await storedDraw(h, view.drawId);
    expect(draw.funding.length).toBe(2);
    const partnerId = draw.funding[1].funder;

    const lastDue = draw.installments[draw.installments.length - 1].dueDate;
    await h.advanceDays(nightsBetween(draw.drawDate, lastDue) + 2);
    const closed = await storedDraw(h, view.drawId);
    expect(closed.status).toBe('closed');
    expect(await expectExactRepaymentSplits(h, view.drawId)).toBe(10);
    await expectFundersSettled(h, partnerId);

    const scheduledInterestFen = draw.installments.reduce((sum, row) => sum + row.interestFen, 0);
    const platformIncomeFen = await balanceFen(h, 'interest_income');
    const partnerPayableFen = await balanceFen(h, `partner_interest_payable:${partnerId}`);
    expect(platformIncomeFen + partnerPayableFen).toBe(scheduledInterestFen);
  });

  it('settles an early payoff after one installment', async () => {
    const h = await suite.open();
    const [{ person }] = coLendable(suite.people(), 1, 3);
    await onboard(h, 'split_payoff', person);
    const view = await drawFor(h, 'split_payoff', 250_000, 10);
    const draw = await storedDraw(h, view.drawId);
    const partnerId = draw.funding[1].funder;
    await h.advanceDays(nightsBetween(draw.drawDate, draw.installments[0].dueDate) + 9);
    const paid = await payNow(h, 'split_payoff', view.drawId, 'payoff');
    expect(paid.status).toBe('succeeded');
    expect(await expectExactRepaymentSplits(h, view.drawId)).toBe(2);
    await h.advanceDays(3);
    await expectFundersSettled(h, partnerId);
  });
});

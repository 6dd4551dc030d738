import { describe, expect, it } from 'vitest';
import { LoanError } from '../../core/errors';
import {
  allocatePayment,
  computeLoanState,
  payoffAmountFen,
  type LoanTerms,
  type Payment,
} from '../../core/repayment';
import { buildDrawSchedule } from '../../core/schedule';

/**
 * 10,000 yuan at 500 ppm, drawn 2026-01-10, 5 equal-principal terms on the 10th.
 * Installment 1: 200,000 principal + 15,500 interest (31 days) due 2026-02-10.
 */
const draw: LoanTerms = {
  principalFen: 1_000_000,
  dailyRatePpm: 500,
  drawDate: '2026-01-10',
  installments: buildDrawSchedule({
    principalFen: 1_000_000,
    dailyRatePpm: 500,
    drawDate: '2026-01-10',
    termMonths: 5,
    repaymentDay: 10,
  }),
};

/** 10,000 yuan at 500 ppm drawn 2024-01-01, repaid in one installment on 2024-06-29. */
const bullet: LoanTerms = {
  principalFen: 1_000_000,
  dailyRatePpm: 500,
  drawDate: '2024-01-01',
  installments: [
    {
      number: 1,
      dueDate: '2024-06-29',
      openingPrincipalFen: 1_000_000,
      principalFen: 1_000_000,
      interestFen: 90_000,
      totalFen: 1_090_000,
    },
  ],
};

const pay = (paymentDate: string, amountFen: number): Payment => ({ paymentDate, amountFen });

describe('interest accrual per night', () => {
  it('costs nothing when repaid on the draw date', () => {
    expect(payoffAmountFen(draw, [], '2026-01-10')).toBe(1_000_000);
    const state = computeLoanState(draw, [pay('2026-01-10', 1_000_000)], '2026-01-10');
    expect(state.isClosed).toBe(true);
    expect(state.allocations[0].currentInterestFen).toBe(0);
  });

  it('costs one day when repaid the next day', () => {
    expect(payoffAmountFen(draw, [], '2026-01-11')).toBe(1_000_500);
  });
});

describe('partial repayment before any due date', () => {
  it('pays 30 days of interest first, then principal', () => {
    // 1,000,000 × 0.0005 × 30 = 15,000 interest; the other 35,000 repays principal.
    const payments = [pay('2024-01-31', 50_000)];
    const allocation = allocatePayment(bullet, [], payments[0]);
    expect(allocation.currentInterestFen).toBe(15_000);
    expect(allocation.currentPrincipalFen).toBe(35_000);

    // 2024-01-31 to 2024-03-01 is 30 nights: 965,000 × 0.0005 × 30 = 14,475.
    const state = computeLoanState(bullet, payments, '2024-03-01');
    expect(state.outstandingPrincipalFen).toBe(965_000);
    expect(state.currentInterestFen).toBe(14_475);
    expect(state.installments[0].status).toBe('partlyPaid');
  });

  it('charges the installment only interest left after the early payment', () => {
    // Interest 2024-01-31 → 2024-06-29 (150 nights) on 965,000 = 72,375.
    const state = computeLoanState(bullet, [pay('2024-01-31', 50_000)], '2024-06-29');
    expect(state.installments[0].interestChargedFen).toBe(15_000 + 72_375);
    expect(state.installments[0].interestPaidFen).toBe(15_000);
    expect(state.amountDueFen).toBe(965_000 + 72_375);
    expect(state.installments[0].status).toBe('due');
  });
});

describe('grace day', () => {
  it('treats payment the day after the due date as on time', () => {
    const state = computeLoanState(draw, [pay('2026-02-11', 215_500)], '2026-02-11');
    const first = state.installments[0];
    expect(first.status).toBe('paid');
    expect(first.settledDate).toBe('2026-02-10');
    expect(first.penaltyInterestFen).toBe(0);
    expect(first.overdueDays).toBe(0);
    expect(state.allocations[0].penaltyInterestFen).toBe(0);
    // The grace day adds no interest to the next installment's period.
    expect(computeLoanState(draw, [pay('2026-02-11', 215_500)], '2026-03-10').amountDueFen).toBe(
      211_200,
    );
  });

  it('shows the installment as due, not overdue, during grace', () => {
    const state = computeLoanState(draw, [], '2026-02-11');
    expect(state.installments[0].status).toBe('due');
    expect(state.penaltyInterestFen).toBe(0);
    expect(state.amountDueFen).toBe(215_500);
  });

  it('charges 1.5× penalty two days late', () => {
    // 200,000 × 0.0005 × 1.5 × 2 days = 300 penalty; interest is not penalised.
    const before = computeLoanState(draw, [], '2026-02-12');
    expect(before.installments[0].status).toBe('overdue');
    expect(before.penaltyInterestFen).toBe(300);
    expect(before.amountDueFen).toBe(215_800);

    const after = computeLoanState(draw, [pay('2026-02-12', 215_800)], '2026-02-12');
    const first = after.installments[0];
    expect(first.status).toBe('paid');
    expect(first.settledDate).toBe('2026-02-12');
    expect(first.overdueDays).toBe(2);
    expect(first.penaltyInterestPaidFen).toBe(300);
  });
});

describe('allocation order', () => {
  it('pays penalty, then due interest, then due principal', () => {
    // On 2026-02-20, installment 1 is 10 days past due: penalty 200,000 × 0.00075 × 10
    // = 1,500. 210,000 covers 1,500 + 15,500 + 193,000 of principal.
    const allocation = allocatePayment(draw, [], pay('2026-02-20', 210_000));
    expect(allocation.penaltyInterestFen).toBe(1_500);
    expect(allocation.dueInterestFen).toBe(15_500);
    expect(allocation.duePrincipalFen).toBe(193_000);
    expect(allocation.currentInterestFen).toBe(0);
    expect(allocation.currentPrincipalFen).toBe(0);
    expect(allocation.lines.map((line) => line.bucket)).toEqual([
      'penaltyInterest',
      'dueInterest',
      'duePrincipal',
    ]);
  });

  it('keeps charging penalty on the unpaid principal only', () => {
    // 7,000 left from 2026-02-20; 10 more days: 7,000 × 0.00075 × 10 = 52.5 → 53.
    const state = computeLoanState(draw, [pay('2026-02-20', 210_000)], '2026-03-02');
    expect(state.installments[0].penaltyInterestFen).toBe(1_500 + 53);
    expect(state.penaltyInterestFen).toBe(53);
    expect(state.duePrincipalFen).toBe(7_000);
  });

  it('goes to current interest and principal after everything due', () => {
    // On 2026-02-11 (grace), 215,500 settles installment 1; 800,000 × 0.0005 × 1 = 400
    // of current interest; the remaining 9,600 repays principal early.
    const allocation = allocatePayment(draw, [], pay('2026-02-11', 225_500));
    expect(allocation.dueInterestFen).toBe(15_500);
    expect(allocation.duePrincipalFen).toBe(200_000);
    expect(allocation.currentInterestFen).toBe(400);
    expect(allocation.currentPrincipalFen).toBe(9_600);
    expect(allocation.lines.at(-1)).toEqual({
      installmentNumber: 2,
      bucket: 'currentPrincipal',
      amountFen: 9_600,
    });
  });

  it('settles older installments before newer ones', () => {
    // Installments 1 and 2 overdue on 2026-03-20: penalty 200,000 × 0.00075 × 38 = 5,700
    // and × 10 = 1,500. Installment 2's interest is 800,000 × 0.0005 × 28 = 11,200.
    const state = computeLoanState(draw, [], '2026-03-20');
    expect(state.installments.map((i) => i.status)).toEqual([
      'overdue',
      'overdue',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    expect(state.penaltyInterestFen).toBe(5_700 + 1_500);
    const allocation = allocatePayment(draw, [], pay('2026-03-20', 30_000));
    expect(allocation.lines).toEqual([
      { installmentNumber: 1, bucket: 'penaltyInterest', amountFen: 5_700 },
      { installmentNumber: 2, bucket: 'penaltyInterest', amountFen: 1_500 },
      { installmentNumber: 1, bucket: 'dueInterest', amountFen: 15_500 },
      { installmentNumber: 2, bucket: 'dueInterest', amountFen: 7_300 },
    ]);
  });
});

describe('payoff amount', () => {
  it('adds principal not yet due, its interest, and overdue installments with penalty', () => {
    // 2026-02-20: 800,000 not due + 800,000 × 0.0005 × 10 = 4,000 interest since the due
    // date + installment 1 (215,500) + penalty 1,500.
    expect(payoffAmountFen(draw, [], '2026-02-20')).toBe(1_021_000);
    const state = computeLoanState(draw, [pay('2026-02-20', 1_021_000)], '2026-02-20');
    expect(state.isClosed).toBe(true);
    expect(state.payoffFen).toBe(0);
    expect(state.installments.every((i) => i.status === 'paid')).toBe(true);
  });

  it('charges only the days used on early payoff', () => {
    // 15 nights on 1,000,000: 7,500. No fee.
    const payoff = payoffAmountFen(draw, [], '2026-01-25');
    expect(payoff).toBe(1_007_500);
    const state = computeLoanState(draw, [pay('2026-01-25', payoff)], '2026-06-30');
    expect(state.isClosed).toBe(true);
    expect(state.installments[0].interestChargedFen).toBe(7_500);
    expect(state.installments.slice(1).every((i) => i.interestChargedFen === 0)).toBe(true);
  });

  it('rejects a payment above the payoff amount', () => {
    let error: unknown;
    try {
      allocatePayment(draw, [], pay('2026-01-25', 1_007_501));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LoanError);
    expect((error as LoanError).code).toBe('INVALID_INPUT');
    expect((error as LoanError).details).toEqual({ payoffFen: 1_007_500 });
  });
});

describe('paying an installment early', () => {
  it('settles it with interest to the payment date', () => {
    // 2026-01-25: 15 nights on 1,000,000 = 7,500, plus installment 1's 200,000.
    const payments = [pay('2026-01-25', 207_500)];
    const state = computeLoanState(draw, payments, '2026-03-10');
    expect(state.installments[0].status).toBe('paid');
    expect(state.installments[0].settledDate).toBe('2026-01-25');
    expect(state.installments[0].interestChargedFen).toBe(7_500);
    // Installment 2 carries 800,000 × 0.0005 × 44 nights (2026-01-25 → 2026-03-10).
    expect(state.installments[1].interestChargedFen).toBe(17_600);
    expect(state.amountDueFen).toBe(217_600);
  });

  it('reduces the nearest installment on a partial prepayment', () => {
    // 107,500 on 2026-01-25: 7,500 interest + 100,000 of installment 1's principal. On
    // 2026-02-10 it owes 100,000 + 900,000 × 0.0005 × 16 = 7,200.
    const state = computeLoanState(draw, [pay('2026-01-25', 107_500)], '2026-02-10');
    expect(state.installments[0].principalOutstandingFen).toBe(100_000);
    expect(state.installments[0].interestChargedFen).toBe(7_500 + 7_200);
    expect(state.amountDueFen).toBe(107_200);
  });
});

describe('loan state over a full life', () => {
  it('closes after every installment is paid on its due date', () => {
    const payments = draw.installments.map((row) => pay(row.dueDate, row.totalFen));
    const state = computeLoanState(draw, payments, '2026-06-10');
    expect(state.isClosed).toBe(true);
    expect(state.totalPaidFen).toBe(1_045_100);
    expect(state.installments.map((i) => i.interestChargedFen)).toEqual([
      15_500, 11_200, 9_300, 6_000, 3_100,
    ]);
    expect(state.installments.every((i) => i.settledDate === i.dueDate)).toBe(true);
  });

  it('keeps bucket totals equal to each payment amount', () => {
    const payments = [
      pay('2026-01-20', 12_345),
      pay('2026-02-13', 200_000),
      pay('2026-03-11', 300_000),
      pay('2026-04-30', 111_111),
    ];
    const state = computeLoanState(draw, payments, '2026-05-01');
    for (const allocation of state.allocations) {
      const buckets =
        allocation.penaltyInterestFen +
        allocation.dueInterestFen +
        allocation.duePrincipalFen +
        allocation.currentInterestFen +
        allocation.currentPrincipalFen;
      expect(buckets).toBe(allocation.amountFen);
      const linesFen = allocation.lines.reduce((sum, line) => sum + line.amountFen, 0);
      expect(linesFen).toBe(allocation.amountFen);
    }
    const principalPaid = state.installments.reduce((sum, i) => sum + i.principalPaidFen, 0);
    expect(principalPaid + state.outstandingPrincipalFen).toBe(1_000_000);
  });
});

describe('input checks', () => {
  it('rejects a payment before the draw date or after the as-of date', () => {
    expect(() => computeLoanState(draw, [pay('2026-01-09', 100)], '2026-02-01')).toThrow(LoanError);
    expect(() => computeLoanState(draw, [pay('2026-02-02', 100)], '2026-02-01')).toThrow(LoanError);
  });

  it('rejects a new payment dated before an existing one', () => {
    expect(() => allocatePayment(draw, [pay('2026-02-01', 100)], pay('2026-01-20', 100))).toThrow(
      'record payments in date order',
    );
  });

  it('rejects a schedule whose principal does not sum to the draw', () => {
    const broken = { ...draw, principalFen: 999_999 };
    expect(() => computeLoanState(broken, [], '2026-02-01')).toThrow('sums to 1000000 fen');
  });

  it('rejects a zero payment', () => {
    expect(() => computeLoanState(draw, [pay('2026-01-20', 0)], '2026-02-01')).toThrow(LoanError);
  });
});

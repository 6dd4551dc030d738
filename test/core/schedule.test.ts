import { describe, expect, it } from 'vitest';
import { LoanError } from '../../core/errors';
import {
  buildDrawSchedule,
  buildEqualInstallmentMonthly,
  buildEqualPrincipalMonthly,
  dueDates,
  firstDueDate,
  monthlyRateFromAnnual,
  repaymentDayForFirstDraw,
  type ScheduleRow,
} from '../../core/schedule';

const sumOf = (rows: ScheduleRow[], key: 'principalFen' | 'interestFen'): number =>
  rows.reduce((total, row) => total + row[key], 0);

describe('equal installments with a monthly rate', () => {
  it('pays 3,226.25 a month on 100,000 at 9.99% for 36 months', () => {
    // Exact annuity 3,226.2492… rounds half up to the fen, not up to a whole yuan.
    const rows = buildEqualInstallmentMonthly({
      principalFen: 10_000_000,
      monthlyRate: monthlyRateFromAnnual('0.0999'),
      termMonths: 36,
    });
    expect(rows).toHaveLength(36);
    expect(rows[0]).toEqual({
      number: 1,
      openingPrincipalFen: 10_000_000,
      principalFen: 239_375,
      interestFen: 83_250, // 10,000,000 × 0.008325
      totalFen: 322_625,
    });
    expect(rows.slice(0, 35).every((row) => row.totalFen === 322_625)).toBe(true);
    expect(sumOf(rows, 'principalFen')).toBe(10_000_000);
  });

  it('puts the 0.13 remainder in the 60th of 100,000 at 4.5%', () => {
    const rows = buildEqualInstallmentMonthly({
      principalFen: 10_000_000,
      monthlyRate: monthlyRateFromAnnual('0.045'),
      termMonths: 60,
    });
    expect(rows[0].totalFen).toBe(186_430);
    expect(rows[0].interestFen).toBe(37_500); // 10,000,000 × 0.00375
    expect(rows.slice(0, 59).every((row) => row.totalFen === 186_430)).toBe(true);
    expect(rows[59].totalFen).toBe(186_443);
    expect(sumOf(rows, 'principalFen')).toBe(10_000_000);
  });

  it('splits principal evenly at a zero rate', () => {
    const input = { principalFen: 1000, monthlyRate: 0, termMonths: 3 };
    const rows = buildEqualInstallmentMonthly(input);
    expect(rows.map((row) => row.totalFen)).toEqual([333, 333, 334]);
  });
});

describe('equal principal with a monthly rate', () => {
  it('charges 1,200 down to 100 on 120,000 at 1% for 12 months', () => {
    const rows = buildEqualPrincipalMonthly({
      principalFen: 12_000_000,
      monthlyRate: '0.01',
      termMonths: 12,
    });
    expect(rows.every((row) => row.principalFen === 1_000_000)).toBe(true);
    expect(rows.map((row) => row.interestFen)).toEqual([
      120_000, 110_000, 100_000, 90_000, 80_000, 70_000, 60_000, 50_000, 40_000, 30_000, 20_000,
      10_000,
    ]);
    expect(sumOf(rows, 'interestFen')).toBe(780_000);
  });

  it('puts the principal remainder in the last row', () => {
    const input = { principalFen: 1000, monthlyRate: '0.01', termMonths: 3 };
    const rows = buildEqualPrincipalMonthly(input);
    expect(rows.map((row) => row.principalFen)).toEqual([333, 333, 334]);
  });

  it('rejects a negative rate', () => {
    expect(() =>
      buildEqualPrincipalMonthly({ principalFen: 1000, monthlyRate: '-0.01', termMonths: 3 }),
    ).toThrow(LoanError);
  });
});

describe('repayment day', () => {
  it.each([
    ['2026-01-10', 10],
    ['2026-01-01', 1],
    ['2026-01-27', 27],
    ['2026-01-28', 27],
    ['2026-01-29', 27],
    ['2026-01-31', 27],
    ['2024-02-29', 27],
  ])('is set from a first draw on %s to %i', (date, day) => {
    expect(repaymentDayForFirstDraw(date)).toBe(day);
  });
});

describe('first due date', () => {
  it.each([
    // draw date, repayment day, first due date, days in the first period
    ['2026-01-10', 10, '2026-02-10', 31],
    ['2026-01-20', 27, '2026-02-27', 38], // 2026-01-27 is only 7 days away
    ['2026-01-12', 27, '2026-01-27', 15], // exactly 15 days is enough
    ['2026-01-13', 27, '2026-02-27', 45], // 14 days is too soon: the longest first period
    ['2026-01-29', 27, '2026-02-27', 29],
    ['2026-12-20', 5, '2027-01-05', 16],
    ['2026-12-25', 5, '2027-02-05', 42],
  ])('after a draw on %s with day %i is %s', (drawDate, day, expected, days) => {
    const due = firstDueDate(drawDate, day);
    expect(due).toBe(expected);
    expect((Date.parse(due) - Date.parse(drawDate)) / 86_400_000).toBe(days);
  });

  it('always leaves 15 to 45 days', () => {
    for (let day = 1; day <= 27; day++) {
      for (let offset = 0; offset < 366; offset++) {
        const drawDate = new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
        const days = (Date.parse(firstDueDate(drawDate, day)) - Date.parse(drawDate)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(15);
        expect(days).toBeLessThanOrEqual(45);
      }
    }
  });

  it('rejects repayment days outside 1 to 27', () => {
    expect(() => firstDueDate('2026-01-10', 28)).toThrow(LoanError);
    expect(() => firstDueDate('2026-01-10', 0)).toThrow(LoanError);
  });

  it('continues monthly on the repayment day', () => {
    expect(dueDates('2026-11-20', 27, 5)).toEqual([
      '2026-12-27',
      '2027-01-27',
      '2027-02-27',
      '2027-03-27',
      '2027-04-27',
    ]);
  });
});

describe('draw schedule, equal principal with daily interest', () => {
  it('matches the hand-computed table for 10,000 over 5 terms at 500 ppm', () => {
    // Drawn 2026-01-10, repayment day 10. Interest = opening principal × 0.0005 × days:
    // 1,000,000 × 31 = 15,500; 800,000 × 28 = 11,200; 600,000 × 31 = 9,300;
    // 400,000 × 30 = 6,000; 200,000 × 31 = 3,100 (fen).
    const rows = buildDrawSchedule({
      principalFen: 1_000_000,
      dailyRatePpm: 500,
      drawDate: '2026-01-10',
      termMonths: 5,
      repaymentDay: 10,
    });
    const table = rows.map((row) => [
      row.dueDate,
      row.openingPrincipalFen,
      row.principalFen,
      row.interestFen,
      row.totalFen,
    ]);
    expect(table).toEqual([
      ['2026-02-10', 1_000_000, 200_000, 15_500, 215_500],
      ['2026-03-10', 800_000, 200_000, 11_200, 211_200],
      ['2026-04-10', 600_000, 200_000, 9_300, 209_300],
      ['2026-05-10', 400_000, 200_000, 6_000, 206_000],
      ['2026-06-10', 200_000, 200_000, 3_100, 203_100],
    ]);
    expect(rows.map((row) => row.number)).toEqual([1, 2, 3, 4, 5]);
    expect(sumOf(rows, 'interestFen')).toBe(45_100);
  });

  it('rounds each period once and gives the remainder to the last installment', () => {
    // 50,001 fen over 20 terms: 2,500 each, the last 2,501. First period 2026-01-13 to
    // 2026-02-27 is 45 days: 50,001 × 0.0005 × 45 = 1,125.0225 → 1,125.
    const rows = buildDrawSchedule({
      principalFen: 50_001,
      dailyRatePpm: 500,
      drawDate: '2026-01-13',
      termMonths: 20,
      repaymentDay: 27,
    });
    expect(rows[0].interestFen).toBe(1_125);
    expect(rows.slice(0, 19).every((row) => row.principalFen === 2_500)).toBe(true);
    expect(rows[19].principalFen).toBe(2_501);
    expect(sumOf(rows, 'principalFen')).toBe(50_001);
  });
});

describe('draw schedule, equal installments with daily interest', () => {
  it('levels the payment over actual-day periods', () => {
    // Level payment P × Π(1 + r_k) / Σ_k Π_{j>k}(1 + r_j) with r = 0.0005 × [31, 28, 31,
    // 30, 31] is 209,109.49 fen, so 209,109; the last row takes the principal left.
    const rows = buildDrawSchedule({
      principalFen: 1_000_000,
      dailyRatePpm: 500,
      drawDate: '2026-01-10',
      termMonths: 5,
      repaymentDay: 10,
      method: 'equalInstallment',
    });
    expect(rows.map((row) => row.totalFen)).toEqual([209_109, 209_109, 209_109, 209_109, 209_111]);
    expect(rows.map((row) => row.interestFen)).toEqual([15_500, 11_289, 9_433, 6_133, 3_192]);
    // Each period's interest is its opening principal × 0.0005 × days, rounded half up.
    expect(rows[1].openingPrincipalFen).toBe(806_391); // 806,391 × 0.014 = 11,289.474
    expect(sumOf(rows, 'principalFen')).toBe(1_000_000);
  });
});

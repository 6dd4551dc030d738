import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../core/dates';
import { LoanError } from '../../core/errors';
import { interestFen, penaltyInterestFen } from '../../core/interest';

describe('interestFen', () => {
  it('counts actual days across a leap day', () => {
    // 1,000,000 fen × 0.0005 × 91 days = 45,500 fen; the control year has 90 days.
    const leapDays = daysBetween('2023-12-01', '2024-03-01');
    const controlDays = daysBetween('2022-12-01', '2023-03-01');
    expect(leapDays).toBe(91);
    expect(interestFen(1_000_000, 500, leapDays)).toBe(45_500);
    expect(controlDays).toBe(90);
    expect(interestFen(1_000_000, 500, controlDays)).toBe(45_000);
  });

  it('rounds once per period, not per day', () => {
    // 333,333 × 0.0005 × 30 = 4,999.995 fen → 5,000; daily rounding would give 167 × 30.
    expect(interestFen(333_333, 500, 30)).toBe(5_000);
    expect(interestFen(333_333, 500, 1) * 30).toBe(5_010);
  });

  it.each([
    [1_000_000, 500, 0, 0],
    [1_000_000, 500, 1, 500],
    [999, 500, 1, 0],
    [1_000, 500, 1, 1],
    [965_000, 500, 30, 14_475],
    [100_000, 200, 3, 60],
    [1_001, 500, 1, 1],
  ])('charges %i fen at %i ppm for %i days: %i fen', (principal, ppm, days, expected) => {
    expect(interestFen(principal, ppm, days)).toBe(expected);
  });

  it('stays exact for amounts near the safe-integer limit', () => {
    expect(interestFen(Number.MAX_SAFE_INTEGER, 1, 1)).toBe(9_007_199_255);
  });

  it('rejects negative or fractional inputs', () => {
    expect(() => interestFen(-1, 500, 1)).toThrow(LoanError);
    expect(() => interestFen(100, 1.5, 1)).toThrow(LoanError);
    expect(() => interestFen(100, 500, -1)).toThrow(LoanError);
  });
});

describe('penaltyInterestFen', () => {
  it.each([
    // principal × 0.0005 × 1.5 × days
    [200_000, 500, 2, 300],
    [200_000, 500, 10, 1_500],
    [7_000, 500, 10, 53], // 52.5 rounds half up
    [7_000, 200, 1, 2], // 2.1
    [1_000, 500, 0, 0],
  ])('charges %i fen at 1.5 × %i ppm for %i days: %i fen', (principal, ppm, days, expected) => {
    expect(penaltyInterestFen(principal, ppm, days)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { LoanError } from '../../core/errors';
import {
  assertAprBps,
  assertCreditLineFen,
  assertDailyRatePpm,
  assertDrawFen,
  assertTermMonths,
} from '../../core/limits';

function codeOf(action: () => void): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof LoanError) return error.code;
    throw error;
  }
  return undefined;
}

describe('credit line', () => {
  it.each([50_000, 10_000_000, 20_000_000, 3_500_000])('accepts %i fen', (fen) => {
    expect(codeOf(() => assertCreditLineFen(fen))).toBeUndefined();
  });

  it.each([
    [40_000, 'INVALID_INPUT'],
    [50_050, 'INVALID_INPUT'],
    [20_010_000, 'LIMIT_EXCEEDED'],
    [1.5, 'INVALID_INPUT'],
  ])('rejects %i fen with %s', (fen, code) => {
    expect(codeOf(() => assertCreditLineFen(fen))).toBe(code);
  });
});

describe('draw amount', () => {
  it('accepts 500 to 40,000 yuan in steps of 100 within the line', () => {
    expect(codeOf(() => assertDrawFen(50_000, 3_500_000))).toBeUndefined();
    expect(codeOf(() => assertDrawFen(4_000_000, 4_000_000))).toBeUndefined();
  });

  it('rejects amounts outside the product range', () => {
    expect(codeOf(() => assertDrawFen(49_900, 3_500_000))).toBe('INVALID_INPUT');
    expect(codeOf(() => assertDrawFen(4_010_000, 20_000_000))).toBe('LIMIT_EXCEEDED');
    expect(codeOf(() => assertDrawFen(100_050, 3_500_000))).toBe('INVALID_INPUT');
  });

  it('rejects more than the available line', () => {
    let error: LoanError | undefined;
    try {
      assertDrawFen(1_000_000, 900_000);
    } catch (caught) {
      error = caught as LoanError;
    }
    expect(error?.code).toBe('LIMIT_EXCEEDED');
    expect(error?.field).toBe('principalFen');
    expect(error?.message).toContain('available line of 9000.00 yuan');
  });
});

describe('term, rate and APR', () => {
  it('accepts only 5, 10 or 20 installments', () => {
    for (const term of [5, 10, 20]) {
      expect(codeOf(() => assertTermMonths(term))).toBeUndefined();
    }
    for (const term of [0, 1, 6, 12, 24]) {
      expect(codeOf(() => assertTermMonths(term))).toBe('INVALID_INPUT');
    }
  });

  it('accepts daily rates from 200 to 500 ppm', () => {
    for (const ppm of [200, 350, 500]) {
      expect(codeOf(() => assertDailyRatePpm(ppm))).toBeUndefined();
    }
    for (const ppm of [199, 501, 250.5]) {
      expect(codeOf(() => assertDailyRatePpm(ppm))).toBe('INVALID_INPUT');
    }
  });

  it('rejects APR above 24%', () => {
    expect(codeOf(() => assertAprBps(2400))).toBeUndefined();
    expect(codeOf(() => assertAprBps(2401))).toBe('LIMIT_EXCEEDED');
    expect(codeOf(() => assertAprBps(Number.NaN))).toBe('LIMIT_EXCEEDED');
  });
});

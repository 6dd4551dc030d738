import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { LoanError } from '../../core/errors';
import {
  allocateFen,
  assertFen,
  formatYuan,
  parseYuan,
  roundDecimalHalfUp,
  roundHalfUp,
} from '../../core/money';

function errorOf(action: () => unknown): LoanError {
  try {
    action();
  } catch (error) {
    if (error instanceof LoanError) return error;
    throw error;
  }
  throw new Error('expected a LoanError');
}

describe('parseYuan', () => {
  it.each([
    ['19.99', 1999],
    ['4.35', 435],
    ['1.15', 115],
    ['0.01', 1],
    ['10', 1000],
    ['10.5', 1050],
    ['1,000.5', 100050],
    ['1,234,567.89', 123456789],
    ['  8.10 ', 810],
    ['0', 0],
  ])('reads %s as %i fen', (input, fen) => {
    expect(parseYuan(input)).toBe(fen);
  });

  it('rejects more than two decimals', () => {
    const error = errorOf(() => parseYuan('8.165'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('more than two decimals');
  });

  it.each(['-1', '-0.01', 'abc', '', '1.', '.5', '1,00', '12,3456', '1e3', '0x10', '1 000', '+5'])(
    'rejects %j',
    (input) => {
      expect(errorOf(() => parseYuan(input)).code).toBe('INVALID_INPUT');
    },
  );

  it('names negative amounts in the message', () => {
    expect(errorOf(() => parseYuan('-3.00')).message).toContain('negative');
  });

  it('rejects amounts above the safe-integer range', () => {
    expect(parseYuan('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
    expect(errorOf(() => parseYuan('90071992547409.92')).message).toContain('too large');
  });

  it('reports the field it was given', () => {
    expect(errorOf(() => parseYuan('x', 'repaymentAmount')).field).toBe('repaymentAmount');
  });
});

describe('formatYuan', () => {
  it('formats 1005 fen as 10.05', () => {
    expect(formatYuan(1005)).toBe('10.05');
  });

  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [100, '1.00'],
    [-5, '-0.05'],
    [100050, '1000.50'],
  ])('formats %i fen as %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it('groups thousands on request', () => {
    expect(formatYuan(100500, { thousands: true })).toBe('1,005.00');
    expect(formatYuan(123456789, { thousands: true })).toBe('1,234,567.89');
    expect(formatYuan(99999, { thousands: true })).toBe('999.99');
  });

  it('round-trips through parseYuan', () => {
    for (const fen of [0, 7, 435, 1999, 100050, 123456789]) {
      expect(parseYuan(formatYuan(fen, { thousands: true }))).toBe(fen);
    }
  });

  it('rejects fractional fen', () => {
    expect(() => formatYuan(10.5)).toThrow(LoanError);
  });
});

describe('assertFen', () => {
  it('accepts safe non-negative integers', () => {
    expect(() => assertFen(0)).not.toThrow();
    expect(() => assertFen(Number.MAX_SAFE_INTEGER)).not.toThrow();
  });

  const invalidValues = [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN, '100', null];
  it.each(invalidValues)('rejects %j', (value) => {
    expect(() => assertFen(value)).toThrow(LoanError);
  });
});

describe('roundHalfUp', () => {
  it.each([
    [4999995n, 1000n, 5000n],
    [4999499n, 1000n, 4999n],
    [5n, 10n, 1n],
    [4n, 10n, 0n],
    [15n, 10n, 2n],
    [25n, 10n, 3n],
    [0n, 7n, 0n],
  ])('rounds %i / %i to %i', (numerator, denominator, expected) => {
    expect(roundHalfUp(numerator, denominator)).toBe(expected);
  });

  it('rejects a zero denominator', () => {
    expect(() => roundHalfUp(1n, 0n)).toThrow(RangeError);
  });

  it('rounds decimals half up like the BigInt rule', () => {
    expect(roundDecimalHalfUp(new Decimal('322624.5'))).toBe(322625);
    expect(roundDecimalHalfUp(new Decimal('322624.4999'))).toBe(322624);
  });
});

describe('allocateFen', () => {
  it('splits 99.99 yuan 70/30 into shares that sum exactly', () => {
    // 9999 × 0.7 = 6999.3 and 9999 × 0.3 = 2999.7: floors 6999 + 2999 leave 1 fen. It goes
    // to the partner, whose remainder (0.7) is larger.
    expect(allocateFen(9999, [70, 30])).toEqual([6999, 3000]);
  });

  it('gives a leftover fen to the earlier party on equal remainders', () => {
    expect(allocateFen(1, [50, 50])).toEqual([1, 0]);
    expect(allocateFen(101, [1, 1])).toEqual([51, 50]);
    expect(allocateFen(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('hands leftovers to the largest remainders first', () => {
    // 10 × [0.15, 0.35, 0.5] = 1.5, 3.5, 5: floors 1, 3, 5 leave 1 fen; equal 0.5
    // remainders of the first two parties, so the earlier one gets it.
    expect(allocateFen(10, [15, 35, 50])).toEqual([2, 3, 5]);
    // 7 × [0.2, 0.3, 0.5] = 1.4, 2.1, 3.5: floors 1, 2, 3 leave 1 fen for 0.5.
    expect(allocateFen(7, [2, 3, 5])).toEqual([1, 2, 4]);
  });

  it('accepts ratios in parts per million', () => {
    expect(allocateFen(9999, [700_000, 300_000])).toEqual([6999, 3000]);
  });

  it('gives a zero ratio nothing', () => {
    expect(allocateFen(1001, [0, 1, 0, 1])).toEqual([0, 501, 0, 500]);
  });

  it('rejects empty, negative, fractional and all-zero ratios', () => {
    expect(() => allocateFen(100, [])).toThrow(LoanError);
    expect(() => allocateFen(100, [-1, 2])).toThrow(LoanError);
    expect(() => allocateFen(100, [0.5, 0.5])).toThrow(LoanError);
    expect(() => allocateFen(100, [0, 0])).toThrow(LoanError);
    expect(() => allocateFen(-1, [1])).toThrow(LoanError);
  });

  it('keeps exact sums and bounds for seeded random inputs', () => {
    let seed = 20260110;
    const random = (limit: number): number => {
      // Park–Miller generator: deterministic, so a failure can be replayed.
      seed = (seed * 48271) % 2147483647;
      return seed % limit;
    };

    for (let run = 0; run < 2000; run++) {
      const totalFen = random(run % 2 === 0 ? 1_000_000_000 : 1000);
      const ratios = Array.from({ length: 1 + random(6) }, () => random(1_000_001));
      if (!ratios.some((r) => r > 0)) ratios[0] = 1;
      const ratioSum = ratios.reduce((a, b) => a + b, 0);
      const shares = allocateFen(totalFen, ratios);

      expect(shares.reduce((a, b) => a + b, 0)).toBe(totalFen);
      shares.forEach((share, i) => {
        const exact = (totalFen * ratios[i]) / ratioSum;
        expect(share).toBeGreaterThanOrEqual(Math.floor(exact) - 1e-6);
        expect(share).toBeLessThanOrEqual(Math.floor(exact) + 1);
      });
    }
  });

  it('stays exact beyond 2^53 intermediate products', () => {
    const shares = allocateFen(Number.MAX_SAFE_INTEGER, [999_999, 1]);
    expect(shares[0] + shares[1]).toBe(Number.MAX_SAFE_INTEGER);
  });
});

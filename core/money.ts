import Decimal from 'decimal.js';
import { LoanError } from './errors';

/**
 * Money is an integer number of fen (1 yuan = 100 fen). Yuan strings appear only at the
 * edge: `parseYuan` reads them and `formatYuan` writes them. Arithmetic that can leave the
 * safe-integer range or produce fractions runs in BigInt and is rounded once, half up.
 */

const YUAN_PATTERN = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a yuan amount such as "19.99", "4.35" or "1,000.50" into fen.
 *
 * Accepted: digits with an optional point and one or two decimals, surrounding spaces,
 * and thousands separators only in correct groups of three ("1,000.5" is 100050 fen).
 * Rejected with LoanError INVALID_INPUT: empty or non-numeric text, signs (no negative
 * amounts), more than two decimals ("8.165"), misplaced commas ("1,00"), and amounts
 * above Number.MAX_SAFE_INTEGER fen.
 */
export function parseYuan(input: string, field = 'amount'): number {
  const text = typeof input === 'string' ? input.trim() : '';
  const match = YUAN_PATTERN.exec(text);
  if (match === null) {
    throw new LoanError('INVALID_INPUT', describeBadYuan(text), field, { input });
  }

  const wholeYuan = BigInt(match[1].replace(/,/g, ''));
  const fractionFen = BigInt((match[2] ?? '').padEnd(2, '0'));
  const fen = wholeYuan * 100n + fractionFen;
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new LoanError('INVALID_INPUT', `Amount "${text}" is too large.`, field, { input });
  }
  return Number(fen);
}

function describeBadYuan(text: string): string {
  if (text === '') {
    return 'Amount is missing: enter an amount in yuan, for example 19.99.';
  }
  if (/^-/.test(text)) {
    return `Amount "${text}" is negative: enter a positive amount in yuan.`;
  }
  if (/^[\d,]*\.\d{3,}$/.test(text)) {
    return `Amount "${text}" has more than two decimals: yuan amounts stop at the fen (0.01).`;
  }
  return `Amount "${text}" is not a valid yuan amount: use digits and at most two decimals.`;
}

/** Options for `formatYuan`. */
export interface FormatYuanOptions {
  /** Group the yuan digits in threes with commas ("1,005.00"). Default false. */
  thousands?: boolean;
}

/** Formats fen as yuan with exactly two decimals: 1005 → "10.05", -5 → "-0.05". */
export function formatYuan(fen: number, options: FormatYuanOptions = {}): string {
  if (!Number.isSafeInteger(fen)) {
    throw new LoanError('INVALID_INPUT', `Amount ${fen} is not a whole number of fen.`);
  }

  const sign = fen < 0 ? '-' : '';
  const absoluteFen = Math.abs(fen);
  const yuanDigits = String(Math.floor(absoluteFen / 100));
  const fenDigits = String(absoluteFen % 100).padStart(2, '0');
  const yuan = options.thousands ? yuanDigits.replace(/\B(?=(\d{3})+$)/g, ',') : yuanDigits;
  return `${sign}${yuan}.${fenDigits}`;
}

/** Throws LoanError INVALID_INPUT unless `value` is a safe, non-negative integer of fen. */
export function assertFen(value: unknown, field = 'amountFen'): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new LoanError(
      'INVALID_INPUT',
      `${field} must be a whole, non-negative number of fen; got ${String(value)}.`,
      field,
    );
  }
}

/**
 * Rounds the non-negative rational numerator / denominator to an integer, half up
 * (0.5 goes to 1). This is the only rounding rule for interest and penalty amounts.
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n || numerator < 0n) {
    throw new RangeError(`roundHalfUp needs numerator >= 0 and denominator > 0`);
  }
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** Rounds a non-negative decimal.js value to whole fen, half up (same rule as roundHalfUp). */
export function roundDecimalHalfUp(value: Decimal): number {
  if (value.isNegative() || !value.isFinite()) {
    throw new RangeError(`roundDecimalHalfUp needs a finite value >= 0; got ${value}`);
  }
  return toSafeFen(BigInt(value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)));
}

/** Converts a BigInt fen amount to a number, throwing if it leaves the safe-integer range. */
export function toSafeFen(fen: bigint): number {
  if (fen > BigInt(Number.MAX_SAFE_INTEGER) || fen < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Amount ${fen} fen is outside the safe-integer range`);
  }
  return Number(fen);
}

/**
 * Splits `totalFen` in proportion to integer `ratios` (e.g. [70, 30] or parts per
 * million) so that the shares add up to exactly `totalFen`.
 *
 * Largest-remainder rule: each share first gets floor(total × ratio / sum of ratios).
 * The fen left over (fewer than the number of parties) go one at a time to the parties
 * with the largest fractional remainders. Equal remainders go to the earlier party in
 * `ratios`. A zero ratio always gets 0.
 */
export function allocateFen(totalFen: number, ratios: readonly number[]): number[] {
  assertFen(totalFen, 'totalFen');
  if (ratios.length === 0 || ratios.some((r) => !Number.isSafeInteger(r) || r < 0)) {
    throw new LoanError('INVALID_INPUT', 'Ratios must be non-negative whole numbers.', 'ratios');
  }
  const ratioSum = ratios.reduce((sum, r) => sum + BigInt(r), 0n);
  if (ratioSum === 0n) {
    throw new LoanError('INVALID_INPUT', 'At least one ratio must be above zero.', 'ratios');
  }

  const total = BigInt(totalFen);
  const shares = ratios.map((r) => (total * BigInt(r)) / ratioSum);
  const remainders = ratios.map((r, index) => ({ index, rest: (total * BigInt(r)) % ratioSum }));
  let leftoverFen = total - shares.reduce((sum, s) => sum + s, 0n);

  // Largest remainder first. The sort is stable, so equal remainders keep party order.
  remainders.sort((a, b) => compareDescending(a.rest, b.rest));
  for (const { index } of remainders) {
    if (leftoverFen === 0n) break;
    shares[index] += 1n;
    leftoverFen -= 1n;
  }
  return shares.map((share) => Number(share));
}

function compareDescending(a: bigint, b: bigint): number {
  if (a === b) return 0;
  return a > b ? -1 : 1;
}

import { assertFen, roundHalfUp, toSafeFen } from './money';
import { LoanError } from './errors';

/**
 * Day-count and rounding rule for all interest: actual calendar days, interest accrues per
 * night (the start date counts, the end date does not), and the exact amount for a whole
 * period is rounded half up to the fen once. Rates are parts per million per day (ppm).
 */

const PPM = 1_000_000n;

/** Penalty rate as a fraction of the daily rate: 1.5 = 3 / 2. */
export const PENALTY_MULTIPLIER_NUMERATOR = 3n;
export const PENALTY_MULTIPLIER_DENOMINATOR = 2n;

/**
 * Returns the interest in fen on `principalFen` at `dailyRatePpm` for `days` nights:
 * principal × rate × days, computed exactly and rounded half up once for the whole period.
 */
export function interestFen(principalFen: number, dailyRatePpm: number, days: number): number {
  assertAccrualInputs(principalFen, dailyRatePpm, days);
  const exact = BigInt(principalFen) * BigInt(dailyRatePpm) * BigInt(days);
  return toSafeFen(roundHalfUp(exact, PPM));
}

/**
 * Returns the penalty interest in fen on overdue principal: principal × 1.5 × daily rate
 * × days, rounded half up once. It replaces normal interest for those days and is charged
 * on principal only, never on interest.
 */
export function penaltyInterestFen(
  overduePrincipalFen: number,
  dailyRatePpm: number,
  days: number,
): number {
  assertAccrualInputs(overduePrincipalFen, dailyRatePpm, days);
  const normalExact = BigInt(overduePrincipalFen) * BigInt(dailyRatePpm) * BigInt(days);
  const exact = normalExact * PENALTY_MULTIPLIER_NUMERATOR;
  return toSafeFen(roundHalfUp(exact, PPM * PENALTY_MULTIPLIER_DENOMINATOR));
}

function assertAccrualInputs(principalFen: number, dailyRatePpm: number, days: number): void {
  assertFen(principalFen, 'principalFen');
  if (!Number.isSafeInteger(dailyRatePpm) || dailyRatePpm < 0) {
    throw new LoanError(
      'INVALID_INPUT',
      `dailyRatePpm must be a whole, non-negative number; got ${dailyRatePpm}.`,
      'dailyRatePpm',
    );
  }
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new LoanError(
      'INVALID_INPUT',
      `days must be a whole, non-negative number; got ${days}.`,
      'days',
    );
  }
}

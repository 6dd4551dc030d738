import type { BehaviourProfile } from '../../adapters/ports/credit-data';

/**
 * Value of a feature that cannot be computed, such as a payment ratio when the previous bill
 * was zero or negative. The scorecard puts it in each feature's separate "missing" bin.
 */
export const MISSING_VALUE = Number.NaN;

/** Names of every feature that {@link deriveFeatures} returns, in a fixed order. */
export const FEATURE_NAMES = [
  'latestStatus',
  'worstStatus6m',
  'worstStatus3m',
  'monthsLate6m',
  'monthsInactive6m',
  'statusTrend',
  'utilisationLatest',
  'utilisationAvg6m',
  'paymentRatioLatest',
  'paymentRatioAvg5m',
  'billTrend6m',
  'paymentLatest',
  'paymentPrevious',
  'paymentAvg6m',
  'limitBalance',
  'age',
  'education',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

const MONTHS = 6;

/**
 * Derives the scorecard's input features from a behaviour profile. Training and online
 * scoring both call this function, so the two cannot drift apart.
 *
 * Repayment status follows the bureau scale: -2 no balance, -1 paid in full, 0 minimum paid,
 * n ≥ 1 payment n months late. A ratio whose denominator is zero or negative (a limit of 0,
 * a previous bill of 0 or a credit balance) is {@link MISSING_VALUE}, never Infinity.
 * Throws a RangeError when a monthly series does not have six entries.
 */
export function deriveFeatures(profile: BehaviourProfile): Record<FeatureName, number> {
  const status = requireSixMonths(profile.repaymentStatus, 'repaymentStatus');
  const bills = requireSixMonths(profile.billAmounts, 'billAmounts');
  const payments = requireSixMonths(profile.paymentAmounts, 'paymentAmounts');
  const limit = profile.limitBalance;

  // A payment made in month t settles the statement of month t + 1 (one step older).
  const previousBills = bills.slice(1);
  const paymentsAgainstBills = payments.slice(0, MONTHS - 1);

  return {
    latestStatus: status[0],
    worstStatus6m: Math.max(...status),
    worstStatus3m: Math.max(status[0], status[1], status[2]),
    monthsLate6m: status.filter((s) => s > 0).length,
    monthsInactive6m: status.filter((s) => s === -2).length,
    statusTrend: mean(status.slice(0, 3)) - mean(status.slice(3)),
    utilisationLatest: ratio(bills[0], limit),
    utilisationAvg6m: ratio(mean(bills), limit),
    paymentRatioLatest: ratio(payments[0], bills[1]),
    paymentRatioAvg5m: ratio(sum(paymentsAgainstBills), sum(previousBills)),
    billTrend6m: ratio(bills[0] - bills[MONTHS - 1], limit),
    paymentLatest: payments[0],
    paymentPrevious: payments[1],
    paymentAvg6m: mean(payments),
    limitBalance: limit,
    age: profile.age,
    education: normaliseEducation(profile.education),
  };
}

/** Returns numerator / denominator, or MISSING_VALUE when the denominator is not positive. */
function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : MISSING_VALUE;
}

/** Folds the undocumented codes 0, 5 and 6 into 4 ("others"); 1 graduate … 3 high school. */
function normaliseEducation(code: number): number {
  return code >= 1 && code <= 3 ? code : 4;
}

function requireSixMonths(values: readonly number[], field: string): number[] {
  if (values.length !== MONTHS) {
    throw new RangeError(`${field} must have ${MONTHS} monthly values, got ${values.length}`);
  }
  return [...values];
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function mean(values: readonly number[]): number {
  return sum(values) / values.length;
}

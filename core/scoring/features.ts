import type { BehaviourProfile } from '../../adapters/ports/credit-data';

/**
 * Value of a feature that cannot be computed, such as a payment ratio when the previous bill
 * was zero or negative. The scorecard puts it in each feature's separate "missing" bin.
 */
export const MISSING_VALUE = Number.NaN;

/** Names of every feature that {@link deriveFeatures} returns, in a fixed order. */
export const FEATURE_NAMES = [
  'latestStatus',
  'previousStatus',
  'status3mAgo',
  'status4mAgo',
  'status5mAgo',
  'status6mAgo',
  'worstStatus6m',
  'worstStatus3m',
  'worstStatus2m',
  'monthsLate6m',
  'monthsLate3m',
  'monthsLate2Plus6m',
  'monthsSinceLate',
  'monthsInactive6m',
  'monthsPaidInFull6m',
  'monthsRevolving6m',
  'statusTrend',
  'utilisationLatest',
  'utilisationPrevious',
  'utilisationAvg6m',
  'utilisationMax6m',
  'utilisationChange1m',
  'paymentRatioLatest',
  'paymentRatioPrevious',
  'paymentRatioAvg5m',
  'paymentRatioMin5m',
  'monthsBillCovered5m',
  'coveredStreak',
  'monthsZeroBill6m',
  'monthsZeroPayment6m',
  'billTrend6m',
  'paymentLatest',
  'paymentPrevious',
  'paymentAvg6m',
  'paymentToLimitLatest',
  'paymentToLimit6m',
  'balanceAfterPaymentRatio',
  'limitBalance',
  'age',
  'education',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Feature values by name, as {@link deriveFeatures} returns them. */
export type FeatureValues = Record<FeatureName, number>;

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
export function deriveFeatures(profile: BehaviourProfile): FeatureValues {
  const status = requireSixMonths(profile.repaymentStatus, 'repaymentStatus');
  const bills = requireSixMonths(profile.billAmounts, 'billAmounts');
  const payments = requireSixMonths(profile.paymentAmounts, 'paymentAmounts');
  const limit = profile.limitBalance;
  // Object.assign into one object, not spreads: scoring derives features on every request.
  const values = statusFeatures(status) as FeatureValues;
  Object.assign(values, utilisationFeatures(bills, limit));
  Object.assign(values, paymentFeatures(bills, payments, limit));
  values.limitBalance = limit;
  values.age = profile.age;
  values.education = normaliseEducation(profile.education);
  return values;
}

type StatusFeatureName =
  | 'latestStatus'
  | 'previousStatus'
  | 'status3mAgo'
  | 'status4mAgo'
  | 'status5mAgo'
  | 'status6mAgo'
  | 'worstStatus6m'
  | 'worstStatus3m'
  | 'worstStatus2m'
  | 'monthsLate6m'
  | 'monthsLate3m'
  | 'monthsLate2Plus6m'
  | 'monthsSinceLate'
  | 'monthsInactive6m'
  | 'monthsPaidInFull6m'
  | 'monthsRevolving6m'
  | 'statusTrend';

/**
 * Repayment-status features. `monthsSinceLate` is 0 when the latest month was late and 6
 * when no month of the six was late.
 */
function statusFeatures(status: readonly number[]): Record<StatusFeatureName, number> {
  const lateIndex = status.findIndex((s) => s > 0);
  return {
    latestStatus: status[0],
    previousStatus: status[1],
    status3mAgo: status[2],
    status4mAgo: status[3],
    status5mAgo: status[4],
    status6mAgo: status[5],
    worstStatus6m: Math.max(...status),
    worstStatus3m: Math.max(status[0], status[1], status[2]),
    worstStatus2m: Math.max(status[0], status[1]),
    monthsLate6m: countWhere(status, (s) => s > 0),
    monthsLate3m: countWhere(status.slice(0, 3), (s) => s > 0),
    monthsLate2Plus6m: countWhere(status, (s) => s >= 2),
    monthsSinceLate: lateIndex < 0 ? MONTHS : lateIndex,
    monthsInactive6m: countWhere(status, (s) => s === -2),
    monthsPaidInFull6m: countWhere(status, (s) => s === -1),
    monthsRevolving6m: countWhere(status, (s) => s === 0),
    statusTrend: mean(status.slice(0, 3)) - mean(status.slice(3)),
  };
}

type UtilisationFeatureName =
  | 'utilisationLatest'
  | 'utilisationPrevious'
  | 'utilisationAvg6m'
  | 'utilisationMax6m'
  | 'utilisationChange1m'
  | 'billTrend6m'
  | 'monthsZeroBill6m';

/** Bill-to-limit features; all are MISSING_VALUE when the limit is not positive. */
function utilisationFeatures(
  bills: readonly number[],
  limit: number,
): Record<UtilisationFeatureName, number> {
  return {
    utilisationLatest: ratio(bills[0], limit),
    utilisationPrevious: ratio(bills[1], limit),
    utilisationAvg6m: ratio(mean(bills), limit),
    utilisationMax6m: ratio(Math.max(...bills), limit),
    utilisationChange1m: ratio(bills[0] - bills[1], limit),
    billTrend6m: ratio(bills[0] - bills[MONTHS - 1], limit),
    monthsZeroBill6m: countWhere(bills, (bill) => bill === 0),
  };
}

type PaymentFeatureName =
  | 'paymentRatioLatest'
  | 'paymentRatioPrevious'
  | 'paymentRatioAvg5m'
  | 'paymentRatioMin5m'
  | 'monthsBillCovered5m'
  | 'coveredStreak'
  | 'monthsZeroPayment6m'
  | 'paymentLatest'
  | 'paymentPrevious'
  | 'paymentAvg6m'
  | 'paymentToLimitLatest'
  | 'paymentToLimit6m'
  | 'balanceAfterPaymentRatio';

/**
 * Payment features. A payment made in month t settles the statement of month t + 1 (one step
 * older), so there are five payment-to-bill pairs. A bill is covered when the payment is at
 * least the bill; a bill of zero or less counts as covered. `coveredStreak` counts covered
 * bills from the most recent pair back to the first uncovered one.
 */
function paymentFeatures(
  bills: readonly number[],
  payments: readonly number[],
  limit: number,
): Record<PaymentFeatureName, number> {
  const pairs = MONTHS - 1;
  const pairRatios: number[] = [];
  const covered: boolean[] = [];
  for (let t = 0; t < pairs; t += 1) {
    pairRatios.push(ratio(payments[t], bills[t + 1]));
    covered.push(payments[t] >= bills[t + 1]);
  }
  const knownRatios = pairRatios.filter((value) => !Number.isNaN(value));
  const firstUncovered = covered.indexOf(false);
  return {
    paymentRatioLatest: pairRatios[0],
    paymentRatioPrevious: pairRatios[1],
    paymentRatioAvg5m: ratio(sum(payments.slice(0, pairs)), sum(bills.slice(1))),
    paymentRatioMin5m: knownRatios.length ? Math.min(...knownRatios) : MISSING_VALUE,
    monthsBillCovered5m: countWhere(covered, (isCovered) => isCovered),
    coveredStreak: firstUncovered < 0 ? pairs : firstUncovered,
    monthsZeroPayment6m: countWhere(payments, (payment) => payment === 0),
    paymentLatest: payments[0],
    paymentPrevious: payments[1],
    paymentAvg6m: mean(payments),
    paymentToLimitLatest: ratio(payments[0], limit),
    paymentToLimit6m: ratio(sum(payments), limit),
    balanceAfterPaymentRatio: ratio(bills[1] - payments[0], limit),
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

function countWhere<T>(values: readonly T[], predicate: (value: T) => boolean): number {
  let count = 0;
  for (const value of values) if (predicate(value)) count += 1;
  return count;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function mean(values: readonly number[]): number {
  return sum(values) / values.length;
}

import { assertDate, daysBetween } from './dates';
import { LoanError } from './errors';

/**
 * Rates of return of dated cash flows. These are rates, not money, so they use floating
 * point. Both solvers bracket a root by widening an interval until the present value
 * changes sign and then bisect it, so they need no starting guess and never return NaN.
 */

/** A dated cash flow: negative when money goes out, positive when it comes in. */
export interface CashFlow {
  /** Business date, `YYYY-MM-DD`. */
  date: string;
  amountFen: number;
}

/** An annual percentage rate as a fraction, in basis points and for display. */
export interface AprResult {
  /** Fraction per year, e.g. 0.1825. */
  rate: number;
  /** Rate in basis points, rounded half up: 1825. */
  bps: number;
  /** Percent with two decimals: "18.25%". */
  display: string;
  /** Daily rate d that solves the flows, as a fraction. */
  dailyRate: number;
}

const BISECTION_STEPS = 200;
const WIDEN_STEPS = 60;

/**
 * Returns the effective annual rate r with Σ amount / (1 + r)^(days / 365) = 0, where
 * days count from the first flow (the Excel XIRR convention). Near-total losses can
 * return exactly -1 in floating point. Throws LoanError INVALID_INPUT when the flows do
 * not change sign or the rate overflows a double (e.g. 10,000-fold in one day).
 */
export function xirr(flows: readonly CashFlow[]): number {
  const timed = timedFlows(flows);
  // Solve for g = ln(1 + r), which ranges over all reals, so r stays above -1.
  const presentValue = (g: number) =>
    scaledPresentValue(timed.map((f) => [f.amountFen, (-g * f.days) / 365]));
  const rate = Math.expm1(solveByBisection(presentValue, -1, 1));
  if (!Number.isFinite(rate)) {
    const message = 'The annual rate of these cash flows is too large to represent.';
    throw new LoanError('INVALID_INPUT', message, 'flows');
  }
  return rate;
}

/**
 * Returns the product APR of dated flows: the daily rate d such that, with simple
 * interest at d between consecutive flow dates and compounding at each flow date, the
 * flows are worth zero at the first date; APR = d × 365. This is how the loan accrues, so
 * a loan at 0.05% a day shows 18.25% (fen rounding can move it by 0.01%).
 */
export function loanApr(flows: readonly CashFlow[]): AprResult {
  const timed = timedFlows(flows);
  const gaps = timed.map((f, k) => (k === 0 ? 0 : f.days - timed[k - 1].days));
  const longestGap = Math.max(1, ...gaps);

  // The discount factor to flow k is Π 1 / (1 + d × gap_j); d must exceed -1 / longestGap.
  const presentValue = (x: number) => {
    const d = dailyRateFromUnbounded(x, longestGap);
    let logDiscount = 0;
    const terms = timed.map((f, k): [number, number] => {
      logDiscount -= Math.log1p(d * gaps[k]);
      return [f.amountFen, logDiscount];
    });
    return scaledPresentValue(terms);
  };
  const dailyRate = dailyRateFromUnbounded(solveByBisection(presentValue, -1, 1), longestGap);
  return describeApr(dailyRate * 365, dailyRate);
}

/** Returns an AprResult for an annual rate given as a fraction. */
export function describeApr(rate: number, dailyRate = rate / 365): AprResult {
  const bps = Math.round(rate * 10_000);
  const sign = bps < 0 ? '-' : '';
  const absolute = Math.abs(bps);
  const hundredths = String(absolute % 100).padStart(2, '0');
  const display = `${sign}${Math.floor(absolute / 100)}.${hundredths}%`;
  return { rate, bps, display, dailyRate };
}

/** Maps any real x onto daily rates above -1 / longestGap: x = 0 gives d = 0. */
function dailyRateFromUnbounded(x: number, longestGap: number): number {
  return Math.expm1(x) / longestGap;
}

function timedFlows(flows: readonly CashFlow[]): { amountFen: number; days: number }[] {
  if (flows.length < 2) {
    throw new LoanError('INVALID_INPUT', 'A rate needs at least two cash flows.', 'flows');
  }
  flows.forEach((flow) => {
    assertDate(flow.date, 'flows.date');
    if (!Number.isSafeInteger(flow.amountFen)) {
      const message = `Cash flow ${flow.amountFen} is not a whole number of fen.`;
      throw new LoanError('INVALID_INPUT', message, 'flows');
    }
  });
  if (!flows.some((f) => f.amountFen > 0) || !flows.some((f) => f.amountFen < 0)) {
    throw new LoanError(
      'INVALID_INPUT',
      'Cash flows must include money both paid out and received; no rate solves them otherwise.',
      'flows',
    );
  }

  const sorted = [...flows].sort((a, b) => a.date.localeCompare(b.date));
  return sorted.map((f) => ({ amountFen: f.amountFen, days: daysBetween(sorted[0].date, f.date) }));
}

/**
 * Returns Σ amount × e^exponent divided by e^(largest exponent). The scale keeps every
 * term finite and does not change the sign, which is all the bisection needs.
 */
function scaledPresentValue(terms: [amount: number, exponent: number][]): number {
  const largest = Math.max(...terms.map(([, exponent]) => exponent));
  return terms.reduce((sum, [amount, exponent]) => sum + amount * Math.exp(exponent - largest), 0);
}

/**
 * Finds a root of a continuous function: widens [low, high] (doubling) until the signs
 * at both ends differ, then bisects. Throws LoanError INVALID_INPUT if no sign change is
 * found within ±2^60.
 */
function solveByBisection(f: (x: number) => number, low: number, high: number): number {
  let fLow = f(low);
  let fHigh = f(high);
  for (let step = 0; step < WIDEN_STEPS && Math.sign(fLow) === Math.sign(fHigh); step++) {
    low *= 2;
    high *= 2;
    fLow = f(low);
    fHigh = f(high);
  }
  if (fLow === 0) return low;
  if (fHigh === 0) return high;
  if (Math.sign(fLow) === Math.sign(fHigh) || Number.isNaN(fLow) || Number.isNaN(fHigh)) {
    throw new LoanError('INVALID_INPUT', 'No rate solves these cash flows.', 'flows');
  }

  for (let step = 0; step < BISECTION_STEPS && high - low > 1e-15; step++) {
    const middle = (low + high) / 2;
    const fMiddle = f(middle);
    if (fMiddle === 0) return middle;
    if (Math.sign(fMiddle) === Math.sign(fLow)) {
      low = middle;
      fLow = fMiddle;
    } else {
      high = middle;
    }
  }
  return (low + high) / 2;
}

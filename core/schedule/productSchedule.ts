import Decimal from 'decimal.js';
import { daysBetween } from '../dates';
import { LoanError } from '../errors';
import { interestFen } from '../interest';
import { assertFen, roundDecimalHalfUp } from '../money';
import { dueDates } from './dueDates';
import type { Installment, RepaymentMethod } from './types';

/** Input of a dated draw schedule with a daily rate. */
export interface DrawScheduleInput {
  principalFen: number;
  dailyRatePpm: number;
  /** Business date of disbursement; interest accrues from this night. */
  drawDate: string;
  termMonths: number;
  /** Day of month (1–27) on which installments fall due. */
  repaymentDay: number;
  /** Default 'equalPrincipal'. */
  method?: RepaymentMethod;
}

const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/**
 * Builds the schedule of a draw. Each period's interest is the opening principal × daily
 * rate × actual days since the previous due date (or the draw date), rounded half up once.
 * Equal principal pays floor(principal / terms) each time; equal installments pay the
 * level amount that clears the loan under those actual-day periods. In both, the last
 * installment absorbs any principal remainder, so principal sums exactly to the draw.
 */
export function buildDrawSchedule(input: DrawScheduleInput): Installment[] {
  assertFen(input.principalFen, 'principalFen');
  if (input.principalFen === 0) {
    throw new LoanError('INVALID_INPUT', 'principalFen must be above zero.', 'principalFen');
  }
  const dates = dueDates(input.drawDate, input.repaymentDay, input.termMonths);
  const periodStarts = [input.drawDate, ...dates.slice(0, -1)];
  const periodDays = dates.map((date, k) => daysBetween(periodStarts[k], date));

  const levelPayment =
    input.method === 'equalInstallment'
      ? levelInstallmentFen(input.principalFen, input.dailyRatePpm, periodDays)
      : undefined;
  const equalPrincipalFen = Math.floor(input.principalFen / input.termMonths);

  const rows: Installment[] = [];
  let openingPrincipalFen = input.principalFen;
  for (let k = 0; k < dates.length; k++) {
    const periodInterestFen = interestFen(openingPrincipalFen, input.dailyRatePpm, periodDays[k]);
    const isLast = k === dates.length - 1;
    let principalFen = equalPrincipalFen;
    if (levelPayment !== undefined) principalFen = levelPayment - periodInterestFen;
    if (isLast) principalFen = openingPrincipalFen;
    if (principalFen < 0 || principalFen > openingPrincipalFen) {
      const message =
        `Installment ${k + 1} would repay ${principalFen} fen of principal, outside 0 to ` +
        `${openingPrincipalFen}; no schedule exists for this rate and term.`;
      throw new LoanError('INVALID_INPUT', message, 'dailyRatePpm');
    }

    rows.push({
      number: k + 1,
      dueDate: dates[k],
      openingPrincipalFen,
      principalFen,
      interestFen: periodInterestFen,
      totalFen: principalFen + periodInterestFen,
    });
    openingPrincipalFen -= principalFen;
  }
  return rows;
}

/**
 * Returns the level installment, rounded half up to the fen, for periods of simple daily
 * interest: P × Π(1 + r_k) / Σ_k Π_{j>k}(1 + r_j), where r_k = daily rate × days of period k.
 */
function levelInstallmentFen(
  principalFen: number,
  dailyRatePpm: number,
  periodDays: number[],
): number {
  const dailyRate = new Exact(dailyRatePpm).div(1_000_000);
  const growth = periodDays.map((days) => dailyRate.times(days).plus(1));
  let compounded = new Exact(1);
  let annuityFactor = new Exact(0);
  for (let k = growth.length - 1; k >= 0; k--) {
    annuityFactor = annuityFactor.plus(compounded);
    compounded = compounded.times(growth[k]);
  }
  return roundDecimalHalfUp(compounded.times(principalFen).div(annuityFactor));
}

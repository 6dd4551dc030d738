import Decimal from 'decimal.js';
import { LoanError } from '../errors';
import { assertFen, roundDecimalHalfUp } from '../money';
import type { ScheduleRow } from './types';

/** Input of an undated schedule with a fixed monthly rate. */
export interface MonthlyScheduleInput {
  principalFen: number;
  /** Monthly rate as a decimal fraction, e.g. "0.01" for 1% a month. */
  monthlyRate: Decimal.Value;
  termMonths: number;
}

const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** Returns the monthly rate for an annual nominal rate: annual / 12, kept exact to 40 digits. */
export function monthlyRateFromAnnual(annualRate: Decimal.Value): Decimal {
  return new Exact(annualRate).div(12);
}

/**
 * Builds an equal-installment (等额本息) schedule with a monthly rate. The installment is
 * the annuity P × r / (1 − (1 + r)^−n), rounded half up to the fen. Each month's interest
 * is balance × r, rounded half up, and principal is installment − interest. The last row
 * takes the remaining principal, so its total can differ by a few fen.
 */
export function buildEqualInstallmentMonthly(input: MonthlyScheduleInput): ScheduleRow[] {
  const rate = checkedMonthlyInput(input);
  const n = input.termMonths;
  const annuity = rate.isZero()
    ? new Exact(input.principalFen).div(n)
    : rate.times(input.principalFen).div(new Exact(1).minus(rate.plus(1).pow(-n)));
  const installmentFen = roundDecimalHalfUp(annuity);

  return buildRows(input.principalFen, n, rate, (interest) => installmentFen - interest);
}

/**
 * Builds an equal-principal (等额本金) schedule with a monthly rate: principal
 * floor(P / n) each month with the remainder in the last row, and interest on the balance
 * before that month's principal is repaid, rounded half up.
 */
export function buildEqualPrincipalMonthly(input: MonthlyScheduleInput): ScheduleRow[] {
  const rate = checkedMonthlyInput(input);
  const principalFen = Math.floor(input.principalFen / input.termMonths);
  return buildRows(input.principalFen, input.termMonths, rate, () => principalFen);
}

function buildRows(
  totalPrincipalFen: number,
  termMonths: number,
  rate: Decimal,
  principalFor: (interestFen: number) => number,
): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  let openingPrincipalFen = totalPrincipalFen;
  for (let number = 1; number <= termMonths; number++) {
    const interestFen = roundDecimalHalfUp(rate.times(openingPrincipalFen));
    const principalFen = number === termMonths ? openingPrincipalFen : principalFor(interestFen);
    if (principalFen < 0 || principalFen > openingPrincipalFen) {
      const message =
        `Installment ${number} would repay ${principalFen} fen of principal, outside 0 to ` +
        `${openingPrincipalFen}; no schedule exists for this rate and term.`;
      throw new LoanError('INVALID_INPUT', message, 'monthlyRate');
    }
    rows.push({
      number,
      openingPrincipalFen,
      principalFen,
      interestFen,
      totalFen: principalFen + interestFen,
    });
    openingPrincipalFen -= principalFen;
  }
  return rows;
}

function checkedMonthlyInput(input: MonthlyScheduleInput): Decimal {
  assertFen(input.principalFen, 'principalFen');
  if (!Number.isInteger(input.termMonths) || input.termMonths < 1) {
    const message = `termMonths must be a whole number of at least 1; got ${input.termMonths}.`;
    throw new LoanError('INVALID_INPUT', message, 'termMonths');
  }
  const rate = new Exact(input.monthlyRate);
  if (!rate.isFinite() || rate.isNegative()) {
    const message = `monthlyRate must be a non-negative number; got ${String(input.monthlyRate)}.`;
    throw new LoanError('INVALID_INPUT', message, 'monthlyRate');
  }
  return rate;
}

import { addMonthsClamped, assertDate, dayOfMonth, daysBetween, withDayOfMonth } from '../dates';
import { LoanError } from '../errors';

/** A first draw on a later day of month sets the repayment day to this day. */
export const MAX_REPAYMENT_DAY = 27;

/** A draw's first installment falls at least this many days after the draw date. */
export const MIN_FIRST_PERIOD_DAYS = 15;

/**
 * Returns the borrower's repayment day from the date of the first draw: its day of
 * month, or the 27th for a first draw on the 28th–31st, so every month has that day.
 */
export function repaymentDayForFirstDraw(firstDrawDate: string): number {
  return Math.min(dayOfMonth(firstDrawDate), MAX_REPAYMENT_DAY);
}

/** Throws LoanError INVALID_INPUT unless `repaymentDay` is a whole number from 1 to 27. */
export function assertRepaymentDay(repaymentDay: number): void {
  if (!Number.isInteger(repaymentDay) || repaymentDay < 1 || repaymentDay > MAX_REPAYMENT_DAY) {
    throw new LoanError(
      'INVALID_INPUT',
      `Repayment day must be a whole number from 1 to ${MAX_REPAYMENT_DAY}; got ${repaymentDay}.`,
      'repaymentDay',
    );
  }
}

/**
 * Returns the first due date of a draw: the earliest repayment day at least 15 days after
 * the draw date, so the first period lasts 15 to 45 days.
 */
export function firstDueDate(drawDate: string, repaymentDay: number): string {
  assertDate(drawDate, 'drawDate');
  assertRepaymentDay(repaymentDay);

  let candidate = withDayOfMonth(drawDate, repaymentDay);
  while (daysBetween(drawDate, candidate) < MIN_FIRST_PERIOD_DAYS) {
    candidate = addMonthsClamped(candidate, 1);
  }
  return candidate;
}

/** Returns the due dates of a draw: the first due date, then monthly on the repayment day. */
export function dueDates(drawDate: string, repaymentDay: number, termMonths: number): string[] {
  if (!Number.isInteger(termMonths) || termMonths < 1) {
    throw new LoanError(
      'INVALID_INPUT',
      `termMonths must be a whole number of at least 1; got ${termMonths}.`,
      'termMonths',
    );
  }
  const first = firstDueDate(drawDate, repaymentDay);
  return Array.from({ length: termMonths }, (_, k) => addMonthsClamped(first, k));
}

import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { LoanError } from './errors';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Business dates are `YYYY-MM-DD` strings on the Asia/Shanghai calendar. Calendar
 * arithmetic on them runs in UTC, so the host's time zone never changes a result.
 */

/** Time zone of the business calendar. */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns true when `text` is a `YYYY-MM-DD` string naming a real calendar date. */
export function isValidDate(text: string): boolean {
  if (typeof text !== 'string') return false;
  const match = DATE_PATTERN.exec(text);
  if (match === null) return false;

  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Throws LoanError INVALID_INPUT unless `text` is a real `YYYY-MM-DD` date. */
export function assertDate(text: string, field = 'date'): void {
  if (!isValidDate(text)) {
    throw new LoanError(
      'INVALID_INPUT',
      `${field} must be a real calendar date written YYYY-MM-DD; got "${String(text)}".`,
      field,
    );
  }
}

/** Returns the number of days in `month` (1–12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Returns the Asia/Shanghai business date of an instant (a Date or an ISO 8601 string).
 * NOTE: the dayjs timezone plugin reads Intl time-zone data; the mini-program runtime's
 * Intl support has not been checked here.
 */
export function businessDate(instant: Date | string): string {
  const parsed = dayjs.utc(instant);
  if (!parsed.isValid()) {
    throw new LoanError('INVALID_INPUT', `"${String(instant)}" is not a valid instant.`);
  }
  return parsed.tz(BUSINESS_TIME_ZONE).format('YYYY-MM-DD');
}

/** Returns the UTC instant at which business date `date` begins in Asia/Shanghai. */
export function startOfBusinessDay(date: string): Date {
  assertDate(date);
  // Step back from UTC midnight by the zone's offset on that date (UTC+8 since 1991).
  const utcMidnight = dayjs.utc(date);
  const offsetMinutes = utcMidnight.tz(BUSINESS_TIME_ZONE).utcOffset();
  return utcMidnight.subtract(offsetMinutes, 'minute').toDate();
}

/** Returns `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: string, days: number): string {
  assertDate(date);
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

/** Returns the actual calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  assertDate(from, 'from');
  assertDate(to, 'to');
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Returns `date` moved by `months` months on the same day of month, clamped to the last
 * day of a shorter month (2024-01-31 + 1 month → 2024-02-29).
 */
export function addMonthsClamped(date: string, months: number): string {
  assertDate(date);
  const [year, month, day] = date.split('-').map(Number);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return formatDateParts(targetYear, targetMonth, targetDay);
}

/** Returns the day of month (1–31) of a business date. */
export function dayOfMonth(date: string): number {
  assertDate(date);
  return Number(date.slice(8, 10));
}

/** Returns the date in the same month as `date` on `day`, clamped to the month's length. */
export function withDayOfMonth(date: string, day: number): string {
  assertDate(date);
  const [year, month] = date.split('-').map(Number);
  return formatDateParts(year, month, Math.min(day, daysInMonth(year, month)));
}

function formatDateParts(year: number, month: number, day: number): string {
  const yyyy = String(year).padStart(4, '0');
  return `${yyyy}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

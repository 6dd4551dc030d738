import { addDays, addMonthsClamped, daysBetween, withDayOfMonth } from '../core/dates';
import type { TermMonths } from '../core/api';
import { buildDrawSchedule, MAX_REPAYMENT_DAY, type Installment } from '../core/schedule';
import { createSeededRandom } from '../scripts/lib/seeded-random';

/** One active loan of the benchmark portfolio, before it becomes a draw document. */
export interface FixtureLoan {
  index: number;
  principalFen: number;
  dailyRatePpm: number;
  termMonths: TermMonths;
  repaymentDay: number;
  drawDate: string;
  installments: Installment[];
}

const TERMS: readonly TermMonths[] = [5, 10, 20];
const RATES_PPM = [200, 300, 400, 500];

/** Returns the first date on or after `date` whose day of month is `repaymentDay`. */
function nextRepaymentDate(date: string, repaymentDay: number): string {
  const sameMonth = withDayOfMonth(date, repaymentDay);
  return sameMonth >= date ? sameMonth : addMonthsClamped(sameMonth, 1);
}

/**
 * Makes loan `index` of the portfolio, all in their first period on `benchmarkDate`. The
 * repayment day is uniform over 1–27, so the loans whose day is the benchmark date's day
 * (about 1 in 27) fall due on it. The draw date lies 15 to 42 days before the first due
 * date and before the benchmark date, which keeps that due date the schedule's first.
 */
export function makeFixtureLoan(index: number, benchmarkDate: string, seed: number): FixtureLoan {
  const random = createSeededRandom(seed ^ Math.imul(index + 1, 0x9e3779b1));
  const repaymentDay = random.int(1, MAX_REPAYMENT_DAY);
  const firstDue = nextRepaymentDate(benchmarkDate, repaymentDay);
  const minDaysBefore = Math.max(15, daysBetween(benchmarkDate, firstDue) + 1);
  const drawDate = addDays(firstDue, -random.int(minDaysBefore, 42));
  const termMonths = random.pick(TERMS);
  const dailyRatePpm = random.pick(RATES_PPM);
  const principalFen = random.int(5, 400) * 10_000;
  const installments = buildDrawSchedule({ principalFen, dailyRatePpm, drawDate, termMonths, repaymentDay });
  if (installments[0].dueDate !== firstDue) {
    throw new Error(`loan ${index}: first due ${installments[0].dueDate}, expected ${firstDue}`);
  }
  return { index, principalFen, dailyRatePpm, termMonths, repaymentDay, drawDate, installments };
}

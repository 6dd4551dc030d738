import { loanApr, type AprResult } from './apr';
import { assertDate } from './dates';
import {
  assertAprBps,
  assertDailyRatePpm,
  assertDrawFen,
  assertTermMonths,
  DRAW_MAX_FEN,
} from './limits';
import { assertRepaymentDay, buildDrawSchedule, repaymentDayForFirstDraw } from './schedule';
import type { Installment, RepaymentMethod } from './schedule';

/** A borrower's draw request. */
export interface DrawRequest {
  principalFen: number;
  termMonths: number;
  dailyRatePpm: number;
  /** Business date of the draw. */
  drawDate: string;
  /** The borrower's repayment day; omit on the first draw to derive it from drawDate. */
  repaymentDay?: number;
  /** Default 'equalPrincipal'. */
  method?: RepaymentMethod;
  /** Unused credit line; omit to check only the product's draw limits. */
  availableLineFen?: number;
}

/** The schedule and cost shown to the borrower before a draw is confirmed. */
export interface DrawQuote {
  repaymentDay: number;
  method: RepaymentMethod;
  installments: Installment[];
  totalInterestFen: number;
  totalRepaymentFen: number;
  apr: AprResult;
}

/**
 * Quotes a draw: checks the limits, builds the schedule and computes the APR of its
 * dated cash flows. Throws LoanError INVALID_INPUT or LIMIT_EXCEEDED (APR above 24%
 * included), naming the field.
 */
export function quoteDraw(request: DrawRequest): DrawQuote {
  assertDate(request.drawDate, 'drawDate');
  assertDrawFen(request.principalFen, request.availableLineFen ?? DRAW_MAX_FEN);
  assertTermMonths(request.termMonths);
  assertDailyRatePpm(request.dailyRatePpm);
  const repaymentDay = request.repaymentDay ?? repaymentDayForFirstDraw(request.drawDate);
  assertRepaymentDay(repaymentDay);
  const method = request.method ?? 'equalPrincipal';

  const installments = buildDrawSchedule({ ...request, repaymentDay, method });
  const apr = loanApr([
    { date: request.drawDate, amountFen: -request.principalFen },
    ...installments.map((row) => ({ date: row.dueDate, amountFen: row.totalFen })),
  ]);
  assertAprBps(apr.bps);

  const totalInterestFen = installments.reduce((sum, row) => sum + row.interestFen, 0);
  return {
    repaymentDay,
    method,
    installments,
    totalInterestFen,
    totalRepaymentFen: request.principalFen + totalInterestFen,
    apr,
  };
}

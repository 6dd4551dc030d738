import { addDays } from '../../core/dates';
import type { LoanState } from '../../core/repayment';
import type { DrawDocument } from './draw-document';

/**
 * The next business date the daily job must visit a draw: tomorrow while anything is due
 * (to mark it overdue and retry the auto-debit), otherwise the next due date not yet
 * billed; null once the draw is closed. Draws with nothing happening are never visited.
 */
export function nextEventDate(draw: DrawDocument, state: LoanState, today: string): string | null {
  if (draw.status !== 'active' || state.isClosed) return null;
  if (state.amountDueFen > 0) return addDays(today, 1);
  const next = draw.installments.find((row, index) => index >= draw.billedCount && row.dueDate > today);
  return next?.dueDate ?? addDays(today, 1);
}

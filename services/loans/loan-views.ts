import type { LoanDetail, LoanSummary } from '../../core/api';
import { businessDate } from '../../core/dates';
import type { Caller } from '../platform/caller';
import type { Services } from '../container';
import { settleDisbursement } from './disbursement';
import { DRAWS, loanStateOn, outstandingPrincipalOf, toDrawView, type DrawDocument } from './draw-document';
import { ownDraw, settleRepayment } from './repayment';

/** Draws shown in the list, newest first. */
const LIST_LIMIT = 100;

/** Settles whatever the rail has finished for this draw, so a read shows the latest state. */
async function refresh(services: Services, draw: DrawDocument, requestId: string): Promise<DrawDocument> {
  if (draw.status === 'disbursing') return settleDisbursement(services, draw._id, requestId);
  if (draw.pendingRepaymentId) {
    await settleRepayment(services, draw.pendingRepaymentId, requestId);
    return (await services.store.get<DrawDocument>(DRAWS, draw._id)) ?? draw;
  }
  return draw;
}

/** Lists the caller's draws with what is due next. */
export async function listLoans(services: Services, caller: Caller, requestId: string): Promise<LoanSummary[]> {
  const page = await services.store.page<DrawDocument>(DRAWS, {
    where: { openId: caller.openId },
    orderBy: 'createdAt',
    direction: 'desc',
    limit: LIST_LIMIT,
  });
  const today = businessDate(services.clock.now());
  const summaries: LoanSummary[] = [];
  for (const stored of page.documents) {
    const draw = await refresh(services, stored, requestId);
    const active = draw.status === 'active';
    const state = active ? loanStateOn(draw, today) : undefined;
    const next = state?.installments.find((item) => item.status !== 'paid');
    summaries.push({
      drawId: draw._id,
      status: draw.status,
      principalFen: draw.principalFen,
      outstandingPrincipalFen: outstandingPrincipalOf(draw, state),
      drawDate: draw.drawDate,
      ...(next ? { nextDueDate: next.dueDate } : {}),
      ...(state && next ? { nextDueFen: state.amountDueFen > 0 ? state.amountDueFen : draw.installments[next.number - 1].totalFen } : {}),
      overdue: state?.installments.some((item) => item.status === 'overdue') ?? false,
      collecting: Boolean(draw.pendingRepaymentId),
    });
  }
  return summaries;
}

/** One draw with its schedule, what is due today and today's payoff amount. */
export async function loanDetail(services: Services, caller: Caller, drawId: string, requestId: string): Promise<LoanDetail> {
  const draw = await refresh(services, await ownDraw(services, caller, drawId), requestId);
  const today = businessDate(services.clock.now());
  const state = draw.status === 'active' ? loanStateOn(draw, today) : undefined;
  return {
    ...toDrawView(draw, today),
    payoffTodayFen: state?.payoffFen ?? 0,
    dueTodayFen: state?.amountDueFen ?? 0,
    businessDate: today,
  };
}

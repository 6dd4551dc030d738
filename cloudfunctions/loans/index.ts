import { z } from 'zod';
import type { LoanDetail, LoanSummary } from '../../core/api';
import { defineFunction } from '../../services/platform/handler';
import { documentId } from '../../services/platform/schemas';
import { listLoans, loanDetail } from '../../services/loans/loan-views';

const input = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('list') }),
    z.strictObject({ action: z.literal('detail'), drawId: documentId('drawId') }),
  ],
  { error: 'action must be "list" or "detail"' },
);

/** Loans: the borrower's draws, and one draw with its schedule and payoff amount. */
export const main = defineFunction({
  name: 'loans',
  caller: 'required',
  input,
  run: (request, { caller, services, requestId }): Promise<LoanSummary[] | LoanDetail> =>
    request.action === 'list'
      ? listLoans(services, caller!, requestId)
      : loanDetail(services, caller!, request.drawId, requestId),
});

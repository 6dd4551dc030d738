import { z } from 'zod';
import { defineFunction } from '../../services/platform/handler';
import { documentId, fenAmount, idempotencyKey } from '../../services/platform/schemas';
import { loanDetail } from '../../services/loans/loan-views';
import { payRepayment, quoteRepayment } from '../../services/loans/repayment';

const kind = z.enum(['due', 'payoff'], { error: 'kind must be "due" (what is due now) or "payoff" (the whole draw)' });

const input = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('quote'), drawId: documentId('drawId'), kind }),
    z.strictObject({
      action: z.literal('pay'),
      drawId: documentId('drawId'),
      kind,
      amountFen: fenAmount('amountFen'),
      idempotencyKey,
    }),
  ],
  { error: 'action must be "quote" or "pay"' },
);

/** Repayment: today's amount, then a collection from the bound card. */
export const main = defineFunction({
  name: 'repay',
  caller: 'required',
  input,
  async run(request, { caller, services, requestId }) {
    if (request.action === 'quote') return quoteRepayment(services, caller!, request.drawId, request.kind);
    const repayment = await payRepayment(services, caller!, request, requestId);
    return { ...repayment, loan: await loanDetail(services, caller!, request.drawId, requestId) };
  },
});

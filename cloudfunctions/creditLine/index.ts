import { z } from 'zod';
import { defineFunction } from '../../services/platform/handler';
import { evaluateCreditLine, showCreditLine } from '../../services/credit/credit-line';

const input = z.strictObject({
  action: z.enum(['evaluate', 'show'], { error: 'action must be "evaluate" or "show"' }),
});

/** Credit line: the first call scores the borrower; later calls show the line. */
export const main = defineFunction({
  name: 'creditLine',
  caller: 'required',
  input,
  run: (request, { caller, services }) =>
    request.action === 'evaluate' ? evaluateCreditLine(services, caller!) : showCreditLine(services, caller!),
});

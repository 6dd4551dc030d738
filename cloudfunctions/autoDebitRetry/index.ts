import { z } from 'zod';
import { businessDate, isValidDate } from '../../core/dates';
import { LoanError } from '../../core/errors';
import { defineFunction } from '../../services/platform/handler';
import { runAutoDebitRetry } from '../../services/jobs/auto-debit-retry';

const input = z.looseObject({
  businessDate: z
    .string()
    .refine(isValidDate, { error: 'businessDate must be a real date written YYYY-MM-DD' })
    .optional(),
});

/** The afternoon retry of the day's failed auto-debits. */
export const main = defineFunction({
  name: 'autoDebitRetry',
  caller: 'none',
  input,
  run(request, { caller, services, requestId }) {
    if (caller) throw new LoanError('FORBIDDEN', 'autoDebitRetry runs from its timer trigger only, never for a signed-in user.');
    const today = businessDate(services.clock.now());
    if (request.businessDate && request.businessDate > today) {
      throw new LoanError('INVALID_INPUT', `businessDate ${request.businessDate} is in the future; the latest allowed is ${today}.`, 'businessDate');
    }
    return runAutoDebitRetry(services, request.businessDate, requestId);
  },
});

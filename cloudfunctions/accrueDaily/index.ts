import { z } from 'zod';
import { businessDate, isValidDate } from '../../core/dates';
import { LoanError } from '../../core/errors';
import { defineFunction } from '../../services/platform/handler';
import { runDailyJob } from '../../services/jobs/daily-job';

// A timer trigger sends an event with the trigger's name and time; an operator may name
// the business date to run (or re-run) explicitly.
const input = z.looseObject({
  businessDate: z
    .string()
    .refine(isValidDate, { error: 'businessDate must be a real date written YYYY-MM-DD' })
    .optional(),
});

/** The daily job: accruals, billing, overdue marking and auto-debits for one business date. */
export const main = defineFunction({
  name: 'accrueDaily',
  caller: 'none',
  input,
  run(request, { caller, services, requestId }) {
    if (caller) throw new LoanError('FORBIDDEN', 'accrueDaily runs from its timer trigger only, never for a signed-in user.');
    const today = businessDate(services.clock.now());
    if (request.businessDate && request.businessDate > today) {
      throw new LoanError('INVALID_INPUT', `businessDate ${request.businessDate} is in the future; the latest allowed is ${today}.`, 'businessDate');
    }
    return runDailyJob(services, request.businessDate, requestId);
  },
});

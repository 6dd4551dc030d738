import { z } from 'zod';
import { businessDate, isValidDate } from '../../core/dates';
import { LoanError } from '../../core/errors';
import type { Caller } from '../platform/caller';
import type { Services } from '../container';

/**
 * Event of a timer-run job. A timer trigger sends the trigger's name and time; an operator
 * may name the business date to run (or run again) explicitly.
 */
export const timerJobInput = z.looseObject({
  businessDate: z
    .string()
    .refine(isValidDate, { error: 'businessDate must be a real date written YYYY-MM-DD' })
    .optional(),
});

/**
 * Rejects a job call from a signed-in user and a business date in the future. Returns the
 * requested date, or undefined for today.
 */
export function checkTimerCall(
  name: string,
  caller: Caller | null,
  services: Services,
  requestedDate: string | undefined,
): string | undefined {
  if (caller) throw new LoanError('FORBIDDEN', `${name} runs from its timer trigger only, never for a signed-in user.`);
  const today = businessDate(services.clock.now());
  if (requestedDate && requestedDate > today) {
    throw new LoanError('INVALID_INPUT', `businessDate ${requestedDate} is in the future; the latest allowed is ${today}.`, 'businessDate');
  }
  return requestedDate;
}

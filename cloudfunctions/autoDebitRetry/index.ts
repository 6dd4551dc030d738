import { defineFunction } from '../../services/platform/handler';
import { runAutoDebitRetry } from '../../services/jobs/auto-debit-retry';
import { checkTimerCall, timerJobInput } from '../../services/jobs/timer-call';

/** The afternoon retry of the day's failed auto-debits. */
export const main = defineFunction({
  name: 'autoDebitRetry',
  caller: 'none',
  input: timerJobInput,
  run(request, { caller, services, requestId }) {
    const date = checkTimerCall('autoDebitRetry', caller, services, request.businessDate);
    return runAutoDebitRetry(services, date, requestId);
  },
});

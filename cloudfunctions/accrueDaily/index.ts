import { defineFunction } from '../../services/platform/handler';
import { runDailyJob } from '../../services/jobs/daily-job';
import { checkTimerCall, timerJobInput } from '../../services/jobs/timer-call';

/** The daily job: accruals, billing, overdue marking and auto-debits for one business date. */
export const main = defineFunction({
  name: 'accrueDaily',
  caller: 'none',
  input: timerJobInput,
  run(request, { caller, services, requestId }) {
    const date = checkTimerCall('accrueDaily', caller, services, request.businessDate);
    return runDailyJob(services, date, requestId);
  },
});

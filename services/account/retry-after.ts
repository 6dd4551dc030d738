import { LoanError } from '../../core/errors';

const DAY_SECONDS = 86_400;
/** Asia/Shanghai has been UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET_SECONDS = 8 * 3600;

/** Returns the whole seconds from `now` until the next business day starts (00:00 Shanghai). */
export function secondsUntilNextBusinessDay(now: Date): number {
  const shanghaiSeconds = Math.floor(now.getTime() / 1000) + SHANGHAI_OFFSET_SECONDS;
  return DAY_SECONDS - (((shanghaiSeconds % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS);
}

/** Formats a wait for borrowers: `45 秒`, `3 分钟`, `2 小时 5 分钟` (minutes rounded up). */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} 秒`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分钟`;
}

/**
 * Builds a RATE_LIMITED or ATTEMPTS_EXHAUSTED error whose message ends with how long to
 * wait and whose details carry the `reason` alone, `retryAfterSeconds` and the instant `retryAt`.
 */
export function limitError(
  code: 'RATE_LIMITED' | 'ATTEMPTS_EXHAUSTED',
  reason: string,
  now: Date,
  retryAfterSeconds: number,
  field?: string,
  extraDetails: Record<string, unknown> = {},
): LoanError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const retryAt = new Date(now.getTime() + seconds * 1000).toISOString();
  return new LoanError(code, `${reason}请 ${formatWait(seconds)}后再试。`, field, {
    ...extraDetails,
    reason,
    retryAfterSeconds: seconds,
    retryAt,
  });
}

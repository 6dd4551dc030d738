import type { ErrorCode } from '@core/errors';

/** Codes of failures that never reached a cloud function, next to the server's own codes. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

/** Message shown when a call fails without a message meant for people. */
export const FALLBACK_MESSAGE = '服务暂时不可用，请稍后重试。';

/**
 * A failed cloud call. `message` is plain text for the borrower: the server's own message,
 * or a fixed Chinese sentence when the call never reached a function.
 */
export class CloudError extends Error {
  constructor(
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly field?: string,
    readonly requestId?: string,
    /** Machine-readable facts of the failure, such as `retryAfterSeconds` of a rate limit. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message.trim() === '' ? FALLBACK_MESSAGE : message);
    this.name = 'CloudError';
  }
}

/** Returns the text to show for any thrown value: never a stack trace or "undefined". */
export function messageOf(error: unknown): string {
  if (error instanceof CloudError) return error.message;
  if (error instanceof Error && error.name === 'LoanError' && error.message) return error.message;
  return FALLBACK_MESSAGE;
}

/** Returns the wait in whole seconds that a rate-limit or lock error names, or undefined. */
export function retryAfterSecondsOf(error: unknown): number | undefined {
  if (!(error instanceof CloudError)) return undefined;
  const seconds = error.details?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isInteger(seconds) && seconds > 0 ? seconds : undefined;
}

/** Returns the reason a rate-limit or lock error gives without its wait, or undefined. */
export function limitReasonOf(error: unknown): string | undefined {
  if (!(error instanceof CloudError)) return undefined;
  const reason = error.details?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

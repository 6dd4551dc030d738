/**
 * Recognises CloudBase database errors. The SDK throws an error object with a string
 * `code` (or returns it as a result when `setThrowOnCode(false)` is in force).
 */
import type { CloudBaseResult } from './cloudbase-database';

/** The code of a write that lost to another transaction; the whole transaction may rerun. */
export const TRANSACTION_CONFLICT_CODE = 'DATABASE_TRANSACTION_CONFLICT';

/** An error result from the CloudBase database, with the code the server sent. */
export class CloudBaseDatabaseError extends Error {
  constructor(readonly code: string, message: string, readonly requestId?: string) {
    super(`CloudBase database request failed with ${code}: ${message}`);
    this.name = 'CloudBaseDatabaseError';
  }
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** True for a transaction conflict, after which the store runs the work again. */
export function isTransactionConflict(error: unknown): boolean {
  return codeOf(error) === TRANSACTION_CONFLICT_CODE;
}

/**
 * True for an insert whose `_id` is taken. NOTE: CloudBase documents no code of its own for
 * this. The server is expected to pass MongoDB's duplicate-key error (E11000) through in
 * the message, so both the code and the message are checked.
 */
export function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const message = (error as { message?: unknown }).message;
  const text = `${codeOf(error) ?? ''} ${typeof message === 'string' ? message : ''}`;
  return /E11000|duplicate/i.test(text);
}

/** Throws a {@link CloudBaseDatabaseError} when `result` is an error result; else returns it. */
export function checkResult<T extends CloudBaseResult>(result: T): T {
  if (result !== null && typeof result === 'object' && typeof result.code === 'string' && result.code) {
    throw new CloudBaseDatabaseError(result.code, result.message ?? 'no message', result.requestId);
  }
  return result;
}

/**
 * Stable error codes that every entry point returns. Clients branch on `code`; the
 * message is for people and names the field and the fix.
 */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_INVITED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'VERIFICATION_FAILED'
  | 'FACE_NOT_MATCHED'
  | 'FACE_NOT_FOUND'
  | 'FACE_MULTIPLE'
  | 'ATTEMPTS_EXHAUSTED'
  | 'CREDIT_DECLINED'
  | 'LIMIT_EXCEEDED'
  | 'FUNDS_UNAVAILABLE'
  | 'PAYOUT_FAILED'
  | 'COLLECTION_FAILED'
  | 'PRECONDITION_FAILED'
  | 'INTERNAL';

/** An expected failure with a stable code, a plain message and, where known, the field. */
export class LoanError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'LoanError';
  }
}

import { businessDate } from '../../core/dates';
import { LoanError } from '../../core/errors';
import type { Services } from '../container';
import { FACE_ATTEMPTS_PER_DAY } from '../account/account-status';
import { limitError, secondsUntilNextBusinessDay } from '../account/retry-after';
import { USERS, type UserDocument } from '../account/user-document';

/** Returns the face attempts a user has used on a business date. */
export function faceAttemptsUsed(user: UserDocument, date: string): number {
  return user.faceAttemptDate === date ? user.faceAttempts : 0;
}

/** Returns the error for a user with no face attempts left today, with the wait until tomorrow. */
export function faceAttemptsExhausted(now: Date): LoanError {
  return limitError(
    'ATTEMPTS_EXHAUSTED',
    `今天的人脸识别次数已用完（每天${FACE_ATTEMPTS_PER_DAY}次），`,
    now,
    secondsUntilNextBusinessDay(now),
    undefined,
    { attemptsLeftToday: 0 },
  );
}

/** Throws ATTEMPTS_EXHAUSTED, with the wait, when the user has no face attempt left today. */
export function assertFaceAttemptLeft(services: Services, user: UserDocument): number {
  const now = services.clock.now();
  const left = FACE_ATTEMPTS_PER_DAY - faceAttemptsUsed(user, businessDate(now));
  if (left <= 0) throw faceAttemptsExhausted(now);
  return left;
}

/**
 * Counts one face attempt before the comparison runs, so a failing check cannot be retried
 * without limit. Returns the attempts left today after this one.
 */
export async function consumeFaceAttempt(services: Services, openId: string): Promise<number> {
  const now = services.clock.now();
  const date = businessDate(now);
  const used = await services.store.runTransaction(async (tx) => {
    const current = await tx.get<UserDocument>(USERS, openId);
    if (!current) throw new LoanError('PRECONDITION_FAILED', '请先完成开户。');
    const usedBefore = faceAttemptsUsed(current, date);
    if (usedBefore >= FACE_ATTEMPTS_PER_DAY) throw faceAttemptsExhausted(now);
    await tx.update(USERS, openId, { faceAttemptDate: date, faceAttempts: usedBefore + 1 });
    return usedBefore + 1;
  });
  return FACE_ATTEMPTS_PER_DAY - used;
}

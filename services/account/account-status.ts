import type { AccountStatus } from '../../core/api';
import { businessDate } from '../../core/dates';
import { LoanError } from '../../core/errors';
import { maskCardNumber, maskIdNumber, maskName, maskPhone } from '../../core/validation/mask';
import type { Caller } from '../platform/caller';
import type { Services } from '../container';
import { readPii } from '../privacy/user-pii';
import { isInvited } from './pilot';
import { USERS, type UserDocument } from './user-document';

/** Face attempts allowed per business day. */
export const FACE_ATTEMPTS_PER_DAY = 5;

/** Returns the borrower's stage, masked personal data and consents. */
export async function accountStatus(services: Services, caller: Caller): Promise<AccountStatus> {
  const user = await services.store.get<UserDocument>(USERS, caller.openId);
  const invited = await isInvited(services.store, caller.openId, services.config.pilotRolloutPercent);
  const today = businessDate(services.clock.now());
  const attemptsToday = user?.faceAttemptDate === today ? user.faceAttempts : 0;
  const pii = readPii(services, user);
  return {
    stage: user?.stage ?? 'new',
    invited,
    maskedName: pii ? maskName(pii.name) : undefined,
    maskedIdNumber: pii ? maskIdNumber(pii.idNumber) : undefined,
    maskedPhone: pii ? maskPhone(pii.phone) : undefined,
    maskedBankCard: pii ? maskCardNumber(pii.bankCard) : undefined,
    consents: user?.consents ?? [],
    faceAttemptsLeftToday: Math.max(0, FACE_ATTEMPTS_PER_DAY - attemptsToday),
  };
}

/** Reads the caller's user document, or throws PRECONDITION_FAILED naming the missing step. */
export async function requireUser(services: Services, caller: Caller): Promise<UserDocument> {
  const user = await services.store.get<UserDocument>(USERS, caller.openId);
  if (!user || user.stage === 'new') {
    throw new LoanError('PRECONDITION_FAILED', '请先完成开户（实名、银行卡和手机号验证）。');
  }
  return user;
}

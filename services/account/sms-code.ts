import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { StoredDocument } from '../../adapters/storage/port';
import type { SendCodeResult } from '../../core/api';
import { businessDate } from '../../core/dates';
import { LoanError } from '../../core/errors';
import { maskPhone } from '../../core/validation/mask';
import type { Services } from '../container';
import { piiLookupHash } from '../privacy/user-pii';
import { limitError, secondsUntilNextBusinessDay } from './retry-after';

export const SMS_CODES = 'sms_codes';
/** Sends per OPENID and business date, so one account cannot text many phones. */
export const SMS_SENDERS = 'sms_senders';
/** Sends per phone and business date from every account together, against SMS bombing. */
export const SMS_PHONES = 'sms_phones';

/** Rules for phone confirmation codes. */
export const SMS_CODE_RULES = {
  digits: 6,
  validSeconds: 5 * 60,
  maxWrongTries: 5,
  resendAfterSeconds: 60,
  /** Wait after the wrong tries run out before a new code may be sent to that phone. */
  lockoutSeconds: 15 * 60,
  maxSendsPerDay: 10,
  maxSendsPerUserPerDay: 15,
  maxSendsPerPhonePerDay: 30,
} as const;

/**
 * The latest code one account asked for one phone, keyed by the phone's lookup hash and the
 * OPENID: the phone number is not stored in the clear, and another account asking for the
 * same phone cannot replace the owner's code. The code itself is kept as an HMAC.
 */
interface SmsCodeDocument extends StoredDocument {
  openId: string;
  codeHash: string;
  expiresAt: string;
  wrongTries: number;
  lastSentAt: string;
  /** Set when the wrong tries ran out: no new code to this phone before this instant. */
  lockedUntil?: string;
  sendDate: string;
  sendsOnDate: number;
}

interface SmsSenderDocument extends StoredDocument {
  sendDate: string;
  sendsOnDate: number;
}

function hashCode(secret: string, phoneKey: string, code: string): string {
  return createHmac('sha256', secret).update(`${phoneKey}:${code}`).digest('hex');
}

/** Returns the id of the code document of one account and one phone. */
export function smsCodeId(services: Services, phone: string, openId: string): string {
  return `${piiLookupHash(services, 'phone', phone)}:${openId}`;
}

/** Throws RATE_LIMITED with the wait, when this account may not send the phone another code yet. */
function assertPhoneMaySend(previous: SmsCodeDocument | undefined, now: Date, today: string) {
  if (!previous) return;
  const lockedMs = previous.lockedUntil ? Date.parse(previous.lockedUntil) - now.getTime() : 0;
  if (lockedMs > 0) {
    throw limitError('RATE_LIMITED', '验证码输错次数过多，该手机号暂时锁定。', now, lockedMs / 1000, 'phone');
  }
  const sinceLastMs = now.getTime() - Date.parse(previous.lastSentAt);
  const waitSeconds = SMS_CODE_RULES.resendAfterSeconds - sinceLastMs / 1000;
  if (waitSeconds > 0) {
    throw limitError('RATE_LIMITED', '验证码发送过于频繁，', now, waitSeconds, 'phone');
  }
  const sends = previous.sendDate === today ? previous.sendsOnDate : 0;
  if (sends >= SMS_CODE_RULES.maxSendsPerDay) {
    const reason = `该手机号今天获取验证码的次数已达上限（${SMS_CODE_RULES.maxSendsPerDay}次），`;
    throw limitError('RATE_LIMITED', reason, now, secondsUntilNextBusinessDay(now), 'phone');
  }
}

/**
 * Sends a 6-digit confirmation code to the phone: at most one send per 60 s and 10 per
 * business day per phone, 15 per business day per account, and none for 15 minutes after
 * the wrong tries of a code run out. The code is stored hashed before it is sent and never
 * returned. Every refusal carries `retryAfterSeconds`.
 */
export async function sendCode(services: Services, openId: string, phone: string): Promise<SendCodeResult> {
  const now = services.clock.now();
  const today = businessDate(now);
  const code = String(randomInt(0, 10 ** SMS_CODE_RULES.digits)).padStart(SMS_CODE_RULES.digits, '0');
  const codeId = smsCodeId(services, phone, openId);
  const phoneId = piiLookupHash(services, 'phone', phone);

  await services.store.runTransaction(async (tx) => {
    const previous = (await tx.get<SmsCodeDocument>(SMS_CODES, codeId)) ?? undefined;
    assertPhoneMaySend(previous, now, today);
    const phoneCount = await tx.get<SmsSenderDocument>(SMS_PHONES, phoneId);
    const phoneTotal = phoneCount?.sendDate === today ? phoneCount.sendsOnDate : 0;
    if (phoneTotal >= SMS_CODE_RULES.maxSendsPerPhonePerDay) {
      const reason = '该手机号今天收到的验证码过多，';
      throw limitError('RATE_LIMITED', reason, now, secondsUntilNextBusinessDay(now), 'phone');
    }
    await tx.set(SMS_PHONES, { _id: phoneId, sendDate: today, sendsOnDate: phoneTotal + 1 });
    const sender = await tx.get<SmsSenderDocument>(SMS_SENDERS, openId);
    const userSends = sender?.sendDate === today ? sender.sendsOnDate : 0;
    if (userSends >= SMS_CODE_RULES.maxSendsPerUserPerDay) {
      const reason = `您今天获取验证码的次数已达上限（${SMS_CODE_RULES.maxSendsPerUserPerDay}次），`;
      throw limitError('RATE_LIMITED', reason, now, secondsUntilNextBusinessDay(now), 'phone');
    }
    const phoneSends = previous?.sendDate === today ? previous.sendsOnDate : 0;
    await tx.set(SMS_SENDERS, { _id: openId, sendDate: today, sendsOnDate: userSends + 1 });
    await tx.set(SMS_CODES, {
      _id: codeId,
      openId,
      codeHash: hashCode(services.secret, codeId, code),
      expiresAt: new Date(now.getTime() + SMS_CODE_RULES.validSeconds * 1000).toISOString(),
      wrongTries: 0,
      lastSentAt: now.toISOString(),
      sendDate: today,
      sendsOnDate: phoneSends + 1,
    } satisfies SmsCodeDocument);
  });

  try {
    await services.sms.send({ phone, templateId: 'verification_code', params: [code, '5'] });
  } catch (error) {
    // The stored code was never delivered: drop it so the borrower can ask again at once.
    services.logger.error({ err: error, phone: maskPhone(phone) }, 'sending the confirmation code failed');
    await services.store.remove(SMS_CODES, codeId);
    throw new LoanError('INTERNAL', '短信发送失败，请稍后重新获取验证码。', 'phone');
  }
  return {
    maskedPhone: maskPhone(phone),
    expiresInSeconds: SMS_CODE_RULES.validSeconds,
    resendAfterSeconds: SMS_CODE_RULES.resendAfterSeconds,
  };
}

type CheckOutcome =
  | { kind: 'ok' | 'missing' | 'expired' }
  | { kind: 'locked'; retryAfterSeconds: number }
  | { kind: 'wrong'; triesLeft: number; retryAfterSeconds: number };

/**
 * Checks a code without using it up. A wrong code counts against the code's 5 tries, and
 * that count is saved even though the check fails. The fifth wrong try locks the phone
 * for 15 minutes, and the error gives the time left.
 */
export async function checkCode(services: Services, openId: string, phone: string, code: string): Promise<void> {
  const now = services.clock.now();
  const codeId = smsCodeId(services, phone, openId);
  const outcome = await services.store.runTransaction(async (tx): Promise<CheckOutcome> => {
    const stored = await tx.get<SmsCodeDocument>(SMS_CODES, codeId);
    if (!stored || stored.openId !== openId) return { kind: 'missing' };
    if (stored.wrongTries >= SMS_CODE_RULES.maxWrongTries) {
      const lockedMs = stored.lockedUntil ? Date.parse(stored.lockedUntil) - now.getTime() : 0;
      // Once the lockout is over, this code stays dead and the borrower needs a new one.
      if (lockedMs <= 0) return { kind: 'expired' };
      return { kind: 'locked', retryAfterSeconds: lockedMs / 1000 };
    }
    if (Date.parse(stored.expiresAt) <= now.getTime()) return { kind: 'expired' };
    const expected = Buffer.from(stored.codeHash, 'hex');
    const actual = Buffer.from(hashCode(services.secret, codeId, code), 'hex');
    if (timingSafeEqual(expected, actual)) return { kind: 'ok' };

    const triesLeft = SMS_CODE_RULES.maxWrongTries - stored.wrongTries - 1;
    const lockedUntil = new Date(now.getTime() + SMS_CODE_RULES.lockoutSeconds * 1000);
    await tx.update(SMS_CODES, codeId, {
      wrongTries: { $inc: 1 },
      ...(triesLeft === 0 ? { lockedUntil: lockedUntil.toISOString() } : {}),
    });
    return { kind: 'wrong', triesLeft, retryAfterSeconds: SMS_CODE_RULES.lockoutSeconds };
  });
  throwUnlessOk(outcome, now);
}

function throwUnlessOk(outcome: CheckOutcome, now: Date): void {
  const lockedReason = '验证码输错次数过多，';
  switch (outcome.kind) {
    case 'ok':
      return;
    case 'missing':
      throw new LoanError('VERIFICATION_FAILED', '请先获取发送到该手机号的验证码。', 'code');
    case 'expired':
      throw new LoanError('VERIFICATION_FAILED', '验证码已过期（有效期5分钟），请重新获取。', 'code');
    case 'locked':
      throw limitError('ATTEMPTS_EXHAUSTED', lockedReason, now, outcome.retryAfterSeconds, 'code', {
        triesLeft: 0,
      });
    case 'wrong':
      if (outcome.triesLeft === 0) {
        throw limitError('ATTEMPTS_EXHAUSTED', lockedReason, now, outcome.retryAfterSeconds, 'code', {
          triesLeft: 0,
        });
      }
      throw new LoanError(
        'VERIFICATION_FAILED',
        `验证码不正确，还可以再试 ${outcome.triesLeft} 次。`,
        'code',
        { triesLeft: outcome.triesLeft },
      );
  }
}

/**
 * Counts a failed identity check against the code's tries, as a wrong code would count,
 * so one code cannot be used to probe which name or ID number matches.
 */
export async function spendCodeTry(services: Services, openId: string, phone: string): Promise<number> {
  const now = services.clock.now();
  const codeId = smsCodeId(services, phone, openId);
  return services.store.runTransaction(async (tx) => {
    const stored = await tx.get<SmsCodeDocument>(SMS_CODES, codeId);
    if (!stored) return 0;
    const triesLeft = Math.max(0, SMS_CODE_RULES.maxWrongTries - stored.wrongTries - 1);
    const lockedUntil = new Date(now.getTime() + SMS_CODE_RULES.lockoutSeconds * 1000);
    await tx.update(SMS_CODES, codeId, {
      wrongTries: { $inc: 1 },
      ...(triesLeft === 0 ? { lockedUntil: lockedUntil.toISOString() } : {}),
    });
    return triesLeft;
  });
}

import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { StoredDocument } from '../../adapters/storage/port';
import type { SendCodeResult } from '../../core/api';
import { businessDate } from '../../core/dates';
import { LoanError } from '../../core/errors';
import { maskPhone } from '../../core/validation/mask';
import type { Services } from '../container';

export const SMS_CODES = 'sms_codes';

/** Rules for phone confirmation codes. */
export const SMS_CODE_RULES = {
  digits: 6,
  validSeconds: 5 * 60,
  maxWrongTries: 5,
  resendAfterSeconds: 60,
  maxSendsPerDay: 10,
} as const;

/** The latest code sent to one phone, keyed by the phone number; the code is kept hashed. */
interface SmsCodeDocument extends StoredDocument {
  openId: string;
  codeHash: string;
  expiresAt: string;
  wrongTries: number;
  lastSentAt: string;
  sendDate: string;
  sendsOnDate: number;
}

function hashCode(secret: string, phone: string, code: string): string {
  return createHmac('sha256', secret).update(`${phone}:${code}`).digest('hex');
}

/**
 * Sends a 6-digit confirmation code to the phone: at most one send per 60 s and 10 per
 * business day per phone. The code is stored hashed before it is sent and never returned.
 */
export async function sendCode(services: Services, openId: string, phone: string): Promise<SendCodeResult> {
  const now = services.clock.now();
  const today = businessDate(now);
  const code = String(randomInt(0, 10 ** SMS_CODE_RULES.digits)).padStart(SMS_CODE_RULES.digits, '0');

  await services.store.runTransaction(async (tx) => {
    const previous = await tx.get<SmsCodeDocument>(SMS_CODES, phone);
    if (previous) {
      const waitSeconds = Math.ceil(
        SMS_CODE_RULES.resendAfterSeconds - (now.getTime() - Date.parse(previous.lastSentAt)) / 1000,
      );
      if (waitSeconds > 0) {
        throw new LoanError('RATE_LIMITED', `验证码发送过于频繁，请 ${waitSeconds} 秒后再试。`, 'phone', {
          retryAfterSeconds: waitSeconds,
        });
      }
    }
    const sendsOnDate = previous?.sendDate === today ? previous.sendsOnDate : 0;
    if (sendsOnDate >= SMS_CODE_RULES.maxSendsPerDay) {
      throw new LoanError('RATE_LIMITED', '该手机号今天获取验证码的次数已达上限（10次），请明天再试。', 'phone', {
        retryAfterSeconds: secondsUntilTomorrow(now),
      });
    }
    await tx.set(SMS_CODES, {
      _id: phone,
      openId,
      codeHash: hashCode(services.secret, phone, code),
      expiresAt: new Date(now.getTime() + SMS_CODE_RULES.validSeconds * 1000).toISOString(),
      wrongTries: 0,
      lastSentAt: now.toISOString(),
      sendDate: today,
      sendsOnDate: sendsOnDate + 1,
    } satisfies SmsCodeDocument);
  });

  try {
    await services.sms.send({ phone, templateId: 'verification_code', params: [code, '5'] });
  } catch (error) {
    // The stored code was never delivered: drop it so the borrower can ask again at once.
    services.logger.error({ err: error, phone }, 'sending the confirmation code failed');
    await services.store.remove(SMS_CODES, phone);
    throw new LoanError('INTERNAL', '短信发送失败，请稍后重新获取验证码。', 'phone');
  }
  return {
    maskedPhone: maskPhone(phone),
    expiresInSeconds: SMS_CODE_RULES.validSeconds,
    resendAfterSeconds: SMS_CODE_RULES.resendAfterSeconds,
  };
}

function secondsUntilTomorrow(now: Date): number {
  const shanghaiMs = now.getTime() + 8 * 3600 * 1000;
  return Math.ceil((86_400_000 - (shanghaiMs % 86_400_000)) / 1000);
}

/**
 * Checks a code without using it up. A wrong code counts against the code's 5 tries,
 * and that count is saved even though the check fails.
 */
export async function checkCode(services: Services, openId: string, phone: string, code: string): Promise<void> {
  const now = services.clock.now();
  const outcome = await services.store.runTransaction(async (tx) => {
    const stored = await tx.get<SmsCodeDocument>(SMS_CODES, phone);
    if (!stored || stored.openId !== openId) return { kind: 'missing' as const };
    if (Date.parse(stored.expiresAt) <= now.getTime()) return { kind: 'expired' as const };
    if (stored.wrongTries >= SMS_CODE_RULES.maxWrongTries) return { kind: 'locked' as const };
    const expected = Buffer.from(stored.codeHash, 'hex');
    const actual = Buffer.from(hashCode(services.secret, phone, code), 'hex');
    if (timingSafeEqual(expected, actual)) return { kind: 'ok' as const };
    await tx.update(SMS_CODES, phone, { wrongTries: { $inc: 1 } });
    return { kind: 'wrong' as const, triesLeft: SMS_CODE_RULES.maxWrongTries - stored.wrongTries - 1 };
  });

  switch (outcome.kind) {
    case 'ok':
      return;
    case 'missing':
      throw new LoanError('VERIFICATION_FAILED', '请先获取发送到该手机号的验证码。', 'code');
    case 'expired':
      throw new LoanError('VERIFICATION_FAILED', '验证码已过期（有效期5分钟），请重新获取。', 'code');
    case 'locked':
      throw new LoanError('ATTEMPTS_EXHAUSTED', '验证码输错次数过多，请重新获取验证码。', 'code');
    case 'wrong':
      throw new LoanError(
        outcome.triesLeft > 0 ? 'VERIFICATION_FAILED' : 'ATTEMPTS_EXHAUSTED',
        outcome.triesLeft > 0
          ? `验证码不正确，还可以再试 ${outcome.triesLeft} 次。`
          : '验证码输错次数过多，请重新获取验证码。',
        'code',
        { triesLeft: outcome.triesLeft },
      );
  }
}

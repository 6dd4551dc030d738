import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatWait, secondsUntilNextBusinessDay } from '../../services/account/retry-after';
import { SMS_CODE_RULES } from '../../services/account/sms-code';
import { createHarness, facePhotoBase64, openAccount, personWithPhoto, registry, type Harness } from '../support/harness';

let harness: Harness;

beforeAll(async () => {
  // 2026-03-10T02:00:00Z is 10:00 in Shanghai: 14 hours to the next business day.
  harness = await createHarness();
});

afterAll(async () => {
  await harness.close();
});

describe('retry-after', () => {
  it.each([
    ['2026-03-10T02:00:00Z', 50_400],
    ['2026-03-10T15:59:59Z', 1],
    ['2026-03-10T16:00:00Z', 86_400],
  ])('counts to the next business day from %s', (instant, seconds) => {
    expect(secondsUntilNextBusinessDay(new Date(instant))).toBe(seconds);
  });

  it.each([
    [45, '45 秒'],
    [61, '2 分钟'],
    [3600, '1 小时'],
    [50_400, '14 小时'],
    [3_900, '1 小时 5 分钟'],
  ])('formats %i seconds', (seconds, text) => {
    expect(formatWait(seconds)).toBe(text);
  });
});

describe('SMS limits', () => {
  it('tells how long until a resend', async () => {
    const phone = registry.people[40].phone;
    await harness.ok('account', 'sms_resend', { action: 'sendCode', phone });
    harness.clock.advance(20_000);
    const again = await harness.call('account', 'sms_resend', { action: 'sendCode', phone });
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.error.code).toBe('RATE_LIMITED');
    expect(again.error.details?.retryAfterSeconds).toBe(40);
    expect(again.error.details?.reason).toBe('验证码发送过于频繁，');
    expect(again.error.message).toBe('验证码发送过于频繁，请 40 秒后再试。');
  });

  it('locks the phone after five wrong codes', async () => {
    const phone = registry.people[41].phone;
    await harness.ok('account', 'sms_wrong', { action: 'sendCode', phone });
    const code = harness.latestCode(phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const person = registry.people[41];
    const open = (value: string) => harness.call('account', 'sms_wrong', {
      action: 'open', name: person.name, idNumber: person.idNumber, bankCard: person.bankCard, phone,
      code: value, consents: { identity: '2026-12-01', biometrics: '2026-12-01', creditQuery: '2026-12-01', automatedDecision: '2026-12-01' },
    });
    for (let attempt = 1; attempt < SMS_CODE_RULES.maxWrongTries; attempt++) {
      const result = await open(wrong);
      expect(result.ok || result.error.code).toBe('VERIFICATION_FAILED');
    }
    const last = await open(wrong);
    expect(last.ok || last.error.code).toBe('ATTEMPTS_EXHAUSTED');
    if (!last.ok) expect(last.error.details?.retryAfterSeconds).toBe(SMS_CODE_RULES.lockoutSeconds);
    const right = await open(code);
    expect(right.ok || right.error.code).toBe('ATTEMPTS_EXHAUSTED');
    harness.clock.advance(61_000);
    const resend = await harness.call('account', 'sms_wrong', { action: 'sendCode', phone });
    expect(resend.ok || resend.error.code).toBe('RATE_LIMITED');
    if (!resend.ok) expect(resend.error.message).toContain('分钟');
  });
});

describe('face attempt limit', () => {
  it('refuses a sixth attempt until tomorrow', async () => {
    await openAccount(harness, 'face_limit', personWithPhoto('Paul.jpeg', 3));
    const selfie = facePhotoBase64('Chris.jpeg');
    for (let attempt = 0; attempt < 5; attempt++) {
      await harness.ok('faceVerify', 'face_limit', { action: 'verify', selfieBase64: selfie });
    }
    const sixth = await harness.call('faceVerify', 'face_limit', { action: 'verify', selfieBase64: selfie });
    expect(sixth.ok).toBe(false);
    if (sixth.ok) return;
    expect(sixth.error.code).toBe('ATTEMPTS_EXHAUSTED');
    expect(sixth.error.details?.retryAfterSeconds).toBe(secondsUntilNextBusinessDay(harness.clock.now()));
    const challenge = await harness.call('faceVerify', 'face_limit', { action: 'challenge' });
    expect(challenge.ok || challenge.error.code).toBe('ATTEMPTS_EXHAUSTED');
  });
});

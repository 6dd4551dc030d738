import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CONSENTS, createHarness, registry, type Harness } from '../support/harness';

let harness: Harness;

beforeAll(async () => {
  harness = await createHarness();
});

afterAll(async () => {
  await harness.close();
});

describe('account opening', () => {
  it('spends a code try on each failed identity check', async () => {
    const person = registry.people[20];
    const openId = 'probe_user';
    await harness.ok('account', openId, { action: 'sendCode', phone: person.phone });
    const code = harness.latestCode(person.phone);
    const attempt = (name: string) =>
      harness.call('account', openId, {
        action: 'open',
        name,
        idNumber: person.idNumber,
        bankCard: person.bankCard,
        phone: person.phone,
        code,
        consents: ALL_CONSENTS,
      });

    const codes: string[] = [];
    for (const name of ['王一', '王二', '王三', '王四', '王五']) {
      const result = await attempt(name);
      codes.push(result.ok ? 'ok' : result.error.code);
    }
    expect(codes.slice(0, 4)).toEqual(['VERIFICATION_FAILED', 'VERIFICATION_FAILED', 'VERIFICATION_FAILED', 'VERIFICATION_FAILED']);
    // The code is spent: even the right name needs a new code now.
    const right = await attempt(person.name);
    expect(right.ok).toBe(false);
    if (right.ok) return;
    expect(['ATTEMPTS_EXHAUSTED', 'VERIFICATION_FAILED']).toContain(right.error.code);
    expect(right.error.field).toBe('code');
  });

  it('never returns the SMS code', async () => {
    const person = registry.people[21];
    const result = await harness.call('account', 'quiet_user', { action: 'sendCode', phone: person.phone });
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain(harness.latestCode(person.phone));
  });
});

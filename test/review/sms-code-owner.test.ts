import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAccountResult } from '../../core/api';
import { ALL_CONSENTS, approvedPeople, createHarness, type Harness } from '../support/harness';

let harness: Harness;

beforeAll(async () => {
  harness = await createHarness();
});

afterAll(async () => {
  await harness.close();
});

describe('SMS confirmation code', () => {
  // Any signed-in user may request a code for any phone. That request must not take away the
  // code the phone's owner is about to type.
  it('survives a code request by another user', async () => {
    const [{ person }] = await approvedPeople();
    await harness.ok('account', 'phone_owner', { action: 'sendCode', phone: person.phone });
    const ownerCode = harness.latestCode(person.phone);
    harness.clock.advance(61_000);
    await harness.call('account', 'someone_else', { action: 'sendCode', phone: person.phone });

    const opened = await harness.call<OpenAccountResult>('account', 'phone_owner', {
      action: 'open',
      name: person.name,
      idNumber: person.idNumber,
      bankCard: person.bankCard,
      phone: person.phone,
      code: ownerCode,
      consents: ALL_CONSENTS,
    });
    expect(opened.ok ? 'ok' : `${opened.error.code}: ${opened.error.message}`).toBe('ok');
  });
});

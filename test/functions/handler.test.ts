import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness';

let harness: Harness;

beforeAll(async () => {
  harness = await createHarness();
});

afterAll(async () => {
  await harness.close();
});

describe('cloud function contract', () => {
  it('rejects a call without a platform OPENID', async () => {
    const result = await harness.call('account', null, { action: 'status' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('UNAUTHENTICATED');
  });

  it('ignores an openid sent in the body', async () => {
    await harness.ok('account', 'user_body_victim', { action: 'sendCode', phone: '13800000001' });
    const result = await harness.call<{ stage: string; maskedPhone?: string }>('account', 'user_body_attacker', {
      action: 'status',
      openid: 'user_body_victim',
      userInfo: { openId: 'user_body_victim' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.stage).toBe('new');
    expect(result.data.maskedPhone).toBeUndefined();
  });

  it('names an unknown field', async () => {
    const result = await harness.call('account', 'user_unknown_field', { action: 'status', admin: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.field).toBe('admin');
    expect(result.error.message).toContain('"admin"');
  });

  it.each([
    ['a string amount', { amountFen: '100000', termMonths: 5 }, 'amountFen'],
    ['a fractional amount', { amountFen: 100000.5, termMonths: 5 }, 'amountFen'],
    ['a negative amount', { amountFen: -100000, termMonths: 5 }, 'amountFen'],
    ['a huge amount', { amountFen: 1e300, termMonths: 5 }, 'amountFen'],
    ['an unknown term', { amountFen: 100000, termMonths: 7 }, 'termMonths'],
    ['a missing term', { amountFen: 100000 }, 'termMonths'],
  ])('rejects %s with the field named', async (_case, event, field) => {
    const result = await harness.call('loanQuote', 'user_bad_input', event);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.field).toBe(field);
  });

  it.each([null, 'text', 42, [1, 2]])('rejects the event %j', async (event) => {
    const result = await harness.call('draw', 'user_bad_event', event);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
  });

  it('refuses the daily job for a signed-in user', async () => {
    const result = await harness.call('accrueDaily', 'user_job', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('FORBIDDEN');
  });

  it('refuses a daily job for a future date', async () => {
    const result = await harness.call('accrueDaily', null, { businessDate: '2030-01-01' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe('businessDate');
  });

  it('answers an unexpected failure without internals', async () => {
    const store = harness.services.store;
    const original = store.get.bind(store);
    store.get = async () => {
      throw new Error('disk on fire at /var/secret/path');
    };
    try {
      const result = await harness.call('account', 'user_internal', { action: 'status' });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).not.toContain('disk');
      expect(result.error.message).toContain(result.requestId);
    } finally {
      store.get = original;
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountStatus } from '../../core/api';
import { INVITATIONS, rolloutBucket } from '../../services/account/pilot';
import { approvedPeople, createHarness, openAccount, selfieFor, type Harness } from '../support/harness';

let harness: Harness;

beforeAll(async () => {
  harness = await createHarness({ pilotRolloutPercent: 0 });
});

afterAll(async () => {
  await harness.close();
});

describe('pilot', () => {
  it('keeps the borrowing entry from uninvited users', async () => {
    const [{ person }] = await approvedPeople();
    await openAccount(harness, 'pilot_user', person);
    const status = await harness.ok<AccountStatus>('account', 'pilot_user', { action: 'status' });
    expect(status.invited).toBe(false);
    await harness.ok('faceVerify', 'pilot_user', { action: 'verify', selfieBase64: selfieFor(person) });
    const refused = await harness.call('creditLine', 'pilot_user', { action: 'evaluate' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('NOT_INVITED');
  });

  it('admits an invited user and not after revocation', async () => {
    const now = new Date().toISOString();
    await harness.services.store.set(INVITATIONS, { _id: 'pilot_user', cohort: 'cohort-1', invitedAt: now });
    const admitted = await harness.call('creditLine', 'pilot_user', { action: 'evaluate' });
    expect(admitted.ok).toBe(true);

    await harness.services.store.set(INVITATIONS, { _id: 'pilot_user', cohort: 'cohort-1', invitedAt: now, revokedAt: now });
    const quote = await harness.call('loanQuote', 'pilot_user', { amountFen: 50_000, termMonths: 5 });
    expect(quote.ok).toBe(false);
    if (quote.ok) return;
    expect(quote.error.code).toBe('NOT_INVITED');
  });
});

describe('rolloutBucket', () => {
  it('is stable per user and spread over 0–99', () => {
    const buckets = Array.from({ length: 2000 }, (_, index) => rolloutBucket(`user_${index}`));
    expect(rolloutBucket('user_7')).toBe(buckets[7]);
    expect(Math.min(...buckets)).toBe(0);
    expect(Math.max(...buckets)).toBe(99);
    // About 10% of users fall below 10; a stable hash keeps them there at every wider rollout.
    const share = buckets.filter((bucket) => bucket < 10).length / buckets.length;
    expect(share).toBeGreaterThan(0.07);
    expect(share).toBeLessThan(0.13);
  });
});

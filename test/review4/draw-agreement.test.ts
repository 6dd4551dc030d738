import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawRequest, DrawView, LoanDetail, LoanQuote } from '../../core/api';
import { createDraw } from '../../services/loans/create-draw';
import { DRAWS, type DrawDocument } from '../../services/loans/draw-document';
import type { SandboxPerson } from '../../adapters/identity/sandbox-registry';
import { acceptedDrawRequest, approvedPeople, createHarness, expectBalancedLedger, onboard, type Harness } from '../support/harness';

const HOUR_MS = 60 * 60 * 1000;

let harness: Harness;
let people: SandboxPerson[];

const key = (n: number) => `44444444-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeAll(async () => {
  harness = await createHarness({ partners: [] });
  people = (await approvedPeople())
    .filter(({ person, lineFen }) => !person.bankCard.startsWith('6217000') && lineFen >= 100_000)
    .map(({ person }) => person);
});

afterAll(async () => {
  await expectBalancedLedger(harness);
  await harness.close();
});

function callerOf(openId: string) {
  return { openId, appId: 'wx_test', source: 'wx_client' };
}

describe('agreement personal data', () => {
  it('quote and draw show only the masked card', async () => {
    const person = people[0];
    await onboard(harness, 'pii_user', person);
    const quote = await harness.ok<LoanQuote>('loanQuote', 'pii_user', { amountFen: 100_000, termMonths: 5 });
    const draw = await harness.ok<DrawView>('draw', 'pii_user', { amountFen: 100_000, termMonths: 5, idempotencyKey: key(1), agreementDigest: quote.agreement.digest });
    const detail = await harness.ok<LoanDetail>('loans', 'pii_user', { action: 'detail', drawId: draw.drawId });
    for (const [name, shown] of [['quote', quote], ['draw', draw], ['detail', detail]] as const) {
      const json = JSON.stringify(shown);
      expect(json, name).not.toContain(person.bankCard);
      expect(json, name).not.toContain(person.bankCard.slice(0, 12));
      expect(json, name).not.toContain(person.idNumber);
      expect(json, name).not.toContain(person.phone);
    }
    expect(JSON.stringify(quote.agreement)).toContain(`**** ${person.bankCard.slice(-4)}`);
  });
});

describe('agreement on a retried draw', () => {
  it('keeps the first acceptance time', async () => {
    await onboard(harness, 'retry_same', people[1]);
    const request = await acceptedDrawRequest(harness, 'retry_same', { amountFen: 100_000, termMonths: 5, idempotencyKey: key(2) });
    const first = await harness.ok<DrawView>('draw', 'retry_same', request);
    harness.clock.advance(HOUR_MS);
    const second = await harness.ok<DrawView>('draw', 'retry_same', request);
    expect(second.drawId).toBe(first.drawId);
    expect(second.agreement).toEqual(first.agreement);
    expect(await harness.services.store.count(DRAWS, { openId: 'retry_same' })).toBe(1);
  });

  // A retry sent after midnight carries a digest that no longer matches today's terms. The
  // key alone identifies the draw already made, so the retry must return it rather than an
  // error that reads as "no loan was made".
  it('returns the made draw the next day', async () => {
    await onboard(harness, 'retry_late', people[2]);
    const request = await acceptedDrawRequest(harness, 'retry_late', { amountFen: 100_000, termMonths: 5 as const, idempotencyKey: key(3) });
    const firstDraw = await createDraw(harness.services, callerOf('retry_late'), request, 'review4-late');
    harness.clock.advance(24 * HOUR_MS);
    const retry = await harness.call<DrawView>('draw', 'retry_late', request);
    expect(retry.ok).toBe(true);
    if (!retry.ok) return;
    expect(retry.data.drawId).toBe(firstDraw.drawId);
  });
});

describe('createDraw without the draw function', () => {
  // A second caller of createDraw, such as an admin tool or a new function, must not make a
  // draw the borrower accepted no agreement for.
  it('rejects a missing agreement digest', async () => {
    await onboard(harness, 'direct_user', people[3]);
    const request = { amountFen: 100_000, termMonths: 5, idempotencyKey: key(4) } as unknown as DrawRequest;
    await expect(createDraw(harness.services, callerOf('direct_user'), request, 'review4-direct')).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'agreementDigest',
    });
    const stored = await harness.services.store.page<DrawDocument>(DRAWS, { where: { openId: 'direct_user' }, limit: 10 });
    expect(stored.documents).toHaveLength(0);
  });
});

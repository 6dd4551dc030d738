import { afterEach, describe, expect, it } from 'vitest';
import type { DrawView } from '../../core/api';
import { REPAYMENTS } from '../../services/loans/draw-document';
import { acceptedDrawRequest, approvedPeople, createHarness, expectBalancedLedger, onboard, type Harness } from '../support/harness';

let harness: Harness | undefined;

afterEach(async () => {
  if (harness) await expectBalancedLedger(harness);
  await harness?.close();
  harness = undefined;
});

/**
 * Makes a draw for a borrower whose card fails every collection (the sandbox range
 * 62170001…) and runs the daily job up to and including the first due date, so the
 * morning auto-debit has been sent and failed at the rail.
 */
async function failedMorningDebit(): Promise<Harness> {
  const failingCard = (await approvedPeople()).find(({ person }) => person.bankCard.startsWith('62170001'));
  if (!failingCard) throw new Error('the sandbox registry has no approved person on the failing collection range');
  const h = await createHarness({ partners: [] });
  harness = h;
  await onboard(h, 'afternoon_user', failingCard.person);
  const request = await acceptedDrawRequest(h, 'afternoon_user', {
    amountFen: 100_000,
    termMonths: 5,
    idempotencyKey: '44444444-0000-4000-8000-000000000101',
  });
  const draw = await h.ok<DrawView>('draw', 'afternoon_user', request);
  const days = Math.round((Date.parse(draw.installments[0].dueDate) - Date.parse(draw.drawDate)) / 86_400_000);
  await h.advanceDays(days);
  return h;
}

// The agreement promises that a due-date auto-debit that fails is collected once more the
// same afternoon. No request reads the loan between the morning job and the 17:00 job here.
describe('afternoon auto-debit retry', () => {
  it('morning debit was sent', async () => {
    const h = await failedMorningDebit();
    expect(await h.services.store.count(REPAYMENTS, { source: 'auto_debit' })).toBe(1);
  });

  it('retries without a borrower read', async () => {
    const h = await failedMorningDebit();
    const retry = await h.call<{ collectionsStarted: number }>('autoDebitRetry', null, {});
    expect(retry.ok).toBe(true);
    if (!retry.ok) return;
    expect(retry.data.collectionsStarted).toBe(1);
  });
});

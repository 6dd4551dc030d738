import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawView, LoanDetail, LoanSummary, RepaymentQuote, RepaymentView } from '../../core/api';
import { acceptedDrawRequest, approvedPeople, createHarness, expectBalancedLedger, onboard, type Harness } from '../support/harness';

let harness: Harness;

beforeAll(async () => {
  harness = await createHarness({ partners: [] });
});

afterAll(async () => {
  await expectBalancedLedger(harness);
  await harness.close();
});

describe('collection in progress', () => {
  it('shows in the list and the detail until it settles', async () => {
    const [{ person }] = (await approvedPeople()).filter(({ person: p }) => !p.bankCard.startsWith('6217000'));
    await onboard(harness, 'collecting_user', person);
    const request = await acceptedDrawRequest(harness, 'collecting_user', {
      amountFen: 50_000,
      termMonths: 5,
      idempotencyKey: '55555555-0000-4000-8000-000000000001',
    });
    const draw = await harness.ok<DrawView>('draw', 'collecting_user', request);
    expect(draw.collecting).toBe(false);

    // The rail does not take the collection, so it stays in flight until the rail is back.
    const bank = harness.services.bank;
    const collect = bank.collect.bind(bank);
    bank.collect = async () => {
      throw new Error('connection reset');
    };
    const quote = await harness.ok<RepaymentQuote>('repay', 'collecting_user', { action: 'quote', drawId: draw.drawId, kind: 'payoff' });
    const paid = await harness.ok<RepaymentView>('repay', 'collecting_user', {
      action: 'pay',
      drawId: draw.drawId,
      kind: 'payoff',
      amountFen: quote.amountFen,
      idempotencyKey: '55555555-0000-4000-8000-000000000002',
    });
    expect(paid.status).toBe('collecting');
    const [listed] = await harness.ok<LoanSummary[]>('loans', 'collecting_user', { action: 'list' });
    expect(listed.collecting).toBe(true);
    const detail = await harness.ok<LoanDetail>('loans', 'collecting_user', { action: 'detail', drawId: draw.drawId });
    expect(detail.collecting).toBe(true);

    // With the rail back, the next read sends the collection again and the one after settles it.
    bank.collect = collect;
    await harness.ok<LoanDetail>('loans', 'collecting_user', { action: 'detail', drawId: draw.drawId });
    const settled = await harness.ok<LoanDetail>('loans', 'collecting_user', { action: 'detail', drawId: draw.drawId });
    expect(settled.collecting).toBe(false);
    expect(settled.status).toBe('closed');
  });
});

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DrawView, FunctionResult, LoanQuote } from '../../core/api';
import { LOAN_AGREEMENT_VERSION } from '../../core/agreement';
import { acceptedDrawRequest, approvedPeople, createHarness, expectBalancedLedger, onboard, type Harness } from '../support/harness';

const DAY_MS = 24 * 60 * 60 * 1000;
const KEY = '44444444-0000-4000-8000-000000000001';

let people: Awaited<ReturnType<typeof approvedPeople>>;
let harness: Harness | undefined;

beforeAll(async () => {
  people = (await approvedPeople()).filter(({ person }) => !person.bankCard.startsWith('6217000'));
});

afterEach(async () => {
  if (harness) await expectBalancedLedger(harness);
  await harness?.close();
  harness = undefined;
});

function agreementText(quote: LoanQuote): string {
  return quote.agreement.sections.map((section) => section.body).join('\n');
}

/**
 * Quotes a first draw on 2026-03-10 (10:00 in Shanghai), moves the clock one day and
 * confirms that quote with its agreement digest on 2026-03-11.
 */
async function confirmNextDay(): Promise<{ quote: LoanQuote; result: FunctionResult<DrawView> }> {
  harness = await createHarness({ partners: [] });
  await onboard(harness, 'stale_user', people[0].person);
  const request = { amountFen: 100_000, termMonths: 5 as const };
  const quote = await harness.ok<LoanQuote>('loanQuote', 'stale_user', request);
  harness.clock.advance(DAY_MS);
  const result = await harness.call<DrawView>('draw', 'stale_user', {
    ...request,
    idempotencyKey: KEY,
    agreementDigest: quote.agreement.digest,
  });
  return { quote, result };
}

describe('draw confirmed from a quote of an earlier day', () => {
  it('quote states the repayment day 10', async () => {
    const { quote } = await confirmNextDay();
    expect(quote.drawDate).toBe('2026-03-10');
    expect(quote.agreement.version).toBe(LOAN_AGREEMENT_VERSION);
    expect(agreementText(quote)).toContain('每月 10 日为还款日，首期 2026-04-10');
  });

  // The draw must either be refused (the borrower re-quotes and accepts the new text) or
  // be made on exactly the figures of the agreement the borrower accepted.
  it('keeps the accepted due dates', async () => {
    const { quote, result } = await confirmNextDay();
    if (!result.ok) return;
    const dueDates = result.data.installments.map((row) => row.dueDate);
    expect(dueDates).toEqual(quote.installments.map((row) => row.dueDate));
  });

  it('keeps the accepted draw date', async () => {
    const { quote, result } = await confirmNextDay();
    if (!result.ok) return;
    expect(result.data.drawDate).toBe(quote.drawDate);
  });
});

describe('second draw confirmed a day after its quote', () => {
  // The repayment day is already fixed at 10 by the first draw, so the due dates stay and
  // only the first period, and with it the interest, is one night shorter.
  it('keeps the accepted total interest', async () => {
    harness = await createHarness({ partners: [] });
    await onboard(harness, 'stale_second', people[1].person);
    const first = await acceptedDrawRequest(harness, 'stale_second', {
      amountFen: 50_000,
      termMonths: 5,
      idempotencyKey: '44444444-0000-4000-8000-000000000002',
    });
    await harness.ok<DrawView>('draw', 'stale_second', first);
    const request = { amountFen: 100_000, termMonths: 5 as const };
    const quote = await harness.ok<LoanQuote>('loanQuote', 'stale_second', request);
    expect(agreementText(quote)).toContain(`利息合计 ${(quote.totalInterestFen / 100).toFixed(2)} 元`);
    harness.clock.advance(DAY_MS);
    const result = await harness.call<DrawView>('draw', 'stale_second', {
      ...request,
      idempotencyKey: '44444444-0000-4000-8000-000000000003',
      agreementDigest: quote.agreement.digest,
    });
    if (!result.ok) return;
    const interestFen = result.data.installments.reduce((sum, row) => sum + row.interestFen, 0);
    expect(interestFen).toBe(quote.totalInterestFen);
  });
});

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BankRail, Transfer, TransferRequest } from '../../adapters/ports/bank';
import type { DrawView, RepaymentQuote, RepaymentView } from '../../core/api';
import { USERS, type UserDocument } from '../../services/account/user-document';
import type { Services } from '../../services/container';
import { createDraw } from '../../services/loans/create-draw';
import { quoteLoan } from '../../services/loans/quote-loan';
import { settleDisbursement } from '../../services/loans/disbursement';
import { DRAWS, type DrawDocument } from '../../services/loans/draw-document';
import { acceptedDrawRequest, approvedPeople, createHarness, expectBalancedLedger, onboard, type Harness } from '../support/harness';

/**
 * Payout rail whose outcome each test sets per draw. A payout stays pending until the test
 * calls `fail` or `succeed`. Collections go to the sandbox rail.
 */
class ScriptedPayoutRail implements BankRail {
  private readonly outcomes = new Map<string, Transfer>();
  private readonly sent = new Map<string, TransferRequest>();

  constructor(private readonly sandbox: BankRail) {}

  async payout(request: TransferRequest): Promise<Transfer> {
    this.sent.set(request.transferId, request);
    return { transferId: request.transferId, kind: 'payout', amountFen: request.amountFen, status: 'pending' };
  }

  collect(request: TransferRequest): Promise<Transfer> {
    return this.sandbox.collect(request);
  }

  async getTransfer(transferId: string): Promise<Transfer | null> {
    const outcome = this.outcomes.get(transferId);
    if (outcome) return outcome;
    const request = this.sent.get(transferId);
    if (request) return { transferId, kind: 'payout', amountFen: request.amountFen, status: 'pending' };
    return this.sandbox.getTransfer(transferId);
  }

  fail(draw: DrawView): void {
    const transferId = `payout_${draw.drawId}`;
    this.outcomes.set(transferId, { transferId, kind: 'payout', amountFen: 0, status: 'failed', failure: 'account_closed', settledAt: '2026-03-10T02:00:00Z' });
  }

  succeed(draw: DrawView): void {
    const transferId = `payout_${draw.drawId}`;
    this.outcomes.set(transferId, { transferId, kind: 'payout', amountFen: 0, status: 'succeeded', settledAt: '2026-03-10T02:00:00Z' });
  }
}

let person: Awaited<ReturnType<typeof approvedPeople>>[number]['person'];
let harness: Harness | undefined;
let keyCounter = 0;

beforeAll(async () => {
  const approved = await approvedPeople();
  const roomy = approved.find(({ person: candidate, lineFen }) => !candidate.bankCard.startsWith('6217000') && lineFen >= 300_000);
  if (!roomy) throw new Error('the sandbox registry has no approved person with a working card and a line of 3,000 CNY');
  person = roomy.person;
});

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const nextKey = () => `00000000-0000-4000-9000-${String((keyCounter += 1)).padStart(12, '0')}`;

/** Onboards one borrower on a fresh harness and returns services that pay out through a scripted rail. */
async function setUp(openId: string): Promise<{ own: Harness; services: Services; rail: ScriptedPayoutRail }> {
  const own = await createHarness();
  harness = own;
  await onboard(own, openId, person);
  const rail = new ScriptedPayoutRail(own.services.bank);
  return { own, services: { ...own.services, bank: rail }, rail };
}

async function draw(services: Services, openId: string, amountFen: number): Promise<DrawView> {
  const caller = { openId, appId: 'wx_test', source: 'wx_client' };
  const quote = await quoteLoan(services, caller, amountFen, 5);
  const request = { amountFen, termMonths: 5 as const, idempotencyKey: nextKey(), agreementDigest: quote.agreement.digest };
  return createDraw(services, caller, request, `req-${nextKey()}`);
}

async function userOf(own: Harness, openId: string): Promise<UserDocument | null> {
  return own.services.store.get<UserDocument>(USERS, openId);
}

async function drawOf(own: Harness, drawId: string): Promise<DrawDocument | null> {
  return own.services.store.get<DrawDocument>(DRAWS, drawId);
}

describe('repayment day with two draws', () => {
  it('second draw keeps first day', async () => {
    const { own, services, rail } = await setUp('day_keep');
    const first = await draw(services, 'day_keep', 50_000);
    const second = await draw(services, 'day_keep', 60_000);
    expect(first.status).toBe('disbursing');
    expect(second.status).toBe('disbursing');

    rail.fail(first);
    expect((await settleDisbursement(services, first.drawId, 'req-fail')).status).toBe('cancelled');
    rail.succeed(second);
    expect((await settleDisbursement(services, second.drawId, 'req-ok')).status).toBe('active');

    const user = await userOf(own, 'day_keep');
    const active = await drawOf(own, second.drawId);
    expect(user?.usedFen).toBe(60_000);
    expect(user?.repaymentDay).toBe(10);
    expect(active?.repaymentDay).toBe(10);
    await expectBalancedLedger(own);
  });

  it('both draws failing release day', async () => {
    const { own, services, rail } = await setUp('day_both');
    const first = await draw(services, 'day_both', 50_000);
    const second = await draw(services, 'day_both', 60_000);

    rail.fail(first);
    await settleDisbursement(services, first.drawId, 'req-fail-1');
    rail.fail(second);
    await settleDisbursement(services, second.drawId, 'req-fail-2');

    // No payout ever succeeded, so no schedule uses the 10th.
    const user = await userOf(own, 'day_both');
    expect(user?.usedFen).toBe(0);
    expect(user?.repaymentDay).toBeUndefined();
  });

  it('repaid second draw keeps day', async () => {
    const { own, services, rail } = await setUp('day_repaid_second');
    const first = await draw(services, 'day_repaid_second', 50_000);
    const second = await draw(services, 'day_repaid_second', 60_000);
    rail.succeed(second);
    expect((await settleDisbursement(services, second.drawId, 'req-ok')).status).toBe('active');

    const quote = await own.ok<RepaymentQuote>('repay', 'day_repaid_second', { action: 'quote', drawId: second.drawId, kind: 'payoff' });
    const paid = await own.ok<RepaymentView>('repay', 'day_repaid_second', {
      action: 'pay',
      drawId: second.drawId,
      kind: 'payoff',
      amountFen: quote.amountFen,
      idempotencyKey: nextKey(),
    });
    expect(paid.status).toBe('succeeded');

    rail.fail(first);
    await settleDisbursement(services, first.drawId, 'req-fail');

    // The second draw was paid out on a schedule due on the 10th, so the 10th stays fixed.
    const user = await userOf(own, 'day_repaid_second');
    expect(user?.usedFen).toBe(0);
    expect(user?.repaymentDay).toBe(10);
  });
});

describe('repayment day on cancellation', () => {
  it('retried cancellation restores once', async () => {
    const { own, services, rail } = await setUp('day_retry');
    const first = await draw(services, 'day_retry', 50_000);
    rail.fail(first);
    const settled = await Promise.all([
      settleDisbursement(services, first.drawId, 'req-a'),
      settleDisbursement(services, first.drawId, 'req-b'),
    ]);
    await settleDisbursement(services, first.drawId, 'req-c');

    expect(settled.map((item) => item.status)).toEqual(['cancelled', 'cancelled']);
    const user = await userOf(own, 'day_retry');
    expect(user?.usedFen).toBe(0);
    expect(user?.repaymentDay).toBeUndefined();
    expect(user?.repaymentDayDrawId).toBeUndefined();
    await expectBalancedLedger(own);
  });

  it('repaid first draw keeps day', async () => {
    const { own, services, rail } = await setUp('day_repaid_first');
    const paidOut = await own.ok<DrawView>('draw', 'day_repaid_first', await acceptedDrawRequest(own, 'day_repaid_first', { amountFen: 50_000, termMonths: 5, idempotencyKey: nextKey() }));
    expect(paidOut.status).toBe('active');
    const quote = await own.ok<RepaymentQuote>('repay', 'day_repaid_first', { action: 'quote', drawId: paidOut.drawId, kind: 'payoff' });
    await own.ok<RepaymentView>('repay', 'day_repaid_first', {
      action: 'pay',
      drawId: paidOut.drawId,
      kind: 'payoff',
      amountFen: quote.amountFen,
      idempotencyKey: nextKey(),
    });
    expect((await userOf(own, 'day_repaid_first'))?.usedFen).toBe(0);

    const failing = await draw(services, 'day_repaid_first', 50_000);
    rail.fail(failing);
    await settleDisbursement(services, failing.drawId, 'req-fail');

    const user = await userOf(own, 'day_repaid_first');
    expect(user?.usedFen).toBe(0);
    expect(user?.repaymentDay).toBe(10);
  });
});

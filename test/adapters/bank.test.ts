import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SANDBOX_TEST_CARDS,
  SandboxBankRail,
} from '../../adapters/bank/sandbox-bank-rail';
import { TransferConflictError, type TransferRequest } from '../../adapters/ports/bank';
import { openSqliteStore } from '../../adapters/storage/sqlite-store';
import type { Store } from '../../adapters/storage/port';

// Luhn-valid cards with no test outcome; 6222020000000000002 fails the Luhn check.
const ORDINARY_CARD = '6222020000000000000';
const START_MS = Date.parse('2024-03-01T08:00:00.000Z');

let store: Store;
let nowMs: number;
let rail: SandboxBankRail;

function request(transferId: string, bankCard = ORDINARY_CARD, amountFen = 50_000) {
  return { transferId, bankCard, accountName: '王伟', amountFen } satisfies TransferRequest;
}

function advance(ms: number): void {
  nowMs += ms;
}

beforeEach(() => {
  store = openSqliteStore({ file: ':memory:' });
  nowMs = START_MS;
  rail = new SandboxBankRail({
    store,
    settleDelayMs: 300,
    timeoutDelayMs: 5000,
    now: () => new Date(nowMs),
  });
});

afterEach(async () => {
  await store.close();
});

describe('SandboxBankRail', () => {
  it('settles a payout after the delay', async () => {
    const created = await rail.payout(request('payout:1'));
    expect(created).toEqual({
      transferId: 'payout:1',
      kind: 'payout',
      amountFen: 50_000,
      status: 'pending',
    });

    advance(299);
    expect((await rail.getTransfer('payout:1'))!.status).toBe('pending');
    advance(1);
    expect(await rail.getTransfer('payout:1')).toEqual({
      transferId: 'payout:1',
      kind: 'payout',
      amountFen: 50_000,
      status: 'succeeded',
      settledAt: '2024-03-01T08:00:00.300Z',
    });
  });

  it.each([
    ['collection', SANDBOX_TEST_CARDS.insufficientFunds, 'insufficient_funds'],
    ['collection', SANDBOX_TEST_CARDS.accountClosed, 'account_closed'],
    ['payout', SANDBOX_TEST_CARDS.accountClosed, 'account_closed'],
    ['collection', '6222020000000000002', 'rejected'],
    ['payout', '62220200', 'rejected'],
  ] as const)('fails a %s from card %s with %s', async (kind, card, failure) => {
    const transfer = request(`${kind}:${card}`, card);
    await (kind === 'payout' ? rail.payout(transfer) : rail.collect(transfer));
    advance(300);
    expect(await rail.getTransfer(transfer.transferId)).toMatchObject({
      status: 'failed',
      failure,
    });
  });

  it('pays out to the insufficient-funds card', async () => {
    await rail.payout(request('payout:if', SANDBOX_TEST_CARDS.insufficientFunds));
    advance(300);
    expect((await rail.getTransfer('payout:if'))!.status).toBe('succeeded');
  });

  it('times out the timeout card after the longer delay', async () => {
    await rail.collect(request('collect:t', SANDBOX_TEST_CARDS.timeout));
    advance(4999);
    expect((await rail.getTransfer('collect:t'))!.status).toBe('pending');
    advance(1);
    expect(await rail.getTransfer('collect:t')).toMatchObject({
      status: 'failed',
      failure: 'timeout',
      settledAt: '2024-03-01T08:00:05.000Z',
    });
  });

  it('returns the first transfer for a repeated id', async () => {
    await rail.payout(request('payout:2'));
    advance(1000);
    const repeated = await rail.payout(request('payout:2'));
    expect(repeated).toMatchObject({ status: 'succeeded', settledAt: '2024-03-01T08:00:00.300Z' });
    expect(await store.count('rail_transfers')).toBe(1);
  });

  it.each([
    ['amountFen', request('payout:3', ORDINARY_CARD, 50_001)],
    ['bankCard', request('payout:3', '6222020000000000018')],
    ['accountName', { ...request('payout:3'), accountName: '李娜' }],
  ] as const)('rejects a repeat with a different %s', async (field, conflicting) => {
    await rail.payout(request('payout:3'));
    const repeat = rail.payout(conflicting);
    await expect(repeat).rejects.toThrow(TransferConflictError);
    await expect(rail.payout(conflicting)).rejects.toMatchObject({ field });
  });

  it('rejects a collection reusing a payout id', async () => {
    await rail.payout(request('shared:1'));
    await expect(rail.collect(request('shared:1'))).rejects.toMatchObject({ field: 'kind' });
  });

  it('rejects a non-integer or non-positive amount', async () => {
    await expect(rail.payout(request('bad:1', ORDINARY_CARD, 10.5))).rejects.toThrow(/amountFen/);
    await expect(rail.payout(request('bad:2', ORDINARY_CARD, 0))).rejects.toThrow(/amountFen/);
  });

  it('returns null for an unknown id', async () => {
    expect(await rail.getTransfer('missing')).toBeNull();
  });

  it('keeps idempotency across a restart', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bank-rail-'));
    const file = path.join(dir, 'rail.sqlite');
    try {
      const first = openSqliteStore({ file });
      await new SandboxBankRail({ store: first }).payout(request('payout:r'));
      await first.close();

      const second = openSqliteStore({ file });
      const reopened = new SandboxBankRail({ store: second });
      await expect(reopened.payout(request('payout:r', ORDINARY_CARD, 1))).rejects.toThrow(
        TransferConflictError,
      );
      expect((await reopened.getTransfer('payout:r'))!.amountFen).toBe(50_000);
      await second.close();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

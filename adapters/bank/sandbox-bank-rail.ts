import {
  TransferConflictError,
  type BankRail,
  type Transfer,
  type TransferFailure,
  type TransferRequest,
} from '../ports/bank';
import { createHash } from 'node:crypto';
import { passesLuhn } from '../../core/validation/bankCard';
import type { Store, StoredDocument } from '../storage/port';
import { testCardFailure } from './test-cards';

export { SANDBOX_TEST_CARDS } from './test-cards';

/** Collection that stores every transfer, keyed by transfer id. */
export const RAIL_TRANSFERS_COLLECTION = 'rail_transfers';
export const DEFAULT_SETTLE_DELAY_MS = 300;
export const DEFAULT_TIMEOUT_DELAY_MS = 5000;

export interface SandboxBankRailOptions {
  store: Store;
  /** Time from request to final status for ordinary cards. */
  settleDelayMs?: number;
  /** Time from request to the `timeout` failure for the timeout test card. */
  timeoutDelayMs?: number;
  now?: () => Date;
}

/** A stored transfer. Its final outcome is fixed at creation and shown from `settlesAt` on. */
interface RailTransferDocument extends StoredDocument {
  kind: Transfer['kind'];
  /**
   * SHA-256 of the card and of the account name, kept only to spot a repeated id with other
   * details, so the database holds neither in plain text. NOTE: an unkeyed hash of a card
   * number can be found by trying candidate numbers; a real rail is the bank's system.
   */
  bankCardDigest: string;
  accountNameDigest: string;
  amountFen: number;
  createdAt: string;
  settlesAt: string;
  failure: TransferFailure | null;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function assertValidRequest(request: TransferRequest): void {
  if (request.transferId.trim() === '') throw new Error('transferId is missing');
  if (!Number.isSafeInteger(request.amountFen) || request.amountFen <= 0) {
    throw new RangeError(
      `invalid amountFen ${request.amountFen} for transfer ${request.transferId}: ` +
        'use a positive integer number of fen',
    );
  }
}

/** Returns the field in which a repeated request differs from the stored transfer, if any. */
function conflictingField(
  stored: RailTransferDocument,
  kind: Transfer['kind'],
  request: TransferRequest,
): string | undefined {
  if (stored.kind !== kind) return 'kind';
  if (stored.amountFen !== request.amountFen) return 'amountFen';
  if (stored.bankCardDigest !== sha256(request.bankCard)) return 'bankCard';
  if (stored.accountNameDigest !== sha256(request.accountName)) return 'accountName';
  return undefined;
}

/**
 * Bank rail in test mode: transfers persist in the store, so idempotency survives a restart.
 * A new transfer is `pending`; after the settle delay it reads as succeeded or failed. The
 * final outcome depends only on the card:
 * - 6217000000000014: collections fail with `insufficient_funds`, payouts succeed;
 * - 6217000000000022: fails with `account_closed`;
 * - 6217000000000030: pending until the longer timeout delay, then fails with `timeout`;
 * - a card that is not 16–19 digits or fails the Luhn check: fails with `rejected`;
 * - every other card succeeds.
 */
export class SandboxBankRail implements BankRail {
  private readonly store: Store;
  private readonly settleDelayMs: number;
  private readonly timeoutDelayMs: number;
  private readonly now: () => Date;

  constructor(options: SandboxBankRailOptions) {
    this.store = options.store;
    this.settleDelayMs = options.settleDelayMs ?? DEFAULT_SETTLE_DELAY_MS;
    this.timeoutDelayMs = options.timeoutDelayMs ?? DEFAULT_TIMEOUT_DELAY_MS;
    this.now = options.now ?? (() => new Date());
  }

  /** Sends money to the card; repeating a transfer id returns the first transfer. */
  payout(request: TransferRequest): Promise<Transfer> {
    return this.createTransfer('payout', request);
  }

  /** Takes money from the card; repeating a transfer id returns the first transfer. */
  collect(request: TransferRequest): Promise<Transfer> {
    return this.createTransfer('collection', request);
  }

  /** Returns the transfer with its status as of now, or null for an unknown id. */
  async getTransfer(transferId: string): Promise<Transfer | null> {
    const collection = RAIL_TRANSFERS_COLLECTION;
    const stored = await this.store.get<RailTransferDocument>(collection, transferId);
    return stored ? this.toTransfer(stored) : null;
  }

  private async createTransfer(kind: Transfer['kind'], request: TransferRequest) {
    assertValidRequest(request);
    const document = this.newDocument(kind, request);

    const stored = await this.store.runTransaction(async (transaction) => {
      const existing = await transaction.get<RailTransferDocument>(
        RAIL_TRANSFERS_COLLECTION,
        request.transferId,
      );
      if (!existing) {
        await transaction.create(RAIL_TRANSFERS_COLLECTION, document);
        return document;
      }
      const field = conflictingField(existing, kind, request);
      if (field) throw new TransferConflictError(request.transferId, field);
      return existing;
    });
    return this.toTransfer(stored);
  }

  private newDocument(kind: Transfer['kind'], request: TransferRequest): RailTransferDocument {
    const cardIsValid = /^\d{16,19}$/.test(request.bankCard) && passesLuhn(request.bankCard);
    const failure = cardIsValid ? testCardFailure(request.bankCard, kind) : 'rejected';
    const delayMs = failure === 'timeout' ? this.timeoutDelayMs : this.settleDelayMs;
    const createdAt = this.now();

    return {
      _id: request.transferId,
      kind,
      bankCardDigest: sha256(request.bankCard),
      accountNameDigest: sha256(request.accountName),
      amountFen: request.amountFen,
      createdAt: createdAt.toISOString(),
      settlesAt: new Date(createdAt.getTime() + delayMs).toISOString(),
      failure: failure ?? null,
    };
  }

  private toTransfer(stored: RailTransferDocument): Transfer {
    const transfer: Transfer = {
      transferId: stored._id,
      kind: stored.kind,
      amountFen: stored.amountFen,
      status: 'pending',
    };
    if (this.now().getTime() < Date.parse(stored.settlesAt)) return transfer;

    transfer.settledAt = stored.settlesAt;
    if (stored.failure) {
      transfer.status = 'failed';
      transfer.failure = stored.failure;
    } else {
      transfer.status = 'succeeded';
    }
    return transfer;
  }
}

/**
 * Payment rail for payouts to and collections from bound debit cards. Settlement is
 * asynchronous: a request returns `pending`, and the final status arrives later. Each
 * request is idempotent by its id: repeating it returns the first request's transfer.
 */
export type TransferStatus = 'pending' | 'succeeded' | 'failed';

export type TransferFailure = 'insufficient_funds' | 'account_closed' | 'timeout' | 'rejected';

export interface TransferRequest {
  /** Caller-chosen idempotency id, e.g. `payout:<drawId>`. */
  transferId: string;
  bankCard: string;
  accountName: string;
  amountFen: number;
}

export interface Transfer {
  transferId: string;
  kind: 'payout' | 'collection';
  amountFen: number;
  status: TransferStatus;
  failure?: TransferFailure;
  /** ISO instant of the final status. */
  settledAt?: string;
}

export interface BankRail {
  payout(request: TransferRequest): Promise<Transfer>;
  collect(request: TransferRequest): Promise<Transfer>;
  /** Current status, or null for an unknown id. */
  getTransfer(transferId: string): Promise<Transfer | null>;
}

/**
 * A request reused a transfer id with a different kind, card, account name or amount. The
 * first transfer is kept, so the caller must pick a new id for a different transfer.
 */
export class TransferConflictError extends Error {
  constructor(readonly transferId: string, readonly field: string) {
    super(`transfer ${transferId} already exists with a different ${field}; use a new transfer id`);
    this.name = 'TransferConflictError';
  }
}

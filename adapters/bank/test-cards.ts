import type { Transfer, TransferFailure } from '../ports/bank';

/**
 * Card numbers with a fixed outcome on the sandbox bank rail, like a payment provider's
 * test mode. Each is a Luhn-valid 16-digit UnionPay number (62 prefix). Every other
 * Luhn-valid card succeeds. The sandbox people generator binds each of these cards to one
 * sandbox person, so a journey can reach these outcomes through the real sign-up flow.
 */
export const SANDBOX_TEST_CARDS = {
  /**
   * Collections fail with `insufficient_funds`; payouts succeed, so a borrower with this
   * card receives a loan and then falls overdue.
   */
  insufficientFunds: '6217000000000014',
  /** Payouts and collections fail with `account_closed`. */
  accountClosed: '6217000000000022',
  /** Payouts and collections stay pending past the normal delay, then fail with `timeout`. */
  timeout: '6217000000000030',
} as const;

/**
 * A test card range: every card starting with these digits behaves like
 * `insufficientFunds` (payouts succeed, collections fail), so several sandbox people can
 * receive a loan and then fall overdue.
 */
export const INSUFFICIENT_FUNDS_PREFIX = '62170001';

/** Returns the failure a test card forces for a transfer kind, or undefined for success. */
export function testCardFailure(
  bankCard: string,
  kind: Transfer['kind'],
): TransferFailure | undefined {
  if (bankCard.startsWith(INSUFFICIENT_FUNDS_PREFIX)) {
    return kind === 'collection' ? 'insufficient_funds' : undefined;
  }
  switch (bankCard) {
    case SANDBOX_TEST_CARDS.insufficientFunds:
      return kind === 'collection' ? 'insufficient_funds' : undefined;
    case SANDBOX_TEST_CARDS.accountClosed:
      return 'account_closed';
    case SANDBOX_TEST_CARDS.timeout:
      return 'timeout';
    default:
      return undefined;
  }
}

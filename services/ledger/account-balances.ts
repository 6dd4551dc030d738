/**
 * Account balances for reports, read from the stored account totals.
 */
import { MAX_PAGE_SIZE, type Store } from '../../adapters/storage/port';
import type { AccountType, NormalBalance } from './chart-of-accounts';
import { ACCOUNTS } from './journal';
import type { AccountDocument } from './post-journal';

export interface AccountBalance {
  account: string;
  type: AccountType;
  normalBalance: NormalBalance;
  debitFen: number;
  creditFen: number;
  /** Balance on the normal side: debit minus credit for debit-normal accounts, else the reverse. */
  balanceFen: number;
}

/** Returns every account that has been posted to, in account-code order. */
export async function accountBalances(store: Store): Promise<AccountBalance[]> {
  const balances: AccountBalance[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.page<AccountDocument>(ACCOUNTS, { limit: MAX_PAGE_SIZE, cursor });
    for (const account of page.documents) {
      const { _id, type, normalBalance, debitFen, creditFen } = account;
      const balanceFen = normalBalance === 'debit' ? debitFen - creditFen : creditFen - debitFen;
      balances.push({ account: _id, type, normalBalance, debitFen, creditFen, balanceFen });
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  return balances;
}

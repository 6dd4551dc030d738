/** Double-entry ledger in integer fen, on top of the storage port. */
export {
  CHART_OF_ACCOUNTS,
  normalBalanceOf,
  resolveAccount,
  type AccountDefinition,
  type AccountType,
  type NormalBalance,
} from './chart-of-accounts';
export {
  ACCOUNTS,
  JOURNALS,
  JOURNAL_KINDS,
  validateJournal,
  type Journal,
  type JournalInput,
  type JournalKind,
  type JournalLine,
  type PostedLine,
} from './journal';
export {
  postJournal,
  type AccountDocument,
  type JournalDocument,
  type PostJournalResult,
} from './post-journal';
export { checkLedger, type LedgerReport } from './check-ledger';
export { accountBalances, type AccountBalance } from './account-balances';

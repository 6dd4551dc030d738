/**
 * Recomputes the ledger from its journals and compares it with the stored account totals.
 */
import { MAX_PAGE_SIZE, type Store, type StoredDocument } from '../../adapters/storage/port';
import { LoanError } from '../../core/errors';
import { normalBalanceOf, resolveAccount } from './chart-of-accounts';
import { ACCOUNTS, JOURNALS, validateJournal, type JournalInput } from './journal';
import type { AccountDocument, JournalDocument } from './post-journal';

export interface LedgerReport {
  /** True only when every check passed and `problems` is empty. */
  balanced: boolean;
  journals: number;
  totalDebitFen: number;
  totalCreditFen: number;
  problems: string[];
}

/** Sums per account, in fen. */
type Totals = Map<string, { debitFen: bigint; creditFen: bigint }>;

/** Problems listed in full before the rest are only counted. */
const MAX_PROBLEMS_LISTED = 1000;

class ProblemList {
  readonly listed: string[] = [];
  private omitted = 0;

  add(problem: string): void {
    if (this.listed.length < MAX_PROBLEMS_LISTED) this.listed.push(problem);
    else this.omitted += 1;
  }

  result(): string[] {
    if (this.omitted === 0) return this.listed;
    return [...this.listed, `${this.omitted} more problems not listed`];
  }

  get count(): number {
    return this.listed.length + this.omitted;
  }
}

/** Pages through a whole collection in `_id` order, one bounded page at a time. */
async function* everyDocument<T extends StoredDocument>(store: Store, collection: string) {
  let cursor: string | undefined;
  do {
    const page = await store.page<T>(collection, { limit: MAX_PAGE_SIZE, cursor });
    yield* page.documents;
    cursor = page.cursor;
  } while (cursor !== undefined);
}

function addLine(totals: Totals, account: unknown, debitFen: unknown, creditFen: unknown): void {
  if (typeof account !== 'string') return;
  const total = totals.get(account) ?? { debitFen: 0n, creditFen: 0n };
  if (Number.isSafeInteger(debitFen)) total.debitFen += BigInt(debitFen as number);
  if (Number.isSafeInteger(creditFen)) total.creditFen += BigInt(creditFen as number);
  totals.set(account, total);
}

function checkJournal(document: JournalDocument, totals: Totals, problems: ProblemList): void {
  const { _id: journalId, requestId, kind, businessDate, loanId, entries } = document;
  const input: JournalInput = { journalId, requestId, kind, businessDate, loanId, entries };
  try {
    const journal = validateJournal(input);
    if (journal.totalFen !== document.totalFen) {
      problems.add(
        `journal ${journalId}: totalFen ${document.totalFen}, lines sum to ${journal.totalFen}`,
      );
    }
  } catch (error) {
    if (!(error instanceof LoanError)) throw error;
    problems.add(`journal ${journalId}: ${error.message}`);
  }
  for (const line of Array.isArray(entries) ? entries : []) {
    const fields = line as { account?: unknown; debitFen?: unknown; creditFen?: unknown };
    addLine(totals, fields.account, fields.debitFen, fields.creditFen);
  }
}

function checkAccount(document: AccountDocument, totals: Totals, problems: ProblemList): void {
  const code = document._id;
  const expected = totals.get(code) ?? { debitFen: 0n, creditFen: 0n };
  totals.delete(code);
  const debitFen = Number.isSafeInteger(document.debitFen) ? BigInt(document.debitFen) : null;
  const creditFen = Number.isSafeInteger(document.creditFen) ? BigInt(document.creditFen) : null;
  if (debitFen !== expected.debitFen || creditFen !== expected.creditFen) {
    problems.add(
      `account ${code}: stored debit ${document.debitFen} / credit ${document.creditFen} fen,` +
        ` journals sum to ${expected.debitFen} / ${expected.creditFen} fen`,
    );
  }
  let type;
  try {
    type = resolveAccount(code).type;
  } catch {
    problems.add(`account ${code}: not in the chart of accounts`);
    return;
  }
  if (normalBalanceOf(type) === 'debit' && expected.debitFen < expected.creditFen) {
    problems.add(
      `account ${code}: below zero,` +
        ` debit ${expected.debitFen} fen < credit ${expected.creditFen} fen`,
    );
  }
}

function toSafeNumber(valueFen: bigint, label: string, problems: ProblemList): number {
  if (valueFen > BigInt(Number.MAX_SAFE_INTEGER)) {
    problems.add(`${label} ${valueFen} fen exceeds the safe integer range`);
  }
  return Number(valueFen);
}

/**
 * Checks the whole ledger: every journal valid and balanced, total debits equal total
 * credits, every account document equal to the sum of its journal lines, and no
 * debit-normal account below zero. Reads page by page, never the whole collection at once.
 * NOTE: the reads are not one snapshot, so run it while no postings are in flight.
 */
export async function checkLedger(store: Store): Promise<LedgerReport> {
  const problems = new ProblemList();
  const totals: Totals = new Map();
  let journals = 0;
  for await (const journal of everyDocument<JournalDocument>(store, JOURNALS)) {
    journals += 1;
    checkJournal(journal, totals, problems);
  }

  let totalDebitFen = 0n;
  let totalCreditFen = 0n;
  for (const total of totals.values()) {
    totalDebitFen += total.debitFen;
    totalCreditFen += total.creditFen;
  }
  if (totalDebitFen !== totalCreditFen) {
    problems.add(
      `total debits ${totalDebitFen} fen differ from total credits ${totalCreditFen} fen`,
    );
  }

  for await (const account of everyDocument<AccountDocument>(store, ACCOUNTS)) {
    checkAccount(account, totals, problems);
  }
  for (const [code, total] of totals) {
    problems.add(
      `account ${code}: no account document,` +
        ` journals sum to ${total.debitFen} / ${total.creditFen} fen`,
    );
  }

  const report = {
    journals,
    totalDebitFen: toSafeNumber(totalDebitFen, 'total debits', problems),
    totalCreditFen: toSafeNumber(totalCreditFen, 'total credits', problems),
  };
  return { balanced: problems.count === 0, ...report, problems: problems.result() };
}

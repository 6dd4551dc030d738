/**
 * Posts journals inside a store transaction: one journal document plus `$inc` updates of
 * the account totals, so a posting commits whole or not at all.
 */
import type { StoredDocument, Transaction } from '../../adapters/storage/port';
import { LoanError } from '../../core/errors';
import {
  normalBalanceOf,
  resolveAccount,
  type AccountType,
  type NormalBalance,
} from './chart-of-accounts';
import {
  ACCOUNTS,
  JOURNALS,
  validateJournal,
  type Journal,
  type JournalInput,
  type PostedLine,
} from './journal';

/** A stored journal; `_id` is the journal id. */
export interface JournalDocument extends StoredDocument, Omit<Journal, 'journalId'> {}

/** The running totals of one account; `_id` is the account code. */
export interface AccountDocument extends StoredDocument {
  type: AccountType;
  normalBalance: NormalBalance;
  debitFen: number;
  creditFen: number;
}

export interface PostJournalResult {
  journalId: string;
  /** `duplicate` when a journal with this id and the same lines was already posted. */
  status: 'posted' | 'duplicate';
}

/** Accounts whose shortfall means the lending pool cannot fund the movement. */
const FUNDS_ACCOUNTS = new Set(['platform_funds', 'partner_funds']);

function debitOf(line: PostedLine): number {
  return 'debitFen' in line ? line.debitFen : 0;
}

function creditOf(line: PostedLine): number {
  return 'creditFen' in line ? line.creditFen : 0;
}

function journalContent(journal: Omit<Journal, 'journalId' | 'requestId'>): string {
  const lines = journal.entries.map((line) => [line.account, debitOf(line), creditOf(line)]);
  return JSON.stringify([journal.kind, journal.businessDate, journal.loanId ?? null, lines]);
}

function totalsByAccount(journal: Journal): Map<string, { debitFen: number; creditFen: number }> {
  const totals = new Map<string, { debitFen: number; creditFen: number }>();
  for (const line of journal.entries) {
    const total = totals.get(line.account) ?? { debitFen: 0, creditFen: 0 };
    total.debitFen += debitOf(line);
    total.creditFen += creditOf(line);
    totals.set(line.account, total);
  }
  return totals;
}

async function applyToAccount(
  tx: Transaction,
  journalId: string,
  code: string,
  change: { debitFen: number; creditFen: number },
): Promise<void> {
  const definition = resolveAccount(code);
  const normalBalance = normalBalanceOf(definition.type);
  const account = await tx.get<AccountDocument>(ACCOUNTS, code);
  const debitFen = (account?.debitFen ?? 0) + change.debitFen;
  const creditFen = (account?.creditFen ?? 0) + change.creditFen;
  if (normalBalance === 'debit' && debitFen < creditFen) {
    const isFunds = FUNDS_ACCOUNTS.has(definition.code);
    const errorCode = isFunds ? 'FUNDS_UNAVAILABLE' : 'PRECONDITION_FAILED';
    const balanceFen = (account?.debitFen ?? 0) - (account?.creditFen ?? 0);
    throw new LoanError(
      errorCode,
      `journal ${journalId} would take ${code} below zero: balance ${balanceFen} fen,` +
        ` credit ${change.creditFen - change.debitFen} fen`,
      'entries',
      { account: code, balanceFen },
    );
  }
  if (account === null) {
    const document: AccountDocument = {
      _id: code,
      type: definition.type,
      normalBalance,
      debitFen,
      creditFen,
    };
    await tx.create(ACCOUNTS, document);
    return;
  }
  await tx.update(ACCOUNTS, code, {
    debitFen: { $inc: change.debitFen },
    creditFen: { $inc: change.creditFen },
  });
}

/**
 * Posts a balanced journal inside `tx`: writes the journal document (id = journal id) and
 * adds each line to its account's totals. Posting a journal id that exists with the same
 * kind, date, loan and lines returns `duplicate` and writes nothing, so retries are safe.
 * The same id with different content throws a LoanError (CONFLICT). Throws INVALID_INPUT
 * for an invalid journal, and FUNDS_UNAVAILABLE or PRECONDITION_FAILED when a debit-normal
 * account would go below zero. Uses only single-document reads and writes by id.
 */
export async function postJournal(
  tx: Transaction,
  input: JournalInput,
): Promise<PostJournalResult> {
  const journal = validateJournal(input);
  const { journalId, ...content } = journal;
  const existing = await tx.get<JournalDocument>(JOURNALS, journalId);
  if (existing !== null) {
    if (journalContent(existing) !== journalContent(journal)) {
      throw new LoanError(
        'CONFLICT',
        `journal ${journalId} was already posted with different content; use a new journalId`,
        'journalId',
      );
    }
    return { journalId, status: 'duplicate' };
  }
  const document: JournalDocument = { _id: journalId, ...content };
  await tx.create(JOURNALS, document);
  for (const [code, change] of totalsByAccount(journal)) {
    await applyToAccount(tx, journalId, code, change);
  }
  return { journalId, status: 'posted' };
}

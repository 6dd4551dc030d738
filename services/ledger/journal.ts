/**
 * Journals: one balanced set of debit and credit lines for one business movement, in
 * integer fen. A journal is the unit the ledger posts, checks and replays.
 */
import { LoanError } from '../../core/errors';
import { resolveAccount } from './chart-of-accounts';

/** Collection of journal documents, keyed by journal id. */
export const JOURNALS = 'journals';
/** Collection of account totals, keyed by account code. */
export const ACCOUNTS = 'accounts';

export const JOURNAL_KINDS = [
  'funding',
  'disbursement',
  'disbursement_settlement',
  'interest_accrual',
  'interest_billing',
  'penalty_accrual',
  'repayment',
  'repayment_settlement',
  'write_off',
  'partner_settlement',
  'reversal',
] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

/** One line: exactly one of `debitFen` and `creditFen`, a positive safe integer. */
export interface JournalLine {
  account: string;
  debitFen?: number;
  creditFen?: number;
}

export interface JournalInput {
  /** Caller-made id; posting the same id again posts nothing. */
  journalId: string;
  /** The request that caused the movement, for tracing. */
  requestId: string;
  kind: JournalKind;
  /** `YYYY-MM-DD`, Asia/Shanghai. */
  businessDate: string;
  loanId?: string;
  entries: JournalLine[];
}

/** A validated line, in the form stored on the journal document. */
export type PostedLine =
  | { account: string; debitFen: number }
  | { account: string; creditFen: number };

/** A validated journal with its total, as stored in {@link JOURNALS}. */
export interface Journal extends Omit<JournalInput, 'entries'> {
  entries: PostedLine[];
  totalFen: number;
}

const JOURNAL_ID = /^[A-Za-z0-9_:.-]{1,200}$/;
const BUSINESS_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function invalid(message: string, field: string): LoanError {
  return new LoanError('INVALID_INPUT', message, field);
}

function isCalendarDate(text: string): boolean {
  const match = BUSINESS_DATE.exec(text);
  if (match === null) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

function lineAmountFen(line: JournalLine, index: number): { debitFen: bigint; creditFen: bigint } {
  const where = `entries[${index}]`;
  resolveAccount(line.account);
  const hasDebit = line.debitFen !== undefined;
  const hasCredit = line.creditFen !== undefined;
  if (hasDebit === hasCredit) {
    throw invalid(`${where} (${line.account}) needs exactly one of debitFen and creditFen`, where);
  }
  const amountFen = (hasDebit ? line.debitFen : line.creditFen) as number;
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
    throw invalid(
      `${where} (${line.account}) amount ${String(amountFen)} must be a positive whole number` +
        ' of fen',
      where,
    );
  }
  const amount = BigInt(amountFen);
  return hasDebit ? { debitFen: amount, creditFen: 0n } : { debitFen: 0n, creditFen: amount };
}

function assertHeader(input: JournalInput): void {
  if (typeof input.journalId !== 'string' || !JOURNAL_ID.test(input.journalId)) {
    throw invalid(
      `invalid journalId ${JSON.stringify(input.journalId)}: use 1-200 of A-Z a-z 0-9 _ : . -`,
      'journalId',
    );
  }
  if (typeof input.requestId !== 'string' || input.requestId.length === 0) {
    throw invalid(`journal ${input.journalId} has no requestId`, 'requestId');
  }
  if (!(JOURNAL_KINDS as readonly string[]).includes(input.kind)) {
    const kind = JSON.stringify(input.kind);
    throw invalid(`journal ${input.journalId} has unknown kind ${kind}`, 'kind');
  }
  if (typeof input.businessDate !== 'string' || !isCalendarDate(input.businessDate)) {
    throw invalid(
      `journal ${input.journalId} businessDate ${JSON.stringify(input.businessDate)} is not a` +
        ' YYYY-MM-DD date',
      'businessDate',
    );
  }
  if (input.loanId !== undefined && (typeof input.loanId !== 'string' || input.loanId === '')) {
    throw invalid(`journal ${input.journalId} has an empty loanId`, 'loanId');
  }
}

/**
 * Validates a journal and returns it with its total. Throws a LoanError (INVALID_INPUT)
 * unless the header is complete, there are at least two lines, every amount is a positive
 * safe integer on a known account, and debits equal credits.
 */
export function validateJournal(input: JournalInput): Journal {
  assertHeader(input);

  if (!Array.isArray(input.entries) || input.entries.length < 2) {
    throw invalid(`journal ${input.journalId} needs at least two entries`, 'entries');
  }
  let debitFen = 0n;
  let creditFen = 0n;
  input.entries.forEach((line, index) => {
    const amount = lineAmountFen(line, index);
    debitFen += amount.debitFen;
    creditFen += amount.creditFen;
  });

  if (debitFen !== creditFen) {
    throw invalid(
      `journal ${input.journalId} is unbalanced: debits ${debitFen} fen, credits ${creditFen} fen`,
      'entries',
    );
  }
  if (debitFen > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw invalid(`journal ${input.journalId} total ${debitFen} fen is too large`, 'entries');
  }

  const entries = input.entries.map((line): PostedLine =>
    line.debitFen !== undefined
      ? { account: line.account, debitFen: line.debitFen }
      : { account: line.account, creditFen: line.creditFen as number },
  );
  const { journalId, requestId, kind, businessDate, loanId } = input;
  const journal: Journal = { journalId, requestId, kind, businessDate, entries, totalFen: 0 };
  if (loanId !== undefined) journal.loanId = loanId;
  journal.totalFen = Number(debitFen);
  return journal;
}

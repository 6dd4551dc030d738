import type { Store } from '../../adapters/storage/port';
import { ACCOUNTS, JOURNALS, type AccountDocument, type JournalDocument } from '../ledger';

/** One partner's statement for one business date, every amount in fen. */
export interface PartnerStatement {
  partnerId: string;
  businessDate: string;
  /** Partner principal outstanding at the start and end of the date. */
  openingBalanceFen: number;
  disbursedFen: number;
  principalRepaidFen: number;
  closingBalanceFen: number;
  /** Interest earned for the partner: nightly accruals and billing roundings, net. */
  interestAccruedFen: number;
  /** Interest and penalty collected for the partner. */
  interestReceivedFen: number;
  penaltyReceivedFen: number;
}

const PAGE_SIZE = 1000;

function lineAmount(line: { debitFen?: number; creditFen?: number }): number {
  return (line.debitFen ?? 0) - (line.creditFen ?? 0);
}

/**
 * Builds a partner's daily statement from the ledger alone: the date's journals give the
 * movements, and the opening balance is the account's balance today less every movement
 * dated on or after the date. Journals are read page by page (index on businessDate).
 */
export async function partnerStatement(store: Store, partnerId: string, businessDate: string): Promise<PartnerStatement> {
  const principal = `partner_principal_receivable:${partnerId}`;
  const receivable = `partner_interest_receivable:${partnerId}`;
  const payable = `partner_interest_payable:${partnerId}`;
  const account = await store.get<AccountDocument>(ACCOUNTS, principal);
  const balanceNowFen = account ? account.debitFen - account.creditFen : 0;

  const statement: PartnerStatement = {
    partnerId,
    businessDate,
    openingBalanceFen: 0,
    disbursedFen: 0,
    principalRepaidFen: 0,
    closingBalanceFen: 0,
    interestAccruedFen: 0,
    interestReceivedFen: 0,
    penaltyReceivedFen: 0,
  };
  let movementsFromDateFen = 0;
  let cursor: string | undefined;
  do {
    const page = await store.page<JournalDocument>(JOURNALS, {
      where: { businessDate: { $gte: businessDate } },
      orderBy: 'businessDate',
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const journal of page.documents) {
      for (const line of journal.entries) {
        const amount = lineAmount(line);
        if (line.account === principal) movementsFromDateFen += amount;
        if (journal.businessDate !== businessDate) continue;
        if (line.account === principal && amount > 0) statement.disbursedFen += amount;
        if (line.account === principal && amount < 0) statement.principalRepaidFen -= amount;
        if (line.account === receivable && journal.kind === 'repayment_settlement') statement.interestReceivedFen -= amount;
        if (line.account === payable && journal.kind === 'repayment_settlement') statement.penaltyReceivedFen -= amount;
        if (line.account === payable && journal.kind !== 'repayment_settlement') statement.interestAccruedFen -= amount;
      }
    }
    cursor = page.cursor;
  } while (cursor);

  statement.openingBalanceFen = balanceNowFen - movementsFromDateFen;
  statement.closingBalanceFen = statement.openingBalanceFen + statement.disbursedFen - statement.principalRepaidFen;
  return statement;
}

const COLUMNS: (keyof PartnerStatement)[] = [
  'partnerId',
  'businessDate',
  'openingBalanceFen',
  'disbursedFen',
  'principalRepaidFen',
  'closingBalanceFen',
  'interestAccruedFen',
  'interestReceivedFen',
  'penaltyReceivedFen',
];

/** Writes statements as CSV with a header row; amounts stay in integer fen. */
export function statementsToCsv(statements: PartnerStatement[]): string {
  const rows = statements.map((statement) => COLUMNS.map((column) => String(statement[column])).join(','));
  return [COLUMNS.join(','), ...rows].join('\n') + '\n';
}

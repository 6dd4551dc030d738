import type { Transaction } from '../../adapters/storage/port';
import { daysBetween } from '../../core/dates';
import { billInterestLines } from '../accrual/accrue';
import type { AccrualStateDocument } from '../accrual/accrual-state';
import { postJournal, type JournalLine } from '../ledger';
import type { DrawDocument } from './draw-document';

/** Exact interest of a period in micro-fen: principal × rate (ppm) × nights. */
export function exactInterestMicroFen(principalFen: number, dailyRatePpm: number, nights: number): bigint {
  return BigInt(principalFen) * BigInt(dailyRatePpm) * BigInt(nights);
}

/**
 * Bills the interest of every installment due on or before `date` and not billed yet:
 * the period's exact accrual leaves `interest_accrued` and the scheduled (rounded) interest
 * becomes receivable. The accrual must be current through the night before `date`.
 * Returns the new billed count; the journal id makes a replay post nothing twice.
 */
export async function billDueInstallments(
  tx: Transaction,
  draw: DrawDocument,
  date: string,
  accrual: AccrualStateDocument,
  requestId: string,
): Promise<number> {
  let billed = draw.billedCount;
  const lines: JournalLine[] = [];
  while (billed < draw.installments.length && draw.installments[billed].dueDate <= date) {
    const row = draw.installments[billed];
    const periodStart = billed === 0 ? draw.drawDate : draw.installments[billed - 1].dueDate;
    const exact = exactInterestMicroFen(row.openingPrincipalFen, draw.dailyRatePpm, daysBetween(periodStart, row.dueDate));
    lines.push(...billInterestLines(accrual, exact, row.interestFen));
    billed++;
  }
  const entries = mergeLines(lines);
  if (entries.length > 0) {
    await postJournal(tx, {
      journalId: `billing:${draw._id}:${billed}`,
      requestId,
      kind: 'interest_billing',
      businessDate: date,
      loanId: draw._id,
      entries,
    });
  }
  return billed;
}

/** Adds up lines per account and side, and drops the accounts that net to zero. */
export function mergeLines(lines: JournalLine[]): JournalLine[] {
  const net = new Map<string, number>();
  for (const line of lines) {
    net.set(line.account, (net.get(line.account) ?? 0) + (line.debitFen ?? 0) - (line.creditFen ?? 0));
  }
  const merged: JournalLine[] = [];
  for (const [account, amount] of net) {
    if (amount > 0) merged.push({ account, debitFen: amount });
    if (amount < 0) merged.push({ account, creditFen: -amount });
  }
  return merged;
}

/** The business date the current (unbilled) period started: the last billed due date or the draw date. */
export function currentPeriodStart(draw: DrawDocument, billedCount: number): string {
  return billedCount === 0 ? draw.drawDate : draw.installments[billedCount - 1].dueDate;
}

import type { Transaction } from '../../adapters/storage/port';
import { addDays } from '../../core/dates';
import { accrueThrough, billInterestLines } from '../accrual/accrue';
import { writeAccrualState } from '../accrual/accrual-state';
import { postJournal, type JournalLine } from '../ledger';
import type { DrawDocument } from './draw-document';
import { funderParts, installmentExactInterest, installmentInterestParts } from './funding-split';

/**
 * Bills the interest of every installment due on or before `date` and not billed yet, for
 * each funder: the period's exact accrual leaves the funder's accrued interest and its part
 * of the scheduled (rounded) interest becomes receivable. Accrues each funder through the
 * night before `date` first. Returns the new billed count; the journal id makes a replay
 * post nothing twice.
 */
export async function billDueInstallments(tx: Transaction, draw: DrawDocument, date: string, requestId: string): Promise<number> {
  let billed = draw.billedCount;
  if (billed >= draw.installments.length || draw.installments[billed].dueDate > date) return billed;

  const parts = funderParts(draw);
  const states = [];
  for (const part of parts) states.push(await accrueThrough(tx, part.funder, addDays(date, -1), requestId));
  const lines: JournalLine[] = [];
  while (billed < draw.installments.length && draw.installments[billed].dueDate <= date) {
    const exact = installmentExactInterest(draw, parts, billed);
    const billedParts = installmentInterestParts(draw, parts, billed);
    states.forEach((state, index) => lines.push(...billInterestLines(state, exact[index], billedParts[index])));
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
  for (const state of states) await writeAccrualState(tx, state);
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

/** Returns the start of the current (unbilled) period: the last billed due date or the draw date. */
export function currentPeriodStart(draw: DrawDocument, billedCount: number): string {
  return billedCount === 0 ? draw.drawDate : draw.installments[billedCount - 1].dueDate;
}

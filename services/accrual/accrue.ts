import type { Transaction } from '../../adapters/storage/port';
import { addDays } from '../../core/dates';
import { postJournal } from '../ledger';
import {
  ACCRUAL_CHANGES,
  MICRO_PER_FEN,
  readAccrualState,
  writeAccrualState,
  type AccrualChangeDocument,
  type AccrualStateDocument,
} from './accrual-state';

function floorFen(microFen: bigint): bigint {
  return microFen / MICRO_PER_FEN;
}

/**
 * Accrues every night after the last accrued one up to and including `night`, posting one
 * journal per night (id `accrual:<date>`, so a replay posts nothing twice). Returns the
 * state as written; call it inside the transaction that needs the accrual to be current.
 */
export async function accrueThrough(
  tx: Transaction,
  night: string,
  requestId: string,
): Promise<AccrualStateDocument> {
  const state = await readAccrualState(tx);
  if (state.lastAccruedNight === null || state.lastAccruedNight >= night) return state;

  let accrued = BigInt(state.accruedMicroFen);
  while (state.lastAccruedNight < night) {
    const current = addDays(state.lastAccruedNight, 1);
    const change = await tx.get<AccrualChangeDocument>(ACCRUAL_CHANGES, current);
    const rate = state.ratePerNightMicroFen + (change?.deltaMicroFen ?? 0);
    if (rate < 0) throw new Error(`nightly interest for ${current} is negative (${rate} micro-fen)`);

    const before = floorFen(accrued);
    accrued += BigInt(rate);
    const postFen = Number(floorFen(accrued) - before);
    if (postFen > 0) {
      await postJournal(tx, {
        journalId: `accrual:${current}`,
        requestId,
        kind: 'interest_accrual',
        businessDate: current,
        entries: [
          { account: 'interest_accrued', debitFen: postFen },
          { account: 'interest_income', creditFen: postFen },
        ],
      });
    }
    state.ratePerNightMicroFen = rate;
    state.lastAccruedNight = current;
  }
  state.accruedMicroFen = accrued.toString();
  await writeAccrualState(tx, state);
  return state;
}

/**
 * Moves one period's interest from accrued to billed: `exactMicroFen` leaves the accrued
 * total and `billedFen` (the period's interest rounded once, half up) becomes receivable.
 * Returns the journal lines; the caller posts them with the rest of its movement.
 */
export function billInterestLines(
  state: AccrualStateDocument,
  exactMicroFen: bigint,
  billedFen: number,
): { account: string; debitFen?: number; creditFen?: number }[] {
  const accrued = BigInt(state.accruedMicroFen);
  if (exactMicroFen > accrued) {
    throw new Error(`billing ${exactMicroFen} micro-fen exceeds the accrued ${accrued}; accrue first`);
  }
  const remaining = accrued - exactMicroFen;
  const releasedFen = Number(floorFen(accrued) - floorFen(remaining));
  state.accruedMicroFen = remaining.toString();

  const lines: { account: string; debitFen?: number; creditFen?: number }[] = [];
  if (billedFen > 0) lines.push({ account: 'interest_receivable', debitFen: billedFen });
  if (releasedFen > 0) lines.push({ account: 'interest_accrued', creditFen: releasedFen });
  const adjustmentFen = billedFen - releasedFen;
  if (adjustmentFen > 0) lines.push({ account: 'interest_income', creditFen: adjustmentFen });
  if (adjustmentFen < 0) lines.push({ account: 'interest_income', debitFen: -adjustmentFen });
  return lines;
}

/**
 * Takes back interest accrued for nights that turned out not to earn it (a payoff that
 * settles after its nights were closed). Returns the journal lines of the reversal.
 */
export function reverseAccrualLines(
  state: AccrualStateDocument,
  exactMicroFen: bigint,
): { account: string; debitFen?: number; creditFen?: number }[] {
  const accrued = BigInt(state.accruedMicroFen);
  if (exactMicroFen > accrued) {
    throw new Error(`reversing ${exactMicroFen} micro-fen exceeds the accrued ${accrued}`);
  }
  const remaining = accrued - exactMicroFen;
  const releasedFen = Number(floorFen(accrued) - floorFen(remaining));
  state.accruedMicroFen = remaining.toString();
  if (releasedFen === 0) return [];
  return [
    { account: 'interest_income', debitFen: releasedFen },
    { account: 'interest_accrued', creditFen: releasedFen },
  ];
}

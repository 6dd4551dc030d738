import type { Transaction } from '../../adapters/storage/port';
import { addDays } from '../../core/dates';
import { postJournal, type JournalLine } from '../ledger';
import {
  ACCRUAL_CHANGES,
  accountsOf,
  changeId,
  MICRO_PER_FEN,
  readAccrualState,
  writeAccrualState,
  type AccrualChangeDocument,
  type AccrualStateDocument,
  type Funder,
} from './accrual-state';

function floorFen(microFen: bigint): bigint {
  return microFen / MICRO_PER_FEN;
}

/**
 * Accrues every night of a funder after its last accrued one up to and including `night`,
 * posting one journal per night (id `accrual:<funder>:<date>`, so a replay posts nothing
 * twice). Returns the state as written; call it inside the transaction that needs the
 * accrual to be current.
 */
export async function accrueThrough(
  tx: Transaction,
  funder: Funder,
  night: string,
  requestId: string,
): Promise<AccrualStateDocument> {
  const state = await readAccrualState(tx, funder);
  if (state.lastAccruedNight === null || state.lastAccruedNight >= night) return state;

  const accounts = accountsOf(funder);
  let accrued = BigInt(state.accruedMicroFen);
  while (state.lastAccruedNight < night) {
    const current = addDays(state.lastAccruedNight, 1);
    const change = await tx.get<AccrualChangeDocument>(ACCRUAL_CHANGES, changeId(funder, current));
    const rate = state.ratePerNightMicroFen + (change?.deltaMicroFen ?? 0);
    if (rate < 0) throw new Error(`nightly interest of ${funder} for ${current} is negative (${rate} micro-fen)`);

    const before = floorFen(accrued);
    accrued += BigInt(rate);
    const postFen = Number(floorFen(accrued) - before);
    if (postFen > 0) {
      await postJournal(tx, {
        journalId: `accrual:${funder}:${current}`,
        requestId,
        kind: 'interest_accrual',
        businessDate: current,
        entries: [
          { account: accounts.accrued, debitFen: postFen },
          { account: accounts.earned, creditFen: postFen },
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
 * Moves one period's interest from accrued to billed for the state's funder:
 * `exactMicroFen` leaves the accrued total and `billedFen` (the period's interest rounded
 * once, half up) becomes receivable. Returns the journal lines for the caller to post.
 */
export function billInterestLines(state: AccrualStateDocument, exactMicroFen: bigint, billedFen: number): JournalLine[] {
  const accounts = accountsOf(state._id);
  const releasedFen = release(state, exactMicroFen, 'billing');
  const lines: JournalLine[] = [];
  if (billedFen > 0) lines.push({ account: accounts.receivable, debitFen: billedFen });
  if (releasedFen > 0) lines.push({ account: accounts.accrued, creditFen: releasedFen });
  const adjustmentFen = billedFen - releasedFen;
  if (adjustmentFen > 0) lines.push({ account: accounts.earned, creditFen: adjustmentFen });
  if (adjustmentFen < 0) lines.push({ account: accounts.earned, debitFen: -adjustmentFen });
  return lines;
}

/**
 * Takes back interest accrued for nights that turned out not to earn it (a payoff that
 * settles after its nights were closed). Returns the journal lines of the reversal.
 */
export function reverseAccrualLines(state: AccrualStateDocument, exactMicroFen: bigint): JournalLine[] {
  const accounts = accountsOf(state._id);
  const releasedFen = release(state, exactMicroFen, 'reversing');
  if (releasedFen === 0) return [];
  return [
    { account: accounts.earned, debitFen: releasedFen },
    { account: accounts.accrued, creditFen: releasedFen },
  ];
}

function release(state: AccrualStateDocument, exactMicroFen: bigint, what: string): number {
  const accrued = BigInt(state.accruedMicroFen);
  if (exactMicroFen > accrued) {
    throw new Error(`${what} ${exactMicroFen} micro-fen exceeds the ${accrued} accrued for ${state._id}; accrue first`);
  }
  const remaining = accrued - exactMicroFen;
  state.accruedMicroFen = remaining.toString();
  return Number(floorFen(accrued) - floorFen(remaining));
}

import type { StoredDocument, Transaction } from '../../adapters/storage/port';
import { addDays } from '../../core/dates';

/**
 * Interest accrual per funder without a write per loan per night.
 *
 * Each active loan contributes `its principal share (fen) × daily rate (ppm)` to a funder's
 * nightly interest, in micro-fen (1e-6 fen). A loan registers the changes of its
 * contribution by business date when it starts (up at the draw date, down at each due
 * date), and an early payoff registers the difference. A funder's rate for a night is the
 * previous night's rate plus that night's changes, so a night costs two document reads.
 *
 * Rounding: the exact accrued interest is kept in micro-fen; the funder's accrued-interest
 * account always contains floor(exact / 1e6) fen. When a period's interest is billed (rounded
 * half up once per period), the exact amount leaves the accrued total and the billed fen
 * become receivable; the difference of at most a fen adjusts the interest earned.
 */
export const ACCRUAL_STATE = 'accrual_state';
export const ACCRUAL_CHANGES = 'accrual_changes';

/** `platform`, or a partner bank's id. */
export type Funder = string;
export const PLATFORM: Funder = 'platform';

export interface AccrualStateDocument extends StoredDocument {
  /** Last business date whose night has been accrued, or null before the first loan. */
  lastAccruedNight: string | null;
  /** Interest per night at `lastAccruedNight`, in micro-fen. */
  ratePerNightMicroFen: number;
  /** Exact accrued and not yet billed interest in micro-fen, as a decimal integer string. */
  accruedMicroFen: string;
}

export interface AccrualChangeDocument extends StoredDocument {
  /** Change of the nightly interest from this business date on, in micro-fen. */
  deltaMicroFen: number;
}

export const MICRO_PER_FEN = 1_000_000n;

/** Ledger accounts of one funder's interest. */
export interface FunderInterestAccounts {
  accrued: string;
  receivable: string;
  /** Account of earned interest: income for the platform, a payable for a partner. */
  earned: string;
  /** Account that receives collected principal: the lending pool or the partner's facility. */
  funds: string;
  /** Account that receives collected interest and penalty. */
  interestCash: string;
  principal: string;
  /** Account of collected penalty interest. */
  penalty: string;
}

export function accountsOf(funder: Funder): FunderInterestAccounts {
  if (funder === PLATFORM) {
    return {
      accrued: 'interest_accrued',
      receivable: 'interest_receivable',
      earned: 'interest_income',
      funds: 'platform_funds',
      interestCash: 'platform_funds',
      principal: 'loans_principal_receivable',
      penalty: 'penalty_income',
    };
  }
  return {
    accrued: `partner_interest_accrued:${funder}`,
    receivable: `partner_interest_receivable:${funder}`,
    earned: `partner_interest_payable:${funder}`,
    funds: `partner_funds:${funder}`,
    // Interest owed to the partner must not become lendable facility before settlement.
    interestCash: `partner_interest_cash:${funder}`,
    principal: `partner_principal_receivable:${funder}`,
    penalty: `partner_interest_payable:${funder}`,
  };
}

/** Reads a funder's accrual state inside a transaction, or a fresh one on first use. */
export async function readAccrualState(tx: Transaction, funder: Funder): Promise<AccrualStateDocument> {
  const existing = await tx.get<AccrualStateDocument>(ACCRUAL_STATE, funder);
  if (existing) return existing;
  return { _id: funder, lastAccruedNight: null, ratePerNightMicroFen: 0, accruedMicroFen: '0' };
}

export async function writeAccrualState(tx: Transaction, state: AccrualStateDocument): Promise<void> {
  await tx.set(ACCRUAL_STATE, state);
}

export function changeId(funder: Funder, businessDate: string): string {
  return `${funder}:${businessDate}`;
}

/**
 * Registers a change of a funder's nightly interest from `businessDate` on. Changes may
 * only be registered for nights not yet accrued; an earlier date is a programming error.
 */
export async function registerRateChange(
  tx: Transaction,
  state: AccrualStateDocument,
  businessDate: string,
  deltaMicroFen: number,
): Promise<void> {
  if (!Number.isSafeInteger(deltaMicroFen)) throw new RangeError(`rate change ${deltaMicroFen} is not a safe integer`);
  if (deltaMicroFen === 0) return;
  if (state.lastAccruedNight !== null && businessDate <= state.lastAccruedNight) {
    throw new Error(`rate change for ${businessDate} comes after its night was accrued (${state.lastAccruedNight})`);
  }
  const id = changeId(state._id, businessDate);
  const existing = await tx.get<AccrualChangeDocument>(ACCRUAL_CHANGES, id);
  if (existing) await tx.update(ACCRUAL_CHANGES, id, { deltaMicroFen: { $inc: deltaMicroFen } });
  else await tx.create(ACCRUAL_CHANGES, { _id: id, deltaMicroFen });
}

/** Sets the first accrued night just before the funder's first loan starts, on first use. */
export function startAccrualBefore(state: AccrualStateDocument, businessDate: string): void {
  if (state.lastAccruedNight === null) state.lastAccruedNight = addDays(businessDate, -1);
}

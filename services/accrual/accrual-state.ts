import type { StoredDocument, Transaction } from '../../adapters/storage/port';
import { addDays } from '../../core/dates';

/**
 * Portfolio-wide interest accrual without a write per loan per night.
 *
 * Each active loan contributes `outstanding principal (fen) × daily rate (ppm)` to the
 * night's interest, in micro-fen (1e-6 fen). Instead of visiting every loan, a loan
 * registers the changes of its contribution by business date when it starts, and each
 * repayment that changes the principal registers the difference. The nightly rate is the
 * previous night's rate plus that night's changes, so a night costs two document reads.
 *
 * Rounding: the exact accrued interest is kept in micro-fen; the ledger account
 * `interest_accrued` always holds floor(exact / 1e6) fen. When a period's interest is
 * billed (rounded half up once per period), the exact amount leaves the accrued total and
 * the billed fen go to `interest_receivable`; the at most ±1 fen between the two is a
 * rounding adjustment of interest income.
 */
export const ACCRUAL_STATE = 'accrual_state';
export const ACCRUAL_CHANGES = 'accrual_changes';
const PORTFOLIO_ID = 'portfolio';

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

/** Reads the portfolio accrual state inside a transaction, creating it on first use. */
export async function readAccrualState(tx: Transaction): Promise<AccrualStateDocument> {
  const existing = await tx.get<AccrualStateDocument>(ACCRUAL_STATE, PORTFOLIO_ID);
  if (existing) return existing;
  return { _id: PORTFOLIO_ID, lastAccruedNight: null, ratePerNightMicroFen: 0, accruedMicroFen: '0' };
}

export async function writeAccrualState(tx: Transaction, state: AccrualStateDocument): Promise<void> {
  await tx.set(ACCRUAL_STATE, state);
}

/**
 * Registers a change of the nightly interest from `businessDate` on. Changes may only be
 * registered for nights not yet accrued; an earlier date is a programming error.
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
  const existing = await tx.get<AccrualChangeDocument>(ACCRUAL_CHANGES, businessDate);
  if (existing) await tx.update(ACCRUAL_CHANGES, businessDate, { deltaMicroFen: { $inc: deltaMicroFen } });
  else await tx.create(ACCRUAL_CHANGES, { _id: businessDate, deltaMicroFen });
}

/** Sets the first accrued night just before the first loan's start, on first use. */
export function startAccrualBefore(state: AccrualStateDocument, businessDate: string): void {
  if (state.lastAccruedNight === null) state.lastAccruedNight = addDays(businessDate, -1);
}

import { LoanError } from './errors';
import { allocateFen } from './money';
import type { Installment } from './schedule/types';

/**
 * Co-lending splits. A co-lent draw is funded by the platform and one partner bank; every
 * amount (principal, each installment's principal and interest, payments) is split in fen
 * so that the parts add up exactly.
 */

/** The platform's minimum share of every co-lent loan: 30%, in parts per million. */
export const PLATFORM_MIN_SHARE_PPM = 300_000;
const PPM = 1_000_000;

/**
 * Splits a draw's principal between the platform and a partner whose share is at most
 * `partnerMaxSharePpm`. Rule: largest remainder on the ratio, then the platform's part is
 * raised to ceil(30% of the principal) if rounding left it below; the fen comes from the
 * partner. Returns `[platformFen, partnerFen]`.
 */
export function splitPrincipal(principalFen: number, partnerSharePpm: number): [number, number] {
  if (!Number.isSafeInteger(partnerSharePpm) || partnerSharePpm < 0 || partnerSharePpm > PPM - PLATFORM_MIN_SHARE_PPM) {
    throw new LoanError('INVALID_INPUT', `partner share must be 0 to 70% in ppm; got ${partnerSharePpm}.`, 'partnerSharePpm');
  }
  const [platformFen, partnerFen] = allocateFen(principalFen, [PPM - partnerSharePpm, partnerSharePpm]);
  const floorFen = Number((BigInt(principalFen) * BigInt(PLATFORM_MIN_SHARE_PPM) + BigInt(PPM - 1)) / BigInt(PPM));
  if (platformFen >= floorFen) return [platformFen, partnerFen];
  return [floorFen, principalFen - floorFen];
}

/**
 * Splits each installment's principal between funders so that each funder's parts add up to
 * its share exactly: the cumulative principal through each installment is allocated by the
 * shares (largest remainder), and an installment gets the difference of two cumulatives.
 * Returns one array per funder, in the order of `sharesFen`.
 */
export function splitInstallmentPrincipal(installments: readonly Installment[], sharesFen: readonly number[]): number[][] {
  const parts = sharesFen.map(() => [] as number[]);
  let cumulativeFen = 0;
  let previous = sharesFen.map(() => 0);
  for (const row of installments) {
    cumulativeFen += row.principalFen;
    const current = allocateFen(cumulativeFen, sharesFen);
    current.forEach((value, funder) => {
      const part = value - previous[funder];
      if (part < 0) throw new Error(`installment ${row.number} gives funder ${funder} a negative principal share`);
      parts[funder].push(part);
    });
    previous = current;
  }
  return parts;
}

/**
 * Splits an amount between funders in proportion to `weights` (largest remainder). When
 * every weight is zero the amount must be zero, and each funder gets zero.
 */
export function splitByWeights(amountFen: number, weights: readonly (number | bigint)[]): number[] {
  const asNumbers = weights.map((weight) => Number(weight));
  if (asNumbers.every((weight) => weight === 0)) {
    if (amountFen !== 0) throw new Error(`cannot split ${amountFen} fen over zero weights`);
    return asNumbers.map(() => 0);
  }
  return allocateFen(amountFen, asNumbers);
}

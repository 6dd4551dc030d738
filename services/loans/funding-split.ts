import { splitByWeights, splitInstallmentPrincipal } from '../../core/colending';
import { daysBetween } from '../../core/dates';
import type { Funder } from '../accrual/accrual-state';
import type { DrawDocument } from './draw-document';

/** Exact interest of a period in micro-fen: principal × rate (ppm) × nights. */
export function exactInterestMicroFen(principalFen: number, dailyRatePpm: number, nights: number): bigint {
  return BigInt(principalFen) * BigInt(dailyRatePpm) * BigInt(nights);
}

/** One funder's part of a draw: its principal share and its part of every installment. */
export interface FunderPart {
  funder: Funder;
  principalFen: number;
  /** Principal of each installment funded by this funder. */
  installmentPrincipalFen: number[];
}

/** Splits a draw by funder; a draw funded by the platform alone has one part. */
export function funderParts(draw: DrawDocument): FunderPart[] {
  const shares = draw.funding.map((item) => item.principalFen);
  const perInstallment = splitInstallmentPrincipal(draw.installments, shares);
  return draw.funding.map((item, index) => ({
    funder: item.funder,
    principalFen: item.principalFen,
    installmentPrincipalFen: perInstallment[index],
  }));
}

/** Returns a funder's principal outstanding at the start of installment `index` (0-based). */
export function openingPrincipalFen(part: FunderPart, index: number): number {
  let opening = part.principalFen;
  for (let i = 0; i < index; i++) opening -= part.installmentPrincipalFen[i];
  return opening;
}

/** Returns each funder's exact interest for installment `index`, in micro-fen. */
export function installmentExactInterest(draw: DrawDocument, parts: FunderPart[], index: number): bigint[] {
  const start = index === 0 ? draw.drawDate : draw.installments[index - 1].dueDate;
  const nights = daysBetween(start, draw.installments[index].dueDate);
  return parts.map((part) => exactInterestMicroFen(openingPrincipalFen(part, index), draw.dailyRatePpm, nights));
}

/** Splits installment `index`'s scheduled interest between funders in proportion to their exact interest. */
export function installmentInterestParts(draw: DrawDocument, parts: FunderPart[], index: number): number[] {
  return splitByWeights(draw.installments[index].interestFen, installmentExactInterest(draw, parts, index));
}

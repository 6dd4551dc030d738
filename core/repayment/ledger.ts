import { addDays, daysBetween } from '../dates';
import { interestFen, penaltyInterestFen } from '../interest';
import type { Installment } from '../schedule/types';
import type { AllocationBucket, LoanTerms, Payment, PaymentAllocation } from './types';

/*
 * Running balances of one draw, advanced through due dates and payments in date order.
 *
 * Accrual segments: interest on principal not yet due, and penalty interest on one
 * installment's overdue principal, accrue from a segment start and are rounded once when
 * the segment ends. A segment ends when its principal changes (a due date, or a payment
 * of that principal), never merely because interest was paid.
 */

/** Balances of one installment. */
export interface LedgerInstallment {
  scheduled: Installment;
  isDue: boolean;
  principalOutstandingFen: number;
  interestChargedFen: number;
  interestPaidFen: number;
  penaltyCrystallizedFen: number;
  penaltyStartDate: string;
  penaltyPaidFen: number;
  settledDate?: string;
}

/** The accrual on principal not yet due since the last due date, draw date or prepayment. */
interface CurrentAccrual {
  crystallizedFen: number;
  paidFen: number;
  startDate: string;
}

/** Mutable balances of a draw, internal to the repayment module. */
export class LoanLedger {
  readonly installments: LedgerInstallment[];
  notDuePrincipalFen: number;
  private current: CurrentAccrual;

  constructor(readonly terms: LoanTerms) {
    this.installments = terms.installments.map((scheduled) => ({
      scheduled,
      isDue: false,
      principalOutstandingFen: scheduled.principalFen,
      interestChargedFen: 0,
      interestPaidFen: 0,
      penaltyCrystallizedFen: 0,
      penaltyStartDate: scheduled.dueDate,
      penaltyPaidFen: 0,
    }));
    this.notDuePrincipalFen = terms.principalFen;
    this.current = { crystallizedFen: 0, paidFen: 0, startDate: terms.drawDate };
  }

  /**
   * Makes due every installment whose due date is on or before `date`. An installment
   * with principal left is charged the interest accrued on principal not yet due up to
   * its due date, and its principal stops accruing normal interest.
   */
  advanceTo(date: string): void {
    for (const item of this.installments) {
      if (item.isDue || item.scheduled.dueDate > date) continue;
      item.isDue = true;
      if (item.principalOutstandingFen === 0) continue;

      const dueDate = item.scheduled.dueDate;
      item.interestChargedFen = this.currentAccruedFen(dueDate);
      item.interestPaidFen = this.current.paidFen;
      this.current = { crystallizedFen: 0, paidFen: 0, startDate: dueDate };
      this.notDuePrincipalFen -= item.principalOutstandingFen;
    }
  }

  /** Interest accrued on principal not yet due up to `date`, paid or not. */
  currentAccruedFen(date: string): number {
    const days = daysBetween(this.current.startDate, date);
    const accrued = interestFen(this.notDuePrincipalFen, this.terms.dailyRatePpm, days);
    return this.current.crystallizedFen + accrued;
  }

  currentOutstandingFen(date: string): number {
    return this.currentAccruedFen(date) - this.current.paidFen;
  }

  /**
   * Penalty interest accrued on an installment up to `date`, paid or not. Nothing accrues
   * while `date` is within the grace day. After it, penalty runs from the due date.
   */
  penaltyAccruedFen(item: LedgerInstallment, date: string): number {
    if (!item.isDue || !isPastGrace(item, date)) return item.penaltyCrystallizedFen;
    const days = daysBetween(item.penaltyStartDate, date);
    const rate = this.terms.dailyRatePpm;
    const accruedFen = penaltyInterestFen(item.principalOutstandingFen, rate, days);
    return item.penaltyCrystallizedFen + accruedFen;
  }

  penaltyOutstandingFen(item: LedgerInstallment, date: string): number {
    return this.penaltyAccruedFen(item, date) - item.penaltyPaidFen;
  }

  /**
   * Applies a payment in the order penalty interest, due interest, due principal, current
   * interest, current principal, and within each bucket to the oldest installment first.
   * Returns the allocation and the amount left over, which the caller treats as an
   * overpayment.
   */
  applyPayment(payment: Payment): { allocation: PaymentAllocation; leftoverFen: number } {
    const date = payment.paymentDate;
    this.advanceTo(date);
    const split = new PaymentSplit(payment);

    const due = this.installments.filter((item) => item.isDue);
    for (const item of due) {
      const outstandingFen = this.penaltyOutstandingFen(item, date);
      item.penaltyPaidFen += split.take(item, 'penaltyInterest', outstandingFen);
    }
    for (const item of due) {
      const outstandingFen = item.interestChargedFen - item.interestPaidFen;
      item.interestPaidFen += split.take(item, 'dueInterest', outstandingFen);
    }
    for (const item of due) {
      this.payDuePrincipal(item, date, split);
    }

    const next = this.installments.find((item) => !item.isDue && item.principalOutstandingFen > 0);
    if (next !== undefined) {
      this.current.paidFen += split.take(next, 'currentInterest', this.currentOutstandingFen(date));
      if (split.restFen > 0) this.payCurrentPrincipal(date, split);
    }
    return { allocation: split.allocation, leftoverFen: split.restFen };
  }

  private payDuePrincipal(item: LedgerInstallment, date: string, split: PaymentSplit): void {
    if (item.principalOutstandingFen === 0 || split.restFen === 0) return;
    // Close the penalty segment on the old principal before the principal changes.
    if (isPastGrace(item, date)) {
      item.penaltyCrystallizedFen = this.penaltyAccruedFen(item, date);
      item.penaltyStartDate = date;
    }
    item.principalOutstandingFen -= split.take(item, 'duePrincipal', item.principalOutstandingFen);
    this.settleIfClear(item, date);
  }

  private payCurrentPrincipal(date: string, split: PaymentSplit): void {
    for (const item of this.installments) {
      if (item.isDue || item.principalOutstandingFen === 0) continue;
      // Close the current segment on the old principal before the principal changes.
      this.current.crystallizedFen = this.currentAccruedFen(date);
      this.current.startDate = date;
      const paidFen = split.take(item, 'currentPrincipal', item.principalOutstandingFen);
      if (paidFen === 0) return;
      item.principalOutstandingFen -= paidFen;
      this.notDuePrincipalFen -= paidFen;
      if (item.principalOutstandingFen > 0) return;

      // Paid off early: the installment carries the interest accrued so far, all paid.
      item.interestChargedFen = this.current.crystallizedFen;
      item.interestPaidFen = this.current.paidFen;
      this.current = { crystallizedFen: 0, paidFen: 0, startDate: date };
      item.settledDate = date;
    }
  }

  private settleIfClear(item: LedgerInstallment, date: string): void {
    const clear =
      item.principalOutstandingFen === 0 &&
      item.interestChargedFen === item.interestPaidFen &&
      item.penaltyCrystallizedFen === item.penaltyPaidFen;
    if (clear && item.settledDate === undefined) {
      item.settledDate = isPastGrace(item, date) ? date : item.scheduled.dueDate;
    }
  }
}

/** True when `date` is after the grace day (the day after the due date). */
export function isPastGrace(item: LedgerInstallment, date: string): boolean {
  return date > addDays(item.scheduled.dueDate, 1);
}

/** A payment being divided among buckets; `take` hands out what is left, in call order. */
class PaymentSplit {
  readonly allocation: PaymentAllocation;
  restFen: number;

  constructor(payment: Payment) {
    this.allocation = emptyAllocation(payment);
    this.restFen = payment.amountFen;
  }

  take(item: LedgerInstallment, bucket: AllocationBucket, availableFen: number): number {
    const amountFen = Math.min(this.restFen, availableFen);
    if (amountFen <= 0) return 0;
    this.restFen -= amountFen;
    this.allocation[`${bucket}Fen`] += amountFen;
    this.allocation.lines.push({ installmentNumber: item.scheduled.number, bucket, amountFen });
    return amountFen;
  }
}

function emptyAllocation(payment: Payment): PaymentAllocation {
  return {
    ...(payment.id === undefined ? {} : { id: payment.id }),
    paymentDate: payment.paymentDate,
    amountFen: payment.amountFen,
    penaltyInterestFen: 0,
    dueInterestFen: 0,
    duePrincipalFen: 0,
    currentInterestFen: 0,
    currentPrincipalFen: 0,
    lines: [],
  };
}

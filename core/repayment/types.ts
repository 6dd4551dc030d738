import type { Installment } from '../schedule/types';

/** A disbursed draw and its schedule: everything the loan state is computed from. */
export interface LoanTerms {
  principalFen: number;
  dailyRatePpm: number;
  /** Business date of disbursement; interest accrues from this night. */
  drawDate: string;
  /** The draw's schedule; principal must sum to principalFen. */
  installments: readonly Installment[];
}

/** A repayment received, dated on the business calendar (Asia/Shanghai). */
export interface Payment {
  paymentDate: string;
  amountFen: number;
  /** Caller's reference, copied to the allocation. */
  id?: string;
}

/** Bucket of a payment allocation, listed in allocation order. */
export type AllocationBucket =
  | 'penaltyInterest'
  | 'dueInterest'
  | 'duePrincipal'
  | 'currentInterest'
  | 'currentPrincipal';

/** One part of a payment applied to one installment. */
export interface AllocationLine {
  installmentNumber: number;
  bucket: AllocationBucket;
  amountFen: number;
}

/** Allocation of one payment. The bucket totals add up to amountFen. */
export interface PaymentAllocation {
  id?: string;
  paymentDate: string;
  amountFen: number;
  penaltyInterestFen: number;
  /** Interest of installments past their due date, in grace or overdue. */
  dueInterestFen: number;
  /** Principal of installments past their due date, in grace or overdue. */
  duePrincipalFen: number;
  /** Interest accrued on principal not yet due, up to the payment date. */
  currentInterestFen: number;
  /** Early repayment of principal not yet due, applied to the nearest installments. */
  currentPrincipalFen: number;
  lines: AllocationLine[];
}

/**
 * Status of an installment on a date.
 * - `upcoming`: not due, nothing paid.
 * - `partlyPaid`: not due, some principal paid early.
 * - `due`: on the due date or the grace day after it, not fully paid.
 * - `overdue`: past the grace day, not fully paid.
 * - `paid`: settled.
 */
export type InstallmentStatus = 'upcoming' | 'partlyPaid' | 'due' | 'overdue' | 'paid';

/** One installment as of a date. */
export interface InstallmentState {
  number: number;
  dueDate: string;
  status: InstallmentStatus;
  scheduledPrincipalFen: number;
  scheduledInterestFen: number;
  principalPaidFen: number;
  principalOutstandingFen: number;
  /** Interest charged to this installment so far (fixed at its due date or early payoff). */
  interestChargedFen: number;
  interestPaidFen: number;
  /** Penalty interest accrued up to the as-of date, paid or not. */
  penaltyInterestFen: number;
  penaltyInterestPaidFen: number;
  /** Date the installment was settled; a payment in grace counts on the due date. */
  settledDate?: string;
  /** Days from the due date to settlement (or the as-of date); 0 when paid within grace. */
  overdueDays: number;
}

/** A draw as of a date, computed from its terms and the payments so far. */
export interface LoanState {
  asOfDate: string;
  installments: InstallmentState[];
  /** Principal of installments not yet due. */
  notDuePrincipalFen: number;
  /** All principal not yet repaid, due or not. */
  outstandingPrincipalFen: number;
  /** Unpaid interest accrued on principal not yet due, up to the as-of date. */
  currentInterestFen: number;
  /** Unpaid interest of installments past their due date. */
  dueInterestFen: number;
  /** Unpaid principal of installments past their due date. */
  duePrincipalFen: number;
  /** Unpaid penalty interest up to the as-of date. */
  penaltyInterestFen: number;
  /** Amount that clears everything past due on the as-of date. */
  amountDueFen: number;
  /** Amount that settles the whole draw on the as-of date. */
  payoffFen: number;
  totalPaidFen: number;
  isClosed: boolean;
  allocations: PaymentAllocation[];
}

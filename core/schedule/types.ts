/**
 * Repayment method of a draw: equal principal (等额本金, the product default) or equal
 * installments (等额本息, a product setting).
 */
export type RepaymentMethod = 'equalPrincipal' | 'equalInstallment';

/** One row of a schedule without dates (monthly-rate schedules). */
export interface ScheduleRow {
  /** 1-based installment number. */
  number: number;
  /** Principal outstanding at the start of the period. */
  openingPrincipalFen: number;
  principalFen: number;
  interestFen: number;
  /** principalFen + interestFen. */
  totalFen: number;
}

/** One installment of a dated draw schedule. */
export interface Installment extends ScheduleRow {
  /** Business date (Asia/Shanghai) on which the installment falls due. */
  dueDate: string;
}

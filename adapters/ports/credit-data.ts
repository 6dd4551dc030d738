/**
 * Behavioural data behind a credit decision: six months of a card's repayment status,
 * bills and payments, in the columns of the Taiwan credit-card default dataset.
 */
export interface BehaviourProfile {
  /** Credit limit on the card, in NT dollars. */
  limitBalance: number;
  age: number;
  education: number;
  /** Repayment status, most recent first (PAY_0, PAY_2..PAY_6): -2..-1 paid, n = n months late. */
  repaymentStatus: number[];
  /** Bill amounts, most recent first (BILL_AMT1..6). */
  billAmounts: number[];
  /** Payment amounts, most recent first (PAY_AMT1..6). */
  paymentAmounts: number[];
}

export interface CreditDataProvider {
  /** The profile for a verified ID number, or null when the bureau has no file. */
  profileFor(idNumber: string): Promise<BehaviourProfile | null>;
}

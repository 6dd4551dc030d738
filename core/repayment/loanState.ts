import { assertDate, daysBetween } from '../dates';
import { LoanError } from '../errors';
import { formatYuan } from '../money';
import { LoanLedger, isPastGrace, type LedgerInstallment } from './ledger';
import type {
  InstallmentState,
  InstallmentStatus,
  LoanState,
  LoanTerms,
  Payment,
  PaymentAllocation,
} from './types';
import { assertLoanTerms, assertPayment } from './validateTerms';

/**
 * Computes a draw's state on `asOfDate` from its terms and every payment so far, replayed
 * in date order (payments on the same date in the order given). The result depends only
 * on the inputs, so services can store it and recompute it at any time.
 *
 * Throws LoanError INVALID_INPUT for inconsistent terms, payments dated outside the draw
 * date and `asOfDate`, or a payment above the payoff amount on its date.
 */
export function computeLoanState(
  terms: LoanTerms,
  payments: readonly Payment[],
  asOfDate: string,
): LoanState {
  const ledger = replayPayments(terms, payments, asOfDate);
  const allocations = ledger.allocations;
  ledger.ledger.advanceTo(asOfDate);

  const installments = ledger.ledger.installments.map((item) =>
    describeInstallment(ledger.ledger, item, asOfDate),
  );
  const due = ledger.ledger.installments.filter((item) => item.isDue);
  const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

  const notDuePrincipalFen = ledger.ledger.notDuePrincipalFen;
  const duePrincipalFen = sum(due.map((item) => item.principalOutstandingFen));
  const dueInterestFen = sum(due.map((item) => item.interestChargedFen - item.interestPaidFen));
  const penaltyInterestFen = sum(
    due.map((item) => ledger.ledger.penaltyOutstandingFen(item, asOfDate)),
  );
  const currentInterestFen = ledger.ledger.currentOutstandingFen(asOfDate);
  const amountDueFen = duePrincipalFen + dueInterestFen + penaltyInterestFen;
  const payoffFen = amountDueFen + notDuePrincipalFen + currentInterestFen;

  return {
    asOfDate,
    installments,
    notDuePrincipalFen,
    outstandingPrincipalFen: notDuePrincipalFen + duePrincipalFen,
    currentInterestFen,
    dueInterestFen,
    duePrincipalFen,
    penaltyInterestFen,
    amountDueFen,
    payoffFen,
    totalPaidFen: sum(allocations.map((allocation) => allocation.amountFen)),
    isClosed: payoffFen === 0 && notDuePrincipalFen + duePrincipalFen === 0,
    allocations,
  };
}

/**
 * Returns the amount that settles the whole draw on `date`: principal not yet due,
 * interest on it since the last due date (or the draw date), and every installment past
 * its due date with its penalty interest. Early payoff carries no fee.
 */
export function payoffAmountFen(
  terms: LoanTerms,
  payments: readonly Payment[],
  date: string,
): number {
  return computeLoanState(terms, payments, date).payoffFen;
}

/**
 * Returns how a new payment would be applied after the payments so far, without storing
 * anything. Throws LoanError INVALID_INPUT when it exceeds the payoff amount on its date.
 */
export function allocatePayment(
  terms: LoanTerms,
  payments: readonly Payment[],
  payment: Payment,
): PaymentAllocation {
  const later = payments.find((earlier) => earlier.paymentDate > payment.paymentDate);
  if (later !== undefined) {
    throw new LoanError(
      'INVALID_INPUT',
      `Payment date ${payment.paymentDate} is before an existing payment on ` +
        `${later.paymentDate}; record payments in date order.`,
      'paymentDate',
    );
  }
  const state = computeLoanState(terms, [...payments, payment], payment.paymentDate);
  return state.allocations[state.allocations.length - 1];
}

function replayPayments(terms: LoanTerms, payments: readonly Payment[], asOfDate: string) {
  assertLoanTerms(terms);
  assertDate(asOfDate, 'asOfDate');
  payments.forEach((payment) => assertPayment(payment, terms.drawDate, asOfDate));

  const ledger = new LoanLedger(terms);
  const ordered = payments
    .map((payment, index) => ({ payment, index }))
    .sort((a, b) => {
      const byDate = a.payment.paymentDate.localeCompare(b.payment.paymentDate);
      return byDate === 0 ? a.index - b.index : byDate;
    });

  const allocations = ordered.map(({ payment }) => {
    const { allocation, leftoverFen } = ledger.applyPayment(payment);
    if (leftoverFen > 0) {
      const payoff = formatYuan(payment.amountFen - leftoverFen);
      throw new LoanError(
        'INVALID_INPUT',
        `Payment of ${formatYuan(payment.amountFen)} yuan on ${payment.paymentDate} exceeds ` +
          `the ${payoff} yuan that settles the draw; pay at most the payoff amount.`,
        'amountFen',
        { payoffFen: payment.amountFen - leftoverFen },
      );
    }
    return allocation;
  });
  return { ledger, allocations };
}

function describeInstallment(
  ledger: LoanLedger,
  item: LedgerInstallment,
  asOfDate: string,
): InstallmentState {
  const penaltyInterestFen = ledger.penaltyAccruedFen(item, asOfDate);
  const status = installmentStatus(ledger, item, asOfDate);
  const dueDate = item.scheduled.dueDate;
  const lateUntil = item.settledDate ?? asOfDate;
  const overdueDays = isPastGrace(item, lateUntil) ? daysBetween(dueDate, lateUntil) : 0;

  return {
    number: item.scheduled.number,
    dueDate,
    status,
    scheduledPrincipalFen: item.scheduled.principalFen,
    scheduledInterestFen: item.scheduled.interestFen,
    principalPaidFen: item.scheduled.principalFen - item.principalOutstandingFen,
    principalOutstandingFen: item.principalOutstandingFen,
    interestChargedFen: item.interestChargedFen,
    interestPaidFen: item.interestPaidFen,
    penaltyInterestFen,
    penaltyInterestPaidFen: item.penaltyPaidFen,
    ...(item.settledDate === undefined ? {} : { settledDate: item.settledDate }),
    overdueDays,
  };
}

function installmentStatus(
  ledger: LoanLedger,
  item: LedgerInstallment,
  asOfDate: string,
): InstallmentStatus {
  if (item.settledDate !== undefined) return 'paid';
  if (!item.isDue) {
    return item.principalOutstandingFen < item.scheduled.principalFen ? 'partlyPaid' : 'upcoming';
  }
  return isPastGrace(item, asOfDate) ? 'overdue' : 'due';
}

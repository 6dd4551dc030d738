import { assertDate } from '../dates';
import { LoanError } from '../errors';
import { assertFen } from '../money';
import type { LoanTerms, Payment } from './types';

/** Throws LoanError INVALID_INPUT unless the draw's terms form a consistent schedule. */
export function assertLoanTerms(terms: LoanTerms): void {
  assertFen(terms.principalFen, 'principalFen');
  assertFen(terms.dailyRatePpm, 'dailyRatePpm');
  assertDate(terms.drawDate, 'drawDate');
  if (terms.installments.length === 0) {
    throw new LoanError('INVALID_INPUT', 'The schedule has no installments.', 'installments');
  }

  let previousDate = terms.drawDate;
  let principalSumFen = 0;
  for (const installment of terms.installments) {
    assertDate(installment.dueDate, 'dueDate');
    assertFen(installment.principalFen, 'installments.principalFen');
    if (installment.dueDate <= previousDate) {
      throw new LoanError(
        'INVALID_INPUT',
        `Installment ${installment.number} is due on ${installment.dueDate}, ` +
          `which is not after ${previousDate}; due dates must increase after the draw date.`,
        'installments',
      );
    }
    previousDate = installment.dueDate;
    principalSumFen += installment.principalFen;
  }
  if (principalSumFen !== terms.principalFen) {
    throw new LoanError(
      'INVALID_INPUT',
      `Schedule principal sums to ${principalSumFen} fen, not the drawn ${terms.principalFen} fen.`,
      'installments',
    );
  }
}

/** Throws LoanError INVALID_INPUT unless a payment is positive and dated within the loan. */
export function assertPayment(payment: Payment, drawDate: string, asOfDate: string): void {
  assertFen(payment.amountFen, 'amountFen');
  if (payment.amountFen === 0) {
    throw new LoanError('INVALID_INPUT', 'Payment amount must be above zero.', 'amountFen');
  }
  assertDate(payment.paymentDate, 'paymentDate');
  if (payment.paymentDate < drawDate || payment.paymentDate > asOfDate) {
    throw new LoanError(
      'INVALID_INPUT',
      `Payment date ${payment.paymentDate} must fall between the draw date ${drawDate} ` +
        `and the as-of date ${asOfDate}.`,
      'paymentDate',
    );
  }
}

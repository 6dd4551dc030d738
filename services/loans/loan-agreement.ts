import { createHash } from 'node:crypto';
import type { QuotedAgreement, TermMonths } from '../../core/api';
import { loanAgreement } from '../../core/agreement';
import { LoanError } from '../../core/errors';
import type { DrawQuote } from '../../core/quote';

/** The figures of one quote or draw that its loan agreement states. */
export interface AgreementInput {
  amountFen: number;
  termMonths: TermMonths;
  dailyRatePpm: number;
  quote: DrawQuote;
  maskedBankCard: string;
}

/**
 * Writes the loan agreement for these figures with its digest: SHA-256 (hex) of the
 * agreement's JSON, so any change of version, date, rate, amount or card changes it.
 */
export function quotedAgreement(input: AgreementInput): QuotedAgreement {
  const { quote } = input;
  const agreement = loanAgreement({
    amountFen: input.amountFen,
    termMonths: input.termMonths,
    dailyRatePpm: input.dailyRatePpm,
    aprText: quote.apr.display,
    repaymentDay: quote.repaymentDay,
    firstDueDate: quote.installments[0].dueDate,
    lastDueDate: quote.installments[quote.installments.length - 1].dueDate,
    totalInterestFen: quote.totalInterestFen,
    totalRepaymentFen: quote.totalRepaymentFen,
    maskedBankCard: input.maskedBankCard,
  });
  const digest = createHash('sha256').update(JSON.stringify(agreement)).digest('hex');
  return { ...agreement, digest };
}

/**
 * Checks that the borrower accepted exactly this agreement, the one for the terms a draw is
 * about to be made on. Throws CONFLICT on field `agreementDigest` when the accepted quote is
 * out of date (an earlier day, another rate, a new agreement version).
 */
export function requireAcceptedAgreement(agreement: QuotedAgreement, acceptedDigest: string): void {
  if (agreement.digest !== acceptedDigest) {
    throw new LoanError(
      'CONFLICT',
      '借款条件已更新（日期、利率或借款合同有变化），请重新查看还款计划并确认借款合同。',
      'agreementDigest',
    );
  }
}

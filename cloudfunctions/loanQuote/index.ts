import { z } from 'zod';
import { defineFunction } from '../../services/platform/handler';
import { fenAmount, termMonths } from '../../services/platform/schemas';
import { quoteLoan } from '../../services/loans/quote-loan';

const input = z.strictObject({ amountFen: fenAmount('amountFen'), termMonths });

/** Loan quote: every installment and the APR, before the borrower confirms. */
export const main = defineFunction({
  name: 'loanQuote',
  caller: 'required',
  input,
  run: (request, { caller, services }) => quoteLoan(services, caller!, request.amountFen, request.termMonths),
});

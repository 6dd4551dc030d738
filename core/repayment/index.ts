export * from './types';
export { computeLoanState, payoffAmountFen, allocatePayment } from './loanState';
export { assertLoanTerms, assertPayment } from './validateTerms';

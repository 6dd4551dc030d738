import type {
  AccountStatus,
  ConsentKind,
  CreditLineView,
  DrawView,
  FaceChallenge,
  FaceVerifyResult,
  LoanDetail,
  LoanQuote,
  LivenessFrameInput,
  LoanSummary,
  OpenAccountResult,
  RepaymentKind,
  RepaymentQuote,
  RepaymentView,
  SendCodeResult,
  TermMonths,
} from '@core/api';
import { callCloud } from './cloud';

/** Typed calls of every cloud function the app uses; all go through `callCloud`. */

/** Fetches where the borrower is in the journey and whether they are invited. */
export function fetchAccountStatus(): Promise<AccountStatus> {
  return callCloud('account', { action: 'status' });
}

/** Sends an SMS code to `phone`. */
export function sendSmsCode(phone: string): Promise<SendCodeResult> {
  return callCloud('account', { action: 'sendCode', phone });
}

/** Fields of the account-opening form, already normalised by the core validators. */
export interface OpenAccountInput {
  name: string;
  idNumber: string;
  bankCard: string;
  phone: string;
  code: string;
  consents: Record<ConsentKind, string>;
}

/** Opens the account with the four elements, the SMS code and the accepted consents. */
export function openAccount(input: OpenAccountInput): Promise<OpenAccountResult> {
  return callCloud('account', { action: 'open', ...input });
}

/**
 * Compares one selfie (base64 JPEG or PNG, no data: prefix) with the photo on file, without
 * liveness. The server accepts it only in the embedded sandbox.
 */
export function verifyFace(selfieBase64: string): Promise<FaceVerifyResult> {
  return callCloud('faceVerify', { action: 'verify', selfieBase64 });
}

/** Asks for a liveness challenge: the actions to perform and a single-use nonce. */
export function requestFaceChallenge(): Promise<FaceChallenge> {
  return callCloud('faceVerify', { action: 'challenge' });
}

/** Sends the frames of a liveness challenge, in the challenge's order, for verification. */
export function verifyLiveness(
  nonce: string,
  frames: LivenessFrameInput[],
): Promise<FaceVerifyResult> {
  return callCloud('faceVerify', { action: 'verify', nonce, frames });
}

/** Runs the credit decision (`evaluate`) or reads the current one (`show`). */
export function fetchCreditLine(action: 'evaluate' | 'show'): Promise<CreditLineView> {
  return callCloud('creditLine', { action });
}

/** Quotes a draw: every installment, the APR and the totals. */
export function quoteLoan(amountFen: number, termMonths: TermMonths): Promise<LoanQuote> {
  return callCloud('loanQuote', { amountFen, termMonths });
}

/**
 * Draws money to the bound card under the loan agreement the borrower accepted, named by
 * its digest. A retry with the same key returns the same draw.
 */
export function drawLoan(
  amountFen: number,
  termMonths: TermMonths,
  idempotencyKey: string,
  agreementDigest: string,
): Promise<DrawView> {
  return callCloud('draw', { amountFen, termMonths, idempotencyKey, agreementDigest });
}

/** Lists the borrower's draws. */
export function listLoans(): Promise<LoanSummary[]> {
  return callCloud('loans', { action: 'list' });
}

/** Fetches one draw with its schedule and today's payoff amount. */
export function fetchLoanDetail(drawId: string): Promise<LoanDetail> {
  return callCloud('loans', { action: 'detail', drawId });
}

/** Quotes today's amount for the due installments or for paying the whole draw off. */
export function quoteRepayment(drawId: string, kind: RepaymentKind): Promise<RepaymentQuote> {
  return callCloud('repay', { action: 'quote', drawId, kind });
}

/** Pays the confirmed amount from the bound card. */
export function payRepayment(
  drawId: string,
  kind: RepaymentKind,
  amountFen: number,
  idempotencyKey: string,
): Promise<RepaymentView> {
  return callCloud('repay', { action: 'pay', drawId, kind, amountFen, idempotencyKey });
}

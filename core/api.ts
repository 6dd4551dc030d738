/**
 * Requests and results of the cloud functions, shared by the mini-program and the
 * functions. Amounts are integer fen, rates integer parts per million per day, dates
 * `YYYY-MM-DD` business dates in Asia/Shanghai. Every function returns a
 * {@link FunctionResult}: `ok: false` carries a stable code and a message for people.
 */
import type { LoanAgreement } from './agreement';
import type { ErrorCode } from './errors';

export type FunctionResult<T> =
  | { ok: true; requestId: string; data: T }
  | { ok: false; requestId: string; error: ApiError };

export interface ApiError {
  code: ErrorCode;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
}

export type ConsentKind = 'identity' | 'biometrics' | 'creditQuery' | 'automatedDecision';

/** Version of each consent text the borrower accepts; bump when a text changes. */
export const CONSENT_VERSIONS: Record<ConsentKind, string> = {
  identity: '2026-12-01',
  biometrics: '2026-12-01',
  creditQuery: '2026-12-01',
  automatedDecision: '2026-12-01',
};

/** Stage of the borrower's journey. */
export type AccountStage = 'new' | 'identity_verified' | 'face_verified' | 'credit_decided';

// ---- account ---------------------------------------------------------------------------

export interface AccountStatusRequest { action: 'status' }
export interface SendCodeRequest { action: 'sendCode'; phone: string }
export interface OpenAccountRequest {
  action: 'open';
  name: string;
  idNumber: string;
  bankCard: string;
  phone: string;
  code: string;
  /** Each consent's accepted version; all four are required. */
  consents: Record<ConsentKind, string>;
}
export type AccountRequest = AccountStatusRequest | SendCodeRequest | OpenAccountRequest;

export interface AccountStatus {
  stage: AccountStage;
  invited: boolean;
  maskedName?: string;
  maskedIdNumber?: string;
  maskedPhone?: string;
  maskedBankCard?: string;
  consents: { kind: ConsentKind; version: string; acceptedAt: string }[];
  faceAttemptsLeftToday: number;
}

export interface SendCodeResult {
  maskedPhone: string;
  expiresInSeconds: number;
  resendAfterSeconds: number;
}

export interface OpenAccountResult {
  status: AccountStatus;
  /** Non-blocking remarks, e.g. a card number that fails the Luhn check. */
  warnings: string[];
}

// ---- faceVerify ------------------------------------------------------------------------

/** A movement asked for in a liveness challenge; `turn_left` is the borrower's own left. */
export type LivenessAction = 'turn_left' | 'turn_right' | 'blink' | 'open_mouth';

/** Asks for a liveness challenge: a random sequence of 2 or 3 actions with a nonce. */
export interface FaceChallengeRequest { action: 'challenge' }

export interface FaceChallenge {
  /** Single-use id of this challenge; send it back with the frames. */
  nonce: string;
  /** The actions to guide the borrower through, in order. */
  actions: LivenessAction[];
  /** ISO instant after which the nonce is refused. */
  expiresAt: string;
  expiresInSeconds: number;
  /** Frames to send: at least one neutral frame plus one or more per action. */
  minFrames: number;
  maxFrames: number;
  attemptsLeftToday: number;
}

/** One camera frame, unmirrored. Omit `action` for a neutral frame facing the camera. */
export interface LivenessFrameInput {
  action?: LivenessAction;
  /** JPEG or PNG, base64 without a data: prefix, at most 700 KB decoded. */
  imageBase64: string;
}

/**
 * The frames for a challenge: 3 to 6, at least one neutral, each action of the challenge
 * at least once and in the challenge's order.
 */
export interface FaceLivenessVerifyRequest {
  action: 'verify';
  nonce: string;
  frames: LivenessFrameInput[];
}

/**
 * Single-selfie check without liveness. Accepted only when the sandbox tools are on (the
 * embedded setup); otherwise it fails with PRECONDITION_FAILED and the client must use
 * the challenge flow.
 */
export interface FaceSelfieVerifyRequest {
  action: 'verify';
  /** JPEG or PNG, base64 without a data: prefix, at most 4 MB decoded. */
  selfieBase64: string;
}

export type FaceVerifyRequest = FaceChallengeRequest | FaceLivenessVerifyRequest | FaceSelfieVerifyRequest;

/** Why a face check did not pass; each has its own message. */
export type FaceFailureReason =
  | 'no_match'
  | 'no_face'
  | 'multiple_faces'
  | 'unreadable_image'
  | 'different_people'
  | 'mirrored_frame'
  | 'action_not_performed'
  | 'challenge_not_found'
  | 'challenge_expired'
  | 'challenge_used';

export interface FaceVerifyResult {
  passed: boolean;
  /** Descriptor distance to the photo on file; lower is more alike. */
  distance?: number;
  threshold?: number;
  reason?: FaceFailureReason;
  /** 0-based index of the frame that failed, for liveness checks. */
  frameIndex?: number;
  /** The action that was not seen, with `action_not_performed`. */
  failedAction?: LivenessAction;
  /** Message for the borrower: what happened and what to do next. */
  message?: string;
  attemptsLeftToday: number;
  stage: AccountStage;
}

// ---- creditLine ------------------------------------------------------------------------

export interface CreditLineRequest { action: 'evaluate' | 'show' }

export interface ReasonCode { code: string; zh: string; en: string }

export interface CreditLineView {
  decision: 'approved' | 'declined';
  displayScore: number;
  lineFen: number;
  usedFen: number;
  availableFen: number;
  dailyRatePpm: number;
  /** APR of a typical draw at this rate, e.g. "18.25%". */
  aprText: string;
  reasons: ReasonCode[];
  modelVersion: string;
  decidedAt: string;
}

// ---- loanQuote -------------------------------------------------------------------------

export type TermMonths = 5 | 10 | 20;

export interface LoanQuoteRequest { amountFen: number; termMonths: TermMonths }

export interface InstallmentView {
  number: number;
  dueDate: string;
  principalFen: number;
  interestFen: number;
  totalFen: number;
}

export interface LoanQuote {
  amountFen: number;
  termMonths: TermMonths;
  dailyRatePpm: number;
  /** Annualized rate to two decimals, e.g. "18.25%"; shown more prominently than the daily rate. */
  aprText: string;
  aprBasisPoints: number;
  repaymentDay: number;
  drawDate: string;
  installments: InstallmentView[];
  totalInterestFen: number;
  totalRepaymentFen: number;
  /** The bound card the money goes to, masked to its last four digits (e.g. "**** 3255"). */
  maskedBankCard: string;
  /** The loan agreement for exactly these terms; the draw must name its digest. */
  agreement: QuotedAgreement;
}

/** A loan agreement with the SHA-256 digest (hex) of its text, which a draw sends back. */
export interface QuotedAgreement extends LoanAgreement {
  digest: string;
}

// ---- draw ------------------------------------------------------------------------------

export interface DrawRequest {
  amountFen: number;
  termMonths: TermMonths;
  /** Client-made key (UUID), stored before any money moves: a retry returns the same draw. */
  idempotencyKey: string;
  /**
   * Digest of the quote's loan agreement that the borrower accepted. It must match the
   * agreement for the terms the draw is made on, so a quote from an earlier day, at another
   * rate or of an older agreement version is rejected.
   */
  agreementDigest: string;
}

/** The loan agreement a draw was made under, as the borrower read it, and when it was accepted. */
export interface AcceptedAgreement extends QuotedAgreement {
  acceptedAt: string;
}

export type DrawStatus = 'disbursing' | 'active' | 'closed' | 'cancelled';

export interface InstallmentState extends InstallmentView {
  status: 'upcoming' | 'due' | 'overdue' | 'paid';
  paidFen: number;
  penaltyFen: number;
}

export interface DrawView {
  drawId: string;
  status: DrawStatus;
  principalFen: number;
  outstandingPrincipalFen: number;
  termMonths: TermMonths;
  dailyRatePpm: number;
  aprText: string;
  drawDate: string;
  maskedBankCard: string;
  installments: InstallmentState[];
  /** Reason the draw was cancelled, e.g. the payout failed. */
  cancelReason?: string;
  /** The loan agreement the borrower accepted; absent on draws made before agreements. */
  agreement?: AcceptedAgreement;
  /** A repayment (the borrower's or an auto-debit) is being collected from the card. */
  collecting: boolean;
}

// ---- loans -----------------------------------------------------------------------------

export type LoansRequest = { action: 'list' } | { action: 'detail'; drawId: string };

export interface LoanSummary {
  drawId: string;
  status: DrawStatus;
  principalFen: number;
  outstandingPrincipalFen: number;
  drawDate: string;
  nextDueDate?: string;
  nextDueFen?: number;
  overdue: boolean;
  /** A repayment is being collected from the card; amounts change once it settles. */
  collecting: boolean;
}

export interface LoanDetail extends DrawView {
  /** Amount that pays the whole draw off today. */
  payoffTodayFen: number;
  /** Amount due or overdue today. */
  dueTodayFen: number;
  businessDate: string;
}

// ---- repay -----------------------------------------------------------------------------

export type RepaymentKind = 'due' | 'payoff';

export type RepayRequest =
  | { action: 'quote'; drawId: string; kind: RepaymentKind }
  | {
      action: 'pay';
      drawId: string;
      kind: RepaymentKind;
      /** The amount the borrower confirmed; refused if today's amount differs. */
      amountFen: number;
      idempotencyKey: string;
    };

export interface RepaymentQuote {
  drawId: string;
  kind: RepaymentKind;
  amountFen: number;
  principalFen: number;
  interestFen: number;
  penaltyFen: number;
  businessDate: string;
}

export interface RepaymentView {
  repaymentId: string;
  drawId: string;
  status: 'collecting' | 'succeeded' | 'failed';
  amountFen: number;
  failureReason?: string;
  loan?: LoanDetail;
}

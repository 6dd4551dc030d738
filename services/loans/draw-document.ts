import type { StoredDocument } from '../../adapters/storage/port';
import type { AcceptedAgreement, DrawStatus, DrawView, InstallmentState as InstallmentView, TermMonths } from '../../core/api';
import { computeLoanState, type LoanState, type LoanTerms, type Payment } from '../../core/repayment';
import type { Installment, RepaymentMethod } from '../../core/schedule';

export const DRAWS = 'draws';
export const REPAYMENTS = 'repayments';
export const IDEMPOTENCY_KEYS = 'idempotency_keys';

/** A draw (one loan) and everything needed to recompute its state on any date. */
export interface DrawDocument extends StoredDocument {
  openId: string;
  status: DrawStatus;
  principalFen: number;
  termMonths: TermMonths;
  dailyRatePpm: number;
  method: RepaymentMethod;
  repaymentDay: number;
  /** Business date the money reached the card; interest accrues from this night. */
  drawDate: string;
  installments: Installment[];
  aprBasisPoints: number;
  aprText: string;
  maskedBankCard: string;
  /** Funders of the principal: the platform first, then at most one partner bank. */
  funding: { funder: string; principalFen: number }[];
  /** Partners asked for this draw and their decisions (approved, declined or timeout). */
  partnerTrail?: { partnerId: string; outcome: string }[];
  /** The loan agreement the borrower accepted and when; absent on older draws. */
  agreement?: AcceptedAgreement;
  payoutId: string;
  createdAt: string;
  requestId: string;
  disbursedAt?: string;
  cancelReason?: string;
  closedAt?: string;
  /** Settled repayments in date order; the loan state is replayed from them. */
  payments: Payment[];
  /** Installments (in order) whose interest has been billed to interest receivable. */
  billedCount: number;
  /** A repayment being collected; no other repayment may start meanwhile. */
  pendingRepaymentId: string | null;
  /** Next business date the daily job must look at this draw; null once it is finished. */
  nextEventDate: string | null;
  overdue: boolean;
}

export interface RepaymentDocument extends StoredDocument {
  openId: string;
  drawId: string;
  kind: 'due' | 'payoff';
  source: 'borrower' | 'auto_debit';
  amountFen: number;
  /** Business date the repayment counts on. */
  businessDate: string;
  status: 'collecting' | 'succeeded' | 'failed';
  collectionId: string;
  createdAt: string;
  requestId: string;
  settledAt?: string;
  failureReason?: string;
}

export interface IdempotencyDocument extends StoredDocument {
  kind: 'draw' | 'repayment';
  /** The request's fields that must match on a retry, as canonical JSON. */
  fingerprint: string;
  resultId: string;
  createdAt: string;
}

/** Returns the key's document id, per user so that two users' keys never collide. */
export function idempotencyId(openId: string, key: string): string {
  return `${openId}:${key}`;
}

export function loanTerms(draw: DrawDocument): LoanTerms {
  return {
    principalFen: draw.principalFen,
    dailyRatePpm: draw.dailyRatePpm,
    drawDate: draw.drawDate,
    installments: draw.installments,
  };
}

/** Computes the draw's state on a business date, for active and closed draws. */
export function loanStateOn(draw: DrawDocument, date: string): LoanState {
  return computeLoanState(loanTerms(draw), draw.payments, date < draw.drawDate ? draw.drawDate : date);
}

/** Returns the principal still out: all of it while disbursing, none once cancelled. */
export function outstandingPrincipalOf(draw: DrawDocument, state: LoanState | undefined): number {
  if (state) return state.outstandingPrincipalFen;
  if (draw.status === 'disbursing') return draw.principalFen;
  return 0;
}

/** Maps the core's installment status to the borrower's view, where partly paid is still upcoming. */
function installmentStatusOf(current: LoanState['installments'][number] | undefined): InstallmentView['status'] {
  if (!current || current.status === 'partlyPaid') return 'upcoming';
  return current.status;
}

/** Shapes a draw for the borrower; the schedule carries each installment's state on `date`. */
export function toDrawView(draw: DrawDocument, date: string): DrawView {
  const state = draw.status === 'active' || draw.status === 'closed' ? loanStateOn(draw, date) : undefined;
  const installments: InstallmentView[] = draw.installments.map((row, index) => {
    const current = state?.installments[index];
    // A paid installment shows the interest actually charged (less after an early payoff).
    const interestShown =
      current && (current.status === 'paid' || current.interestChargedFen > 0)
        ? current.interestChargedFen
        : row.interestFen;
    const paidFen = current
      ? current.principalPaidFen + current.interestPaidFen + current.penaltyInterestPaidFen
      : 0;
    return {
      number: row.number,
      dueDate: row.dueDate,
      principalFen: row.principalFen,
      interestFen: interestShown,
      totalFen: row.principalFen + interestShown,
      status: installmentStatusOf(current),
      paidFen,
      penaltyFen: current?.penaltyInterestFen ?? 0,
    };
  });
  return {
    drawId: draw._id,
    status: draw.status,
    principalFen: draw.principalFen,
    outstandingPrincipalFen: outstandingPrincipalOf(draw, state),
    termMonths: draw.termMonths,
    dailyRatePpm: draw.dailyRatePpm,
    aprText: draw.aprText,
    drawDate: draw.drawDate,
    maskedBankCard: draw.maskedBankCard,
    installments,
    ...(draw.cancelReason ? { cancelReason: draw.cancelReason } : {}),
    ...(draw.agreement ? { agreement: draw.agreement } : {}),
    collecting: Boolean(draw.pendingRepaymentId),
  };
}

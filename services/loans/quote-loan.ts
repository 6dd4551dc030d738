import type { LoanQuote, QuotedAgreement, TermMonths } from '../../core/api';
import { businessDate } from '../../core/dates';
import { LoanError } from '../../core/errors';
import { AMOUNT_STEP_FEN, DRAW_MAX_FEN, DRAW_MIN_FEN } from '../../core/limits';
import { formatYuan } from '../../core/money';
import { quoteDraw, type DrawQuote } from '../../core/quote';
import type { Caller } from '../platform/caller';
import type { Services } from '../container';
import { requireUser } from '../account/account-status';
import type { CreditDecisionRecord, UserDocument } from '../account/user-document';
import { assertInvited } from '../account/pilot';
import { readPii } from '../privacy/user-pii';
import { maskCardNumber } from '../../core/validation/mask';
import { quotedAgreement } from './loan-agreement';

/** Quotes a draw on today's date at the borrower's rate and repayment day; nothing is stored. */
export async function quoteLoan(services: Services, caller: Caller, amountFen: number, termMonths: TermMonths): Promise<LoanQuote> {
  await assertInvited(services.store, caller.openId, services.config.pilotRolloutPercent);
  const user = await requireUser(services, caller);
  const credit = user.credit;
  if (!credit) throw new LoanError('PRECONDITION_FAILED', '请先查看额度，再借款。');
  if (credit.decision !== 'approved') throw new LoanError('CREDIT_DECLINED', '很抱歉，您暂未获得借款额度。');

  const drawDate = businessDate(services.clock.now());
  const { quote, maskedBankCard, agreement } = quoteForUser(services, user, credit, { amountFen, termMonths }, drawDate);
  const installments = quote.installments.map(({ number, dueDate, principalFen, interestFen, totalFen }) => ({
    number,
    dueDate,
    principalFen,
    interestFen,
    totalFen,
  }));
  return {
    amountFen,
    termMonths,
    dailyRatePpm: credit.dailyRatePpm,
    aprText: quote.apr.display,
    aprBasisPoints: quote.apr.bps,
    repaymentDay: quote.repaymentDay,
    drawDate,
    installments,
    totalInterestFen: quote.totalInterestFen,
    totalRepaymentFen: quote.totalRepaymentFen,
    maskedBankCard,
    agreement,
  };
}

/** A draw quoted for one borrower, with the masked card it pays out to and its agreement. */
export interface UserQuote {
  quote: DrawQuote;
  maskedBankCard: string;
  agreement: QuotedAgreement;
}

/**
 * Quotes a draw on `drawDate` at the borrower's rate, repayment day and available line, and
 * writes its loan agreement. The quote shown and both checks of a draw use this one function,
 * so the agreement a draw is compared with is built exactly as the one the borrower saw.
 */
export function quoteForUser(
  services: Services,
  user: UserDocument,
  credit: CreditDecisionRecord,
  request: { amountFen: number; termMonths: TermMonths },
  drawDate: string,
): UserQuote {
  const quote = quoteDrawForRequest({
    principalFen: request.amountFen,
    termMonths: request.termMonths,
    dailyRatePpm: credit.dailyRatePpm,
    drawDate,
    repaymentDay: user.repaymentDay,
    availableLineFen: Math.max(0, credit.lineFen - user.usedFen),
  });
  const maskedBankCard = maskCardNumber(readPii(services, user)?.bankCard ?? '');
  const agreement = quotedAgreement({ ...request, dailyRatePpm: credit.dailyRatePpm, quote, maskedBankCard });
  return { quote, maskedBankCard, agreement };
}

/**
 * Runs `quoteDraw` and reports a bad amount under the request's field name `amountFen`, in
 * words for the borrower: above the available line (which may have shrunk since the page
 * loaded), or outside the product's range and step.
 */
export function quoteDrawForRequest(request: Parameters<typeof quoteDraw>[0]) {
  try {
    return quoteDraw(request);
  } catch (error) {
    if (error instanceof LoanError && error.field === 'principalFen') {
      throw new LoanError(error.code, amountMessage(error, request.availableLineFen), 'amountFen', error.details);
    }
    throw error;
  }
}

function amountMessage(error: LoanError, availableLineFen: number | undefined): string {
  const availableFen = availableLineFen ?? DRAW_MAX_FEN;
  if (error.details?.availableLineFen !== undefined) {
    return `借款金额超过当前可用额度 ${yuanText(availableFen)}，请减少金额。`;
  }
  const maxFen = Math.min(DRAW_MAX_FEN, availableFen);
  return `借款金额需在 ${yuanText(DRAW_MIN_FEN)} 至 ${yuanText(maxFen)} 之间，且为 ${yuanText(AMOUNT_STEP_FEN)} 的整数倍。`;
}

function yuanText(fen: number): string {
  return `¥${formatYuan(Math.max(0, fen), { thousands: true })}`;
}

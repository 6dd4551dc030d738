import { randomUUID } from 'node:crypto';
import type { DrawRequest, DrawView } from '../../core/api';
import { businessDate } from '../../core/dates';
import { LoanError } from '../../core/errors';
import { quoteDrawForRequest } from './quote-loan';
import { maskCardNumber } from '../../core/validation/mask';
import type { Caller } from '../platform/caller';
import type { Services } from '../container';
import { requireUser } from '../account/account-status';
import { assertInvited } from '../account/pilot';
import { USERS, type UserDocument } from '../account/user-document';
import { postJournal } from '../ledger';
import {
  DRAWS,
  IDEMPOTENCY_KEYS,
  idempotencyId,
  toDrawView,
  type DrawDocument,
  type IdempotencyDocument,
} from './draw-document';
import { awaitDisbursement, sendPayout } from './disbursement';

function requireApprovedLine(user: UserDocument) {
  const credit = user.credit;
  if (!credit) throw new LoanError('PRECONDITION_FAILED', '请先查看额度，再借款。');
  if (credit.decision !== 'approved') {
    throw new LoanError('CREDIT_DECLINED', '很抱歉，您暂未获得借款额度。', undefined, { reasons: credit.reasons });
  }
  return credit;
}

function fingerprintOf(request: DrawRequest): string {
  return JSON.stringify({ amountFen: request.amountFen, termMonths: request.termMonths });
}

/**
 * Draws part of the line. The idempotency key is stored in the same transaction that
 * creates the draw, reserves the principal in the lending pool and uses up the line, so a
 * retried or duplicated request returns the first draw and never pays out twice. The
 * payout goes out after the commit; the daily job resends one a crash left unsent.
 */
export async function createDraw(services: Services, caller: Caller, request: DrawRequest, requestId: string): Promise<DrawView> {
  await assertInvited(services.store, caller.openId, services.config.pilotRolloutPercent);
  const keyId = idempotencyId(caller.openId, request.idempotencyKey);
  const fingerprint = fingerprintOf(request);
  const now = services.clock.now();
  const today = businessDate(now);
  const drawId = `dr_${randomUUID()}`;

  const { draw, user } = await services.store.runTransaction(async (tx) => {
    const previous = await tx.get<IdempotencyDocument>(IDEMPOTENCY_KEYS, keyId);
    const current = await tx.get<UserDocument>(USERS, caller.openId);
    if (!current || current.stage === 'new') throw new LoanError('PRECONDITION_FAILED', '请先完成开户。');
    if (previous) {
      if (previous.kind !== 'draw' || previous.fingerprint !== fingerprint) {
        throw new LoanError('CONFLICT', 'idempotencyKey was already used for a different request: generate a new key for a new draw.', 'idempotencyKey');
      }
      const existing = await tx.get<DrawDocument>(DRAWS, previous.resultId);
      if (!existing) throw new Error(`idempotency key ${keyId} points at missing draw ${previous.resultId}`);
      return { draw: existing, user: current };
    }

    const credit = requireApprovedLine(current);
    const availableFen = Math.max(0, credit.lineFen - current.usedFen);
    const quote = quoteDrawForRequest({
      principalFen: request.amountFen,
      termMonths: request.termMonths,
      dailyRatePpm: credit.dailyRatePpm,
      drawDate: today,
      repaymentDay: current.repaymentDay,
      availableLineFen: availableFen,
    });
    const created: DrawDocument = {
      _id: drawId,
      openId: caller.openId,
      status: 'disbursing',
      principalFen: request.amountFen,
      termMonths: request.termMonths,
      dailyRatePpm: credit.dailyRatePpm,
      method: quote.method,
      repaymentDay: quote.repaymentDay,
      drawDate: today,
      installments: quote.installments,
      aprBasisPoints: quote.apr.bps,
      aprText: quote.apr.display,
      maskedBankCard: maskCardNumber(current.bankCard ?? ''),
      payoutId: `payout_${drawId}`,
      createdAt: now.toISOString(),
      requestId,
      payments: [],
      billedCount: 0,
      pendingRepaymentId: null,
      nextEventDate: null,
      overdue: false,
    };
    await tx.create(IDEMPOTENCY_KEYS, {
      _id: keyId,
      kind: 'draw',
      fingerprint,
      resultId: drawId,
      createdAt: now.toISOString(),
    } satisfies IdempotencyDocument);
    await tx.create(DRAWS, created);
    await tx.update(USERS, caller.openId, {
      usedFen: { $inc: request.amountFen },
      repaymentDay: quote.repaymentDay,
    });
    // Reserve the principal: the pool cannot go below zero, so an empty pool refuses here.
    await postJournal(tx, {
      journalId: `draw:${drawId}`,
      requestId,
      kind: 'disbursement',
      businessDate: today,
      loanId: drawId,
      entries: [
        { account: 'settlement_in_transit', debitFen: request.amountFen },
        { account: 'platform_funds', creditFen: request.amountFen },
      ],
    });
    return { draw: created, user: current };
  }).catch((error: unknown) => {
    if (error instanceof LoanError && error.code === 'FUNDS_UNAVAILABLE') {
      throw new LoanError('FUNDS_UNAVAILABLE', '今日可借资金已发放完毕，请明天再来。', 'amountFen');
    }
    throw error;
  });

  if (draw.status === 'disbursing') {
    await sendPayout(services, draw, user);
    const settled = await awaitDisbursement(services, draw._id, requestId);
    return toDrawView(settled, businessDate(services.clock.now()));
  }
  return toDrawView(draw, businessDate(services.clock.now()));
}

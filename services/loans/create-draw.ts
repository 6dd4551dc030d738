import { randomUUID } from 'node:crypto';
import type { DocumentUpdate } from '../../adapters/storage/port';
import type { DrawRequest, DrawView } from '../../core/api';
import { businessDate } from '../../core/dates';
import { LoanError } from '../../core/errors';
import type { Caller } from '../platform/caller';
import type { Services } from '../container';
import { requireUser } from '../account/account-status';
import { assertInvited } from '../account/pilot';
import { USERS, type UserDocument } from '../account/user-document';
import { accountsOf } from '../accrual/accrual-state';
import { fundingPlans, type FundingPlan } from '../colending/allocate';
import { reserveExposure } from '../colending/exposure';
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
import { quoteForUser } from './quote-loan';
import { requireAcceptedAgreement } from './loan-agreement';

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

interface DrawAttempt {
  caller: Caller;
  request: DrawRequest;
  requestId: string;
  drawId: string;
  plan: FundingPlan;
}

/** Returns the draw a key already made, or null; a key reused for another request is a conflict. */
async function existingDraw(services: Services, caller: Caller, request: DrawRequest): Promise<DrawDocument | null> {
  const previous = await services.store.get<IdempotencyDocument>(IDEMPOTENCY_KEYS, idempotencyId(caller.openId, request.idempotencyKey));
  if (!previous) return null;
  if (previous.kind !== 'draw' || previous.fingerprint !== fingerprintOf(request)) {
    throw new LoanError('CONFLICT', 'idempotencyKey was already used for a different request: generate a new key for a new draw.', 'idempotencyKey');
  }
  return services.store.get<DrawDocument>(DRAWS, previous.resultId);
}

/**
 * Creates the draw, uses up the line and reserves every funder's share in one
 * transaction, together with the idempotency key: all of it commits or none of it does.
 */
async function commitDraw(services: Services, attempt: DrawAttempt) {
  const { caller, request, requestId, drawId, plan } = attempt;
  const keyId = idempotencyId(caller.openId, request.idempotencyKey);
  const now = services.clock.now();
  const today = businessDate(now);
  return services.store.runTransaction(async (tx) => {
    const previous = await tx.get<IdempotencyDocument>(IDEMPOTENCY_KEYS, keyId);
    const current = await tx.get<UserDocument>(USERS, caller.openId);
    if (!current || current.stage === 'new') throw new LoanError('PRECONDITION_FAILED', '请先完成开户。');
    if (previous) {
      const existing = await tx.get<DrawDocument>(DRAWS, previous.resultId);
      if (!existing || previous.fingerprint !== fingerprintOf(request)) {
        throw new LoanError('CONFLICT', 'idempotencyKey was already used for a different request: generate a new key for a new draw.', 'idempotencyKey');
      }
      return { draw: existing, user: current };
    }

    const credit = requireApprovedLine(current);
    const { quote, maskedBankCard, agreement } = quoteForUser(services, current, credit, request, today);
    // Checked again inside the transaction: the rate or repayment day may have changed since.
    requireAcceptedAgreement(agreement, request.agreementDigest);
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
      maskedBankCard,
      funding: plan.funding,
      partnerTrail: plan.trail,
      agreement: { ...agreement, acceptedAt: now.toISOString() },
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
      fingerprint: fingerprintOf(request),
      resultId: drawId,
      createdAt: now.toISOString(),
    } satisfies IdempotencyDocument);
    await tx.create(DRAWS, created);
    await tx.update(USERS, caller.openId, {
      usedFen: { $inc: request.amountFen },
      repaymentDay: quote.repaymentDay,
      ...provisionalDay(current, drawId),
    });
    if (plan.partner) {
      await reserveExposure(tx, plan.partner.id, plan.funding[1].principalFen, plan.partner.concentrationCapFen);
    }
    // Reserve each share: a funds account cannot go below zero, so an empty pool refuses here.
    await postJournal(tx, {
      journalId: `draw:${drawId}`,
      requestId,
      kind: 'disbursement',
      businessDate: today,
      loanId: drawId,
      entries: [
        { account: 'settlement_in_transit', debitFen: request.amountFen },
        ...plan.funding
          .filter((item) => item.principalFen > 0)
          .map((item) => ({ account: accountsOf(item.funder).funds, creditFen: item.principalFen })),
      ],
    });
    return { draw: created, user: current };
  });
}

/**
 * Draws part of the line. Funding goes to the first partner that approves (in fair
 * rotation), with the platform keeping at least 30%; when no partner can, the platform
 * funds the draw alone if its pool allows, and otherwise the draw is refused. The
 * idempotency key is stored with the draw, so a retried or duplicated request returns the
 * first draw and never pays out twice. The payout goes out after the commit; the daily job
 * resends one that a crash left unsent.
 */
export async function createDraw(services: Services, caller: Caller, request: DrawRequest, requestId: string): Promise<DrawView> {
  await assertInvited(services.store, caller.openId, services.config.pilotRolloutPercent);
  const today = businessDate(services.clock.now());
  const known = await existingDraw(services, caller, request);
  if (known) return toDrawView(known, today);

  const user = await requireUser(services, caller);
  const credit = requireApprovedLine(user);
  // Before any partner is asked: a draw needs the agreement for exactly today's terms.
  requireAcceptedAgreement(quoteForUser(services, user, credit, request, today).agreement, request.agreementDigest);

  const drawId = `dr_${randomUUID()}`;
  const candidate = { drawId, principalFen: request.amountFen, termMonths: request.termMonths, dailyRatePpm: credit.dailyRatePpm, displayScore: credit.displayScore, lineFen: credit.lineFen };
  let committed: Awaited<ReturnType<typeof commitDraw>> | undefined;
  for await (const plan of fundingPlans(services, candidate)) {
    try {
      committed = await commitDraw(services, { caller, request, requestId, drawId, plan });
      break;
    } catch (error) {
      // A partner's facility or cap ran out since it was screened: try the next plan.
      const exhausted = error instanceof LoanError && error.code === 'FUNDS_UNAVAILABLE';
      if (!exhausted) throw error;
      if (!plan.partner) {
        throw new LoanError('FUNDS_UNAVAILABLE', '今日可借资金已发放完毕，请明天再来。', 'amountFen');
      }
      services.logger.warn({ drawId, partnerId: plan.partner.id }, 'partner facility exhausted at commit; trying the next plan');
    }
  }
  if (!committed) throw new Error(`draw ${drawId} found no funding plan`);

  const { draw, user: owner } = committed;
  if (draw.status === 'disbursing') {
    await sendPayout(services, draw, owner);
    const settled = await awaitDisbursement(services, draw._id, requestId);
    return toDrawView(settled, businessDate(services.clock.now()));
  }
  return toDrawView(draw, businessDate(services.clock.now()));
}

/**
 * Adds a new draw to the draws holding a provisional repayment day: the borrower's first
 * draw, or one made while every earlier draw on the day is still being paid out.
 */
function provisionalDay(user: UserDocument, drawId: string): DocumentUpdate {
  const pending = user.repaymentDayPendingDrawIds;
  if (user.repaymentDay !== undefined && pending === undefined) return {};
  return { repaymentDayPendingDrawIds: [...(pending ?? []), drawId] };
}

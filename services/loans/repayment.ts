import { randomUUID } from 'node:crypto';
import type { Transfer } from '../../adapters/ports/bank';
import type { RepaymentKind, RepaymentQuote, RepaymentView } from '../../core/api';
import { addDays, businessDate, daysBetween } from '../../core/dates';
import { LoanError } from '../../core/errors';
import { formatYuan } from '../../core/money';
import type { LoanState } from '../../core/repayment';
import type { Caller } from '../platform/caller';
import type { Services } from '../container';
import { accrueThrough, billInterestLines, reverseAccrualLines } from '../accrual/accrue';
import { accountsOf, registerRateChange, writeAccrualState, type AccrualStateDocument } from '../accrual/accrual-state';
import { releaseExposure } from '../colending/exposure';
import { splitByWeights } from '../../core/colending';
import type { PaymentAllocation } from '../../core/repayment';
import { exactInterestMicroFen, funderParts, installmentInterestParts, type FunderPart } from './funding-split';
import type { Transaction } from '../../adapters/storage/port';
import { USERS, type UserDocument } from '../account/user-document';
import { readPii } from '../privacy/user-pii';
import { postJournal, type JournalLine } from '../ledger';
import { billDueInstallments, currentPeriodStart, mergeLines } from './billing';
import {
  DRAWS,
  IDEMPOTENCY_KEYS,
  idempotencyId,
  loanStateOn,
  REPAYMENTS,
  type DrawDocument,
  type IdempotencyDocument,
  type RepaymentDocument,
} from './draw-document';
import { nextEventDate } from './next-event';

const WAIT_FOR_SETTLEMENT_MS = 2_000;
const POLL_INTERVAL_MS = 100;

const COLLECTION_FAILURES: Record<string, string> = {
  insufficient_funds: '银行卡余额不足，扣款未成功。请存入足够金额后再还款。',
  account_closed: '银行卡已销户，扣款未成功。',
  timeout: '银行处理超时，扣款未成功，请稍后重试。',
  rejected: '银行拒绝了这笔扣款，请稍后重试。',
};

/** Loads the caller's own draw; another user's draw id is simply not found. */
export async function ownDraw(services: Services, caller: Caller, drawId: string): Promise<DrawDocument> {
  const draw = await services.store.get<DrawDocument>(DRAWS, drawId);
  if (!draw || draw.openId !== caller.openId) {
    throw new LoanError('NOT_FOUND', '没有找到这笔借款。', 'drawId');
  }
  return draw;
}

function amountFor(kind: RepaymentKind, state: LoanState): number {
  return kind === 'payoff' ? state.payoffFen : state.amountDueFen;
}

/** Today's amount to repay a draw's due installments or to pay it off, with its parts. */
export function quoteFor(draw: DrawDocument, kind: RepaymentKind, date: string): RepaymentQuote {
  if (draw.status !== 'active') {
    throw new LoanError('PRECONDITION_FAILED', draw.status === 'closed' ? '这笔借款已结清。' : '这笔借款尚未放款成功，无需还款。', 'drawId');
  }
  const state = loanStateOn(draw, date);
  const amountFen = amountFor(kind, state);
  if (amountFen === 0) {
    const next = state.installments.find((item) => item.status !== 'paid');
    throw new LoanError(
      'PRECONDITION_FAILED',
      `当前没有到期应还的金额${next ? `，下一期还款日为 ${next.dueDate}` : ''}。如需提前还清，请选择“提前结清”。`,
      'kind',
    );
  }
  const penaltyFen = state.penaltyInterestFen;
  const interestFen = state.dueInterestFen + (kind === 'payoff' ? state.currentInterestFen : 0);
  return {
    drawId: draw._id,
    kind,
    amountFen,
    principalFen: amountFen - interestFen - penaltyFen,
    interestFen,
    penaltyFen,
    businessDate: date,
  };
}

/** Returns today's repayment amount for the caller's draw. */
export async function quoteRepayment(services: Services, caller: Caller, drawId: string, kind: RepaymentKind) {
  const draw = await ownDraw(services, caller, drawId);
  return quoteFor(draw, kind, businessDate(services.clock.now()));
}

export interface PayRequest {
  drawId: string;
  kind: RepaymentKind;
  amountFen: number;
  idempotencyKey: string;
}

/**
 * Starts a repayment from the bound card. The amount must equal today's quote, so the
 * borrower pays exactly what was shown. Only one repayment per draw runs at a time, and
 * the idempotency key makes a retry return the first repayment.
 */
export async function payRepayment(services: Services, caller: Caller, request: PayRequest, requestId: string): Promise<RepaymentView> {
  const keyId = idempotencyId(caller.openId, request.idempotencyKey);
  const fingerprint = JSON.stringify({ drawId: request.drawId, kind: request.kind, amountFen: request.amountFen });
  const now = services.clock.now();
  const today = businessDate(now);
  const repaymentId = `rp_${randomUUID()}`;
  const current = await ownDraw(services, caller, request.drawId);
  // A repayment the rail has already finished (an auto-debit that failed, say) must not
  // block this one: settle it first.
  if (current.pendingRepaymentId) await settleRepayment(services, current.pendingRepaymentId, requestId);

  const repayment = await services.store.runTransaction(async (tx) => {
    const previous = await tx.get<IdempotencyDocument>(IDEMPOTENCY_KEYS, keyId);
    if (previous) {
      if (previous.kind !== 'repayment' || previous.fingerprint !== fingerprint) {
        throw new LoanError('CONFLICT', 'idempotencyKey was already used for a different request: generate a new key for a new repayment.', 'idempotencyKey');
      }
      return (await tx.get<RepaymentDocument>(REPAYMENTS, previous.resultId)) as RepaymentDocument;
    }
    const draw = await tx.get<DrawDocument>(DRAWS, request.drawId);
    if (!draw || draw.openId !== caller.openId) throw new LoanError('NOT_FOUND', '没有找到这笔借款。', 'drawId');
    if (draw.pendingRepaymentId) {
      throw new LoanError('CONFLICT', '这笔借款有一笔还款正在处理中，请稍后查看结果。', 'drawId', {
        repaymentId: draw.pendingRepaymentId,
      });
    }
    const quote = quoteFor(draw, request.kind, today);
    if (quote.amountFen !== request.amountFen) {
      throw new LoanError(
        'CONFLICT',
        `今天应还金额为 ${formatYuan(quote.amountFen)} 元，与确认的 ${formatYuan(request.amountFen)} 元不一致，请刷新后重新确认。`,
        'amountFen',
        { amountFen: quote.amountFen },
      );
    }
    const created: RepaymentDocument = {
      _id: repaymentId,
      openId: caller.openId,
      drawId: draw._id,
      kind: request.kind,
      source: 'borrower',
      amountFen: quote.amountFen,
      businessDate: today,
      status: 'collecting',
      collectionId: `collect_${repaymentId}`,
      createdAt: now.toISOString(),
      requestId,
    };
    await tx.create(IDEMPOTENCY_KEYS, { _id: keyId, kind: 'repayment', fingerprint, resultId: repaymentId, createdAt: now.toISOString() } satisfies IdempotencyDocument);
    await tx.create(REPAYMENTS, created);
    await tx.update(DRAWS, draw._id, { pendingRepaymentId: repaymentId });
    return created;
  });

  if (repayment.status === 'collecting') await sendCollection(services, repayment);
  const settled = await awaitRepayment(services, repayment._id, requestId);
  return toRepaymentView(settled);
}

export function toRepaymentView(repayment: RepaymentDocument): RepaymentView {
  return {
    repaymentId: repayment._id,
    drawId: repayment.drawId,
    status: repayment.status,
    amountFen: repayment.amountFen,
    ...(repayment.failureReason ? { failureReason: repayment.failureReason } : {}),
  };
}

/** Asks the rail to collect; a repeated collection id is the same transfer. */
export async function sendCollection(services: Services, repayment: RepaymentDocument): Promise<void> {
  const user = await services.store.get<UserDocument>(USERS, repayment.openId);
  const pii = readPii(services, user);
  try {
    await services.bank.collect({
      transferId: repayment.collectionId,
      bankCard: pii?.bankCard ?? '',
      accountName: pii?.name ?? '',
      amountFen: repayment.amountFen,
    });
  } catch (error) {
    services.logger.error({ err: error, repaymentId: repayment._id }, 'collection request failed; it will be retried');
  }
}

async function awaitRepayment(services: Services, repaymentId: string, requestId: string): Promise<RepaymentDocument> {
  const deadline = Date.now() + WAIT_FOR_SETTLEMENT_MS;
  for (;;) {
    const repayment = await settleRepayment(services, repaymentId, requestId);
    if (repayment.status !== 'collecting' || Date.now() >= deadline) return repayment;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/**
 * Brings a collecting repayment to its final state from the rail. On success the payment
 * is applied to the draw as of its business date and posted to the ledger. On failure the
 * draw is free for another repayment. A collection the rail never received is sent again.
 */
export async function settleRepayment(services: Services, repaymentId: string, requestId: string): Promise<RepaymentDocument> {
  const repayment = await services.store.get<RepaymentDocument>(REPAYMENTS, repaymentId);
  if (!repayment) throw new Error(`repayment ${repaymentId} not found`);
  if (repayment.status !== 'collecting') return repayment;

  const transfer = await services.bank.getTransfer(repayment.collectionId);
  if (transfer === null) {
    await sendCollection(services, repayment);
    return repayment;
  }
  if (transfer.status === 'pending') return repayment;
  if (transfer.status === 'failed') return failRepayment(services, repaymentId, transfer);
  return applyRepayment(services, repaymentId, transfer, requestId);
}

async function failRepayment(services: Services, repaymentId: string, transfer: Transfer) {
  const reason = COLLECTION_FAILURES[transfer.failure ?? 'rejected'] ?? COLLECTION_FAILURES.rejected;
  const failed = await services.store.runTransaction(async (tx) => {
    const repayment = await tx.get<RepaymentDocument>(REPAYMENTS, repaymentId);
    if (!repayment || repayment.status !== 'collecting') return repayment as RepaymentDocument;
    const result: RepaymentDocument = {
      ...repayment,
      status: 'failed',
      failureReason: reason,
      settledAt: transfer.settledAt ?? services.clock.now().toISOString(),
    };
    await tx.set(REPAYMENTS, result);
    const draw = await tx.get<DrawDocument>(DRAWS, repayment.drawId);
    if (draw?.pendingRepaymentId === repaymentId) await tx.update(DRAWS, draw._id, { pendingRepaymentId: null });
    return result;
  });
  services.logger.warn({ repaymentId, drawId: failed.drawId, failure: transfer.failure }, 'collection failed');
  return failed;
}

async function applyRepayment(services: Services, repaymentId: string, transfer: Transfer, requestId: string) {
  return services.store.runTransaction(async (tx) => {
    const repayment = await tx.get<RepaymentDocument>(REPAYMENTS, repaymentId);
    if (!repayment || repayment.status !== 'collecting') return repayment as RepaymentDocument;
    const draw = await tx.get<DrawDocument>(DRAWS, repayment.drawId);
    if (!draw) throw new Error(`draw ${repayment.drawId} of repayment ${repaymentId} not found`);
    const date = repayment.businessDate;

    const billedCount = await billDueInstallments(tx, draw, date, requestId);
    const parts = funderParts(draw);
    const states: AccrualStateDocument[] = [];
    for (const part of parts) states.push(await accrueThrough(tx, part.funder, addDays(date, -1), requestId));
    const before = loanStateOn(draw, date);
    const payment = { id: repaymentId, paymentDate: date, amountFen: repayment.amountFen };
    const payments = [...draw.payments, payment];
    const after = loanStateOn({ ...draw, payments }, date);
    const allocation = after.allocations[after.allocations.length - 1];

    const billingLines: JournalLine[] = [];
    let currentInterestParts = parts.map(() => 0);
    if (allocation.currentInterestFen > 0 || allocation.currentPrincipalFen > 0) {
      // An early payoff: bill the current period's interest to date and stop the accrual
      // of the principal that is no longer outstanding.
      if (allocation.currentPrincipalFen !== before.notDuePrincipalFen) {
        throw new Error(`repayment ${repaymentId} repays part of the principal not yet due; only full payoff is offered`);
      }
      const nights = daysBetween(currentPeriodStart(draw, billedCount), date);
      const exact = parts.map((part) => exactInterestMicroFen(notDuePrincipal(part, billedCount), draw.dailyRatePpm, nights));
      currentInterestParts = splitByWeights(allocation.currentInterestFen, exact);
      for (const [index, state] of states.entries()) {
        billingLines.push(...billInterestLines(state, exact[index], currentInterestParts[index]));
        billingLines.push(...(await stopAccrual(tx, state, parts[index], draw, date)));
      }
    }
    for (const state of states) await writeAccrualState(tx, state);
    // The payoff's own billing is a journal of its own, so a repayment journal holds only
    // what was received; partner statements rely on that.
    const billingEntries = mergeLines(billingLines);
    if (billingEntries.length > 0) {
      await postJournal(tx, {
        journalId: `payoff-billing:${repaymentId}`,
        requestId,
        kind: 'interest_billing',
        businessDate: date,
        loanId: draw._id,
        entries: billingEntries,
      });
    }

    const lines: JournalLine[] = [];
    const received = splitAllocation(draw, parts, allocation, currentInterestParts);
    for (const [index, part] of parts.entries()) {
      const accounts = accountsOf(part.funder);
      const share = received[index];
      if (share.principalFen > 0) lines.push({ account: accounts.funds, debitFen: share.principalFen });
      const interestCashFen = share.interestFen + share.penaltyFen;
      if (interestCashFen > 0) lines.push({ account: accounts.interestCash, debitFen: interestCashFen });
      if (share.penaltyFen > 0) lines.push({ account: accounts.penalty, creditFen: share.penaltyFen });
      if (share.interestFen > 0) lines.push({ account: accounts.receivable, creditFen: share.interestFen });
      if (share.principalFen > 0) lines.push({ account: accounts.principal, creditFen: share.principalFen });
    }
    await postJournal(tx, {
      journalId: `repayment:${repaymentId}`,
      requestId,
      kind: 'repayment_settlement',
      businessDate: date,
      loanId: draw._id,
      entries: mergeLines(lines),
    });

    const settledAt = transfer.settledAt ?? services.clock.now().toISOString();
    const closed = after.isClosed;
    const updated: DrawDocument = {
      ...draw,
      payments,
      billedCount: closed ? draw.installments.length : billedCount,
      pendingRepaymentId: null,
      status: closed ? 'closed' : draw.status,
      ...(closed ? { closedAt: settledAt } : {}),
      overdue: !closed && after.installments.some((item) => item.status === 'overdue'),
    };
    updated.nextEventDate = nextEventDate(updated, after, businessDate(services.clock.now()));
    await tx.set(DRAWS, updated);
    const principalFen = allocation.duePrincipalFen + allocation.currentPrincipalFen;
    if (principalFen > 0) await tx.update(USERS, draw.openId, { usedFen: { $inc: -principalFen } });
    await releaseExposure(tx, parts.map((part, index) => ({ funder: part.funder, principalFen: received[index].principalFen })));
    const result: RepaymentDocument = { ...repayment, status: 'succeeded', settledAt };
    await tx.set(REPAYMENTS, { ...result, allocation, funderShares: received.map((share, index) => ({ funder: parts[index].funder, ...share })) });
    return result;
  });
}

function notDuePrincipal(part: FunderPart, billedCount: number): number {
  return part.installmentPrincipalFen.slice(billedCount).reduce((sum, value) => sum + value, 0);
}

interface FunderReceipt {
  principalFen: number;
  interestFen: number;
  penaltyFen: number;
}

/**
 * Splits what a payment paid on each installment between funders, pro rata: principal and
 * penalty by each funder's principal in that installment, due interest by each funder's
 * part of the billed interest, and the payoff's current interest as billed just now.
 */
function splitAllocation(
  draw: DrawDocument,
  parts: FunderPart[],
  allocation: PaymentAllocation,
  currentInterestParts: number[],
): FunderReceipt[] {
  const received: FunderReceipt[] = parts.map(() => ({ principalFen: 0, interestFen: 0, penaltyFen: 0 }));
  for (const line of allocation.lines) {
    const index = line.installmentNumber - 1;
    const principalWeights = parts.map((part) => part.installmentPrincipalFen[index]);
    if (line.bucket === 'duePrincipal' || line.bucket === 'currentPrincipal') {
      splitByWeights(line.amountFen, principalWeights).forEach((value, funder) => (received[funder].principalFen += value));
    } else if (line.bucket === 'penaltyInterest') {
      splitByWeights(line.amountFen, principalWeights).forEach((value, funder) => (received[funder].penaltyFen += value));
    } else if (line.bucket === 'dueInterest') {
      const billed = installmentInterestParts(draw, parts, index);
      splitByWeights(line.amountFen, billed).forEach((value, funder) => (received[funder].interestFen += value));
    }
  }
  currentInterestParts.forEach((value, funder) => (received[funder].interestFen += value));
  return received;
}

/**
 * Stops one funder's accrual of the principal an early payoff on `date` repaid. When the
 * rail settled the payoff after the nights from `date` on were already accrued, those
 * nights' interest is taken back, and the rate changes from the first open night.
 */
async function stopAccrual(
  tx: Transaction,
  accrual: AccrualStateDocument,
  part: FunderPart,
  draw: DrawDocument,
  date: string,
): Promise<JournalLine[]> {
  const rate = draw.dailyRatePpm;
  const lastAccrued = accrual.lastAccruedNight ?? addDays(date, -1);
  const effective = lastAccrued >= date ? addDays(lastAccrued, 1) : date;
  const notDue = draw.installments
    .map((row, index) => ({ dueDate: row.dueDate, principalFen: part.installmentPrincipalFen[index] }))
    .filter((row) => row.dueDate > date);

  let lines: JournalLine[] = [];
  if (lastAccrued >= date) {
    // Each installment not yet due was counted for the nights before its due date.
    let extra = 0n;
    for (const row of notDue) {
      const end = row.dueDate < effective ? row.dueDate : effective;
      extra += exactInterestMicroFen(row.principalFen, rate, daysBetween(date, end));
    }
    lines = reverseAccrualLines(accrual, extra);
  }

  const stillCounted = notDue.filter((row) => row.dueDate > lastAccrued);
  const principalFen = stillCounted.reduce((sum, row) => sum + row.principalFen, 0);
  await registerRateChange(tx, accrual, effective, -principalFen * rate);
  for (const row of stillCounted) await registerRateChange(tx, accrual, row.dueDate, row.principalFen * rate);
  return lines;
}

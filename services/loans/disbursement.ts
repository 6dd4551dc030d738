import type { Transfer } from '../../adapters/ports/bank';
import type { DocumentUpdate, Transaction } from '../../adapters/storage/port';
import { addDays, businessDate } from '../../core/dates';
import { quoteDraw } from '../../core/quote';
import type { Services } from '../container';
import { accrueThrough } from '../accrual/accrue';
import { accountsOf, readAccrualState, registerRateChange, startAccrualBefore, writeAccrualState } from '../accrual/accrual-state';
import { funderParts } from './funding-split';
import { releaseExposure } from '../colending/exposure';
import { USERS, type UserDocument } from '../account/user-document';
import { readPii } from '../privacy/user-pii';
import { postJournal, type JournalLine } from '../ledger';
import { DRAWS, type DrawDocument } from './draw-document';

/** How long a borrower's request waits for the rail before it returns "disbursing". */
const WAIT_FOR_SETTLEMENT_MS = 2_000;
const POLL_INTERVAL_MS = 100;

/** Reason a payout failed, as a full sentence the borrower reads before "the line is restored". */
const FAILURE_REASONS: Record<string, string> = {
  insufficient_funds: '收款银行退回了这笔放款，借款已取消，请稍后重试。',
  account_closed: '收款银行卡已销户，放款未成功，借款已取消。',
  timeout: '银行处理超时，放款未成功，借款已取消。',
  rejected: '银行拒绝了这笔放款，借款已取消。',
};

/** Sends the payout for a draw; the rail treats a repeated transfer id as the same transfer. */
export async function sendPayout(services: Services, draw: DrawDocument, user: UserDocument): Promise<void> {
  try {
    const pii = readPii(services, user);
    await services.bank.payout({
      transferId: draw.payoutId,
      bankCard: pii?.bankCard ?? '',
      accountName: pii?.name ?? '',
      amountFen: draw.principalFen,
    });
  } catch (error) {
    // The draw stays "disbursing": the next read or the daily job sends the payout again.
    services.logger.error({ err: error, drawId: draw._id }, 'payout request failed; it will be retried');
  }
}

/** Polls the rail briefly so most borrowers see the final result in the same request. */
export async function awaitDisbursement(services: Services, drawId: string, requestId: string): Promise<DrawDocument> {
  const deadline = Date.now() + WAIT_FOR_SETTLEMENT_MS;
  for (;;) {
    const draw = await settleDisbursement(services, drawId, requestId);
    if (draw.status !== 'disbursing' || Date.now() >= deadline) return draw;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/**
 * Brings a disbursing draw to its final state from the rail's status: active when the
 * payout succeeded (the loan starts accruing from the settlement date), cancelled with the
 * line and the pool restored when it failed. A payout the rail never received is sent again.
 */
export async function settleDisbursement(services: Services, drawId: string, requestId: string): Promise<DrawDocument> {
  const draw = await services.store.get<DrawDocument>(DRAWS, drawId);
  if (!draw) throw new Error(`draw ${drawId} not found`);
  if (draw.status !== 'disbursing') return draw;

  const transfer = await services.bank.getTransfer(draw.payoutId);
  if (transfer === null) {
    const user = await services.store.get<UserDocument>(USERS, draw.openId);
    if (user) await sendPayout(services, draw, user);
    return draw;
  }
  if (transfer.status === 'pending') return draw;
  return transfer.status === 'succeeded'
    ? activateDraw(services, drawId, transfer, requestId)
    : cancelDraw(services, drawId, transfer, requestId);
}

async function activateDraw(services: Services, drawId: string, transfer: Transfer, requestId: string) {
  const settledOn = businessDate(transfer.settledAt ?? services.clock.now());
  return services.store.runTransaction(async (tx) => {
    const draw = await tx.get<DrawDocument>(DRAWS, drawId);
    if (!draw || draw.status !== 'disbursing') return draw as DrawDocument;

    // Interest starts on the settlement date, or on the first night not yet accrued when
    // the settlement is seen only after its night was closed (the borrower never pays more).
    let startDate = settledOn;
    const states = [];
    for (const { funder } of draw.funding) {
      const state = await readAccrualState(tx, funder);
      startAccrualBefore(state, settledOn);
      const firstOpenNight = addDays(state.lastAccruedNight as string, 1);
      if (firstOpenNight > startDate) startDate = firstOpenNight;
      states.push(state);
    }
    for (const state of states) await writeAccrualState(tx, state);

    // Money that lands on a later business date starts its schedule from that date.
    let { installments, aprBasisPoints, aprText } = draw;
    if (startDate !== draw.drawDate) {
      const quote = quoteDraw({
        principalFen: draw.principalFen,
        termMonths: draw.termMonths,
        dailyRatePpm: draw.dailyRatePpm,
        drawDate: startDate,
        repaymentDay: draw.repaymentDay,
        method: draw.method,
      });
      installments = quote.installments;
      aprBasisPoints = quote.apr.bps;
      aprText = quote.apr.display;
    }

    const rate = draw.dailyRatePpm;
    const parts = funderParts({ ...draw, installments });
    const entries: JournalLine[] = [];
    for (const part of parts) {
      const state = await accrueThrough(tx, part.funder, addDays(startDate, -1), requestId);
      await registerRateChange(tx, state, startDate, part.principalFen * rate);
      for (const [index, row] of installments.entries()) {
        await registerRateChange(tx, state, row.dueDate, -part.installmentPrincipalFen[index] * rate);
      }
      if (part.principalFen > 0) entries.push({ account: accountsOf(part.funder).principal, debitFen: part.principalFen });
    }
    entries.push({ account: 'settlement_in_transit', creditFen: draw.principalFen });
    await postJournal(tx, {
      journalId: `disbursed:${drawId}`,
      requestId,
      kind: 'disbursement_settlement',
      businessDate: startDate,
      loanId: drawId,
      entries,
    });
    const activated: DrawDocument = {
      ...draw,
      status: 'active',
      drawDate: startDate,
      installments,
      aprBasisPoints,
      aprText,
      disbursedAt: transfer.settledAt ?? services.clock.now().toISOString(),
      nextEventDate: installments[0].dueDate,
    };
    await tx.set(DRAWS, activated);
    await fixRepaymentDay(tx, draw.openId);
    return activated;
  });
}

/**
 * Gives a cancelled draw's principal back to the line. While the repayment day is still
 * provisional the draw leaves its list, and when no draw on the day is left being paid out
 * the day is released, so the borrower's next draw picks the day from its own date.
 */
async function restoreLine(tx: Transaction, draw: DrawDocument): Promise<void> {
  const user = await tx.get<UserDocument>(USERS, draw.openId);
  const pending = user?.repaymentDayPendingDrawIds;
  const update: DocumentUpdate = { usedFen: { $inc: -draw.principalFen } };
  if (pending !== undefined) {
    const rest = pending.filter((id) => id !== draw._id);
    if (rest.length > 0) update.repaymentDayPendingDrawIds = rest;
    else Object.assign(update, { repaymentDay: { $unset: true }, repaymentDayPendingDrawIds: { $unset: true } });
  }
  await tx.update(USERS, draw.openId, update);
}

/** Makes the repayment day final once a draw on it is paid out. */
async function fixRepaymentDay(tx: Transaction, openId: string): Promise<void> {
  const user = await tx.get<UserDocument>(USERS, openId);
  if (user?.repaymentDayPendingDrawIds !== undefined) {
    await tx.update(USERS, openId, { repaymentDayPendingDrawIds: { $unset: true } });
  }
}

async function cancelDraw(services: Services, drawId: string, transfer: Transfer, requestId: string) {
  const reason = FAILURE_REASONS[transfer.failure ?? 'rejected'] ?? FAILURE_REASONS.rejected;
  const cancelled = await services.store.runTransaction(async (tx) => {
    const draw = await tx.get<DrawDocument>(DRAWS, drawId);
    if (!draw || draw.status !== 'disbursing') return draw as DrawDocument;
    await postJournal(tx, {
      journalId: `draw-cancelled:${drawId}`,
      requestId,
      kind: 'reversal',
      businessDate: businessDate(services.clock.now()),
      loanId: drawId,
      entries: [
        ...draw.funding
          .filter((item) => item.principalFen > 0)
          .map((item) => ({ account: accountsOf(item.funder).funds, debitFen: item.principalFen })),
        { account: 'settlement_in_transit', creditFen: draw.principalFen },
      ],
    });
    await releaseExposure(tx, draw.funding);
    await restoreLine(tx, draw);
    const result: DrawDocument = { ...draw, status: 'cancelled', cancelReason: reason, nextEventDate: null };
    await tx.set(DRAWS, result);
    return result;
  });
  services.logger.warn({ drawId, failure: transfer.failure }, 'payout failed; draw cancelled and line restored');
  return cancelled;
}

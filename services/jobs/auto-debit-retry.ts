import { addDays, businessDate } from '../../core/dates';
import type { Services } from '../container';
import { DRAWS, loanStateOn, REPAYMENTS, type DrawDocument, type RepaymentDocument } from '../loans/draw-document';
import { sendCollection, settleRepayment } from '../loans/repayment';

const PAGE_SIZE = 500;

export interface AutoDebitRetrySummary {
  businessDate: string;
  drawsChecked: number;
  collectionsStarted: number;
}

/**
 * Retries the day's auto-debits, from a timer at 17:00 Asia/Shanghai. Every draw with an
 * amount still due and no collection in flight is collected once more. A collection still
 * marked in flight is first settled from the rail, so a morning debit that failed is
 * retried even if nothing read the loan since. The morning job leaves exactly the draws
 * with something due with tomorrow as their next event date, so only they are read. A
 * retry's id is fixed per draw and date, so a rerun starts nothing twice.
 */
export async function runAutoDebitRetry(services: Services, date: string | undefined, requestId: string): Promise<AutoDebitRetrySummary> {
  const day = date ?? businessDate(services.clock.now());
  const summary: AutoDebitRetrySummary = { businessDate: day, drawsChecked: 0, collectionsStarted: 0 };
  let cursor: string | undefined;
  do {
    const page = await services.store.page<DrawDocument>(DRAWS, {
      where: { nextEventDate: addDays(day, 1) },
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const stored of page.documents) {
      summary.drawsChecked++;
      if (stored.pendingRepaymentId) await settlePending(services, stored._id, stored.pendingRepaymentId, requestId);
      const retry = await startRetry(services, stored._id, day, requestId);
      if (!retry) continue;
      summary.collectionsStarted++;
      await sendCollection(services, retry);
    }
    cursor = page.cursor;
  } while (cursor);
  services.logger.info({ job: 'autoDebitRetry', requestId, ...summary }, 'auto-debit retry finished');
  return summary;
}

async function settlePending(services: Services, drawId: string, repaymentId: string, requestId: string): Promise<void> {
  try {
    await settleRepayment(services, repaymentId, requestId);
  } catch (error) {
    services.logger.error(
      { err: error, drawId, repaymentId, requestId },
      'settling a collection before the afternoon retry failed; no retry starts while it is marked in flight',
    );
  }
}

async function startRetry(services: Services, drawId: string, day: string, requestId: string): Promise<RepaymentDocument | null> {
  const retryId = `retry_${drawId}_${day}`;
  return services.store.runTransaction(async (tx) => {
    const draw = await tx.get<DrawDocument>(DRAWS, drawId);
    if (!draw || draw.status !== 'active' || draw.pendingRepaymentId) return null;
    if (await tx.get(REPAYMENTS, retryId)) return null;
    const state = loanStateOn(draw, day);
    if (state.amountDueFen === 0) return null;
    const retry: RepaymentDocument = {
      _id: retryId,
      openId: draw.openId,
      drawId: draw._id,
      kind: 'due',
      source: 'auto_debit',
      amountFen: state.amountDueFen,
      businessDate: day,
      status: 'collecting',
      collectionId: `collect_${retryId}`,
      createdAt: services.clock.now().toISOString(),
      requestId,
    };
    await tx.create(REPAYMENTS, retry);
    await tx.update(DRAWS, draw._id, { pendingRepaymentId: retryId });
    return retry;
  });
}

import { addDays, businessDate } from '../../core/dates';
import type { Services } from '../container';
import { DRAWS, loanStateOn, REPAYMENTS, type DrawDocument, type RepaymentDocument } from '../loans/draw-document';
import { sendCollection } from '../loans/repayment';

const PAGE_SIZE = 500;

export interface AutoDebitRetrySummary {
  businessDate: string;
  drawsChecked: number;
  collectionsStarted: number;
}

/**
 * Retries the day's auto-debits, from a timer at 17:00 Asia/Shanghai. Every draw with an
 * amount still due and no collection in flight is collected once more. The morning job leaves exactly those draws with tomorrow as their next event date, so
 * only they are read. A retry's id is fixed per draw and date, so a rerun starts nothing
 * twice.
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

import type { StoredDocument } from '../../adapters/storage/port';
import { addDays, businessDate } from '../../core/dates';
import type { Services } from '../container';
import { accrueThrough } from '../accrual/accrue';
import { PLATFORM } from '../accrual/accrual-state';
import { billDueInstallments } from '../loans/billing';
import { settleDisbursement } from '../loans/disbursement';
import { DRAWS, loanStateOn, REPAYMENTS, type DrawDocument, type RepaymentDocument } from '../loans/draw-document';
import { nextEventDate } from '../loans/next-event';
import { sendCollection, settleRepayment } from '../loans/repayment';

export const DAILY_JOBS = 'daily_jobs';

/** Draws handled per page; the cursor is saved after each page so a cut-off run resumes. */
const PAGE_SIZE = 500;

export interface DailyJobSummary {
  businessDate: string;
  status: 'done';
  accruedThrough: string | null;
  disbursementsSettled: number;
  repaymentsSettled: number;
  drawsVisited: number;
  installmentsBilled: number;
  overdueDraws: number;
  autoDebitsStarted: number;
  /** Draws left for tomorrow because a repayment on them is still being collected. */
  drawsWaitingOnCollection: number;
  /** Transfers or draws that failed with an error; each is logged and retried the next day. */
  failures: number;
  startedAt: string;
  finishedAt: string;
}

interface DailyJobDocument extends StoredDocument {
  status: 'running' | 'done';
  phase: 'settle' | 'loans' | 'done';
  /** Cursor of the next page of draws to visit in the `loans` phase. */
  cursor: string | null;
  counts: Omit<DailyJobSummary, 'businessDate' | 'status' | 'startedAt' | 'finishedAt' | 'accruedThrough'>;
  accruedThrough: string | null;
  startedAt: string;
  finishedAt?: string;
}

const ZERO_COUNTS = {
  disbursementsSettled: 0,
  repaymentsSettled: 0,
  drawsVisited: 0,
  installmentsBilled: 0,
  overdueDraws: 0,
  autoDebitsStarted: 0,
  drawsWaitingOnCollection: 0,
  failures: 0,
};

/**
 * Runs the daily job for a business date, from a timer at 00:05 Asia/Shanghai. It settles
 * the transfers the rail has finished, accrues the night before, bills the installments
 * due, marks overdue draws and starts the auto-debits. It is idempotent per date (a finished
 * date returns its summary) and resumes from its saved phase and cursor when cut off.
 * Only draws with something due are read: the rest cost nothing.
 */
export async function runDailyJob(services: Services, date: string | undefined, requestId: string): Promise<DailyJobSummary> {
  const day = date ?? businessDate(services.clock.now());
  const jobId = `daily:${day}`;
  const log = services.logger.child({ job: 'accrueDaily', businessDate: day, requestId });
  let job = await services.store.get<DailyJobDocument>(DAILY_JOBS, jobId);
  if (job?.status === 'done') return summaryOf(day, job);
  if (!job) {
    job = { _id: jobId, status: 'running', phase: 'settle', cursor: null, counts: { ...ZERO_COUNTS }, accruedThrough: null, startedAt: services.clock.now().toISOString() };
    await services.store.set(DAILY_JOBS, job);
    log.info('daily job started');
  } else {
    log.info({ phase: job.phase }, 'daily job resumed');
  }

  if (job.phase === 'settle') {
    await settleDisbursements(services, requestId, job.counts);
    await settleRepayments(services, requestId, job.counts);
    for (const funder of [PLATFORM, ...services.partners.map((partner) => partner.id)]) {
      const state = await services.store.runTransaction((tx) => accrueThrough(tx, funder, addDays(day, -1), requestId));
      if (funder === PLATFORM) job.accruedThrough = state.lastAccruedNight;
    }
    job.phase = 'loans';
    await services.store.set(DAILY_JOBS, job);
  }

  while (job.phase === 'loans') {
    const page = await services.store.page<DrawDocument>(DRAWS, {
      // Only active draws have a next event date, so the date alone selects them, and the
      // query can walk the nextEventDate index in order instead of filtering every draw.
      where: { nextEventDate: { $lte: day } },
      orderBy: 'nextEventDate',
      limit: PAGE_SIZE,
      ...(job.cursor ? { cursor: job.cursor } : {}),
    });
    for (let from = 0; from < page.documents.length; from += VISIT_BATCH) {
      const batch = page.documents.slice(from, from + VISIT_BATCH);
      try {
        await visitDraws(services, batch, day, requestId, job.counts);
      } catch (error) {
        // One bad draw must not stop the portfolio: visit the batch one draw at a time.
        log.error({ err: error, firstDrawId: batch[0]?._id }, 'batch visit failed; visiting draws one by one');
        for (const draw of batch) {
          try {
            await visitDraws(services, [draw], day, requestId, job.counts);
          } catch (drawError) {
            job.counts.failures++;
            log.error({ err: drawError, drawId: draw._id }, 'daily visit failed; the draw is retried tomorrow');
          }
        }
      }
    }
    job.cursor = page.cursor ?? null;
    if (!page.cursor) job.phase = 'done';
    await services.store.set(DAILY_JOBS, job);
  }

  job.status = 'done';
  job.finishedAt = services.clock.now().toISOString();
  await services.store.set(DAILY_JOBS, job);
  log.info({ counts: job.counts }, 'daily job finished');
  return summaryOf(day, job);
}

function summaryOf(day: string, job: DailyJobDocument): DailyJobSummary {
  return {
    businessDate: day,
    status: 'done',
    accruedThrough: job.accruedThrough,
    ...job.counts,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt ?? job.startedAt,
  };
}

async function settleDisbursements(services: Services, requestId: string, counts: DailyJobDocument['counts']) {
  for await (const draw of pages<DrawDocument>(services, DRAWS, { status: 'disbursing' })) {
    try {
      const result = await settleDisbursement(services, draw._id, requestId);
      if (result.status !== 'disbursing') counts.disbursementsSettled++;
    } catch (error) {
      counts.failures++;
      services.logger.error({ err: error, drawId: draw._id, requestId }, 'settling a disbursement failed; retried tomorrow');
    }
  }
}

async function settleRepayments(services: Services, requestId: string, counts: DailyJobDocument['counts']) {
  for await (const repayment of pages<RepaymentDocument>(services, REPAYMENTS, { status: 'collecting' })) {
    try {
      const result = await settleRepayment(services, repayment._id, requestId);
      if (result.status !== 'collecting') counts.repaymentsSettled++;
    } catch (error) {
      counts.failures++;
      services.logger.error({ err: error, repaymentId: repayment._id, requestId }, 'settling a repayment failed; retried tomorrow');
    }
  }
}

/** Reads every matching document page by page, by id. */
async function* pages<T extends StoredDocument>(services: Services, collection: string, where: Record<string, string>) {
  let cursor: string | undefined;
  do {
    const page = await services.store.page<T>(collection, { where, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    yield* page.documents;
    cursor = page.cursor;
  } while (cursor);
}

/** Draws visited per transaction: one commit covers a batch, which is what keeps 1M loans fast. */
const VISIT_BATCH = 100;

/**
 * Bills what fell due, marks each draw overdue or not, and starts the auto-debits, for a
 * batch of draws in one transaction. The collections are sent after it commits.
 */
async function visitDraws(services: Services, stored: DrawDocument[], day: string, requestId: string, counts: DailyJobDocument['counts']) {
  const outcomes = await services.store.runTransaction(async (tx) => {
    const results: { billed: number; overdue: boolean; autoDebit: RepaymentDocument | null; waiting?: boolean }[] = [];
    for (const { _id } of stored) {
      const draw = await tx.get<DrawDocument>(DRAWS, _id);
      if (!draw || draw.status !== 'active' || !draw.nextEventDate || draw.nextEventDate > day) continue;
      // A repayment being collected applies as of its own date; billing past that date
      // first would leave it nothing consistent to apply to. The draw waits a day.
      if (draw.pendingRepaymentId) {
        results.push({ billed: 0, overdue: draw.overdue, autoDebit: null, waiting: true });
        continue;
      }
      const billedCount = await billDueInstallments(tx, draw, day, requestId);
      const updated: DrawDocument = { ...draw, billedCount };
      const state = loanStateOn(updated, day);
      updated.overdue = state.installments.some((item) => item.status === 'overdue');
      updated.nextEventDate = nextEventDate(updated, state, day);

      const autoDebitId = `auto_${draw._id}_${day}`;
      let autoDebit: RepaymentDocument | null = null;
      if (state.amountDueFen > 0 && !draw.pendingRepaymentId && !(await tx.get(REPAYMENTS, autoDebitId))) {
        autoDebit = {
          _id: autoDebitId,
          openId: draw.openId,
          drawId: draw._id,
          kind: 'due',
          source: 'auto_debit',
          amountFen: state.amountDueFen,
          businessDate: day,
          status: 'collecting',
          collectionId: `collect_${autoDebitId}`,
          createdAt: services.clock.now().toISOString(),
          requestId,
        };
        await tx.create(REPAYMENTS, autoDebit);
        updated.pendingRepaymentId = autoDebitId;
      }
      await tx.set(DRAWS, updated);
      results.push({ billed: billedCount - draw.billedCount, overdue: updated.overdue, autoDebit });
    }
    return results;
  });
  for (const outcome of outcomes) {
    if (outcome.waiting) {
      counts.drawsWaitingOnCollection++;
      continue;
    }
    counts.drawsVisited++;
    counts.installmentsBilled += outcome.billed;
    if (outcome.overdue) counts.overdueDraws++;
    if (outcome.autoDebit) {
      counts.autoDebitsStarted++;
      await sendCollection(services, outcome.autoDebit);
    }
  }
}

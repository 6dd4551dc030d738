import type { StoredDocument } from '../../adapters/storage/port';
import { addDays, businessDate } from '../../core/dates';
import type { Services } from '../container';
import { accrueThrough } from '../accrual/accrue';
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
};

/**
 * The daily job for a business date, run by a timer at 00:05 Asia/Shanghai: settles the
 * transfers the rail has finished, accrues the night before, bills the installments due,
 * marks overdue draws and starts the auto-debits. It is idempotent per date (a finished
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
    job.counts.disbursementsSettled += await settleDisbursements(services, requestId);
    job.counts.repaymentsSettled += await settleRepayments(services, requestId);
    const state = await services.store.runTransaction((tx) => accrueThrough(tx, addDays(day, -1), requestId));
    job.accruedThrough = state.lastAccruedNight;
    job.phase = 'loans';
    await services.store.set(DAILY_JOBS, job);
  }

  while (job.phase === 'loans') {
    const page = await services.store.page<DrawDocument>(DRAWS, {
      where: { status: 'active', nextEventDate: { $lte: day } },
      orderBy: 'nextEventDate',
      limit: PAGE_SIZE,
      ...(job.cursor ? { cursor: job.cursor } : {}),
    });
    for (const draw of page.documents) await visitDraw(services, draw, day, requestId, job.counts);
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

async function settleDisbursements(services: Services, requestId: string): Promise<number> {
  let settled = 0;
  for await (const draw of pages<DrawDocument>(services, DRAWS, { status: 'disbursing' })) {
    const result = await settleDisbursement(services, draw._id, requestId);
    if (result.status !== 'disbursing') settled++;
  }
  return settled;
}

async function settleRepayments(services: Services, requestId: string): Promise<number> {
  let settled = 0;
  for await (const repayment of pages<RepaymentDocument>(services, REPAYMENTS, { status: 'collecting' })) {
    const result = await settleRepayment(services, repayment._id, requestId);
    if (result.status !== 'collecting') settled++;
  }
  return settled;
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

/** Bills what fell due, marks the draw overdue or not, and starts the auto-debit. */
async function visitDraw(services: Services, stored: DrawDocument, day: string, requestId: string, counts: DailyJobDocument['counts']) {
  const autoDebitId = `auto_${stored._id}_${day}`;
  const outcome = await services.store.runTransaction(async (tx) => {
    const draw = await tx.get<DrawDocument>(DRAWS, stored._id);
    if (!draw || draw.status !== 'active' || !draw.nextEventDate || draw.nextEventDate > day) return null;
    const accrual = await accrueThrough(tx, addDays(day, -1), requestId);
    const billedCount = await billDueInstallments(tx, draw, day, accrual, requestId);
    const updated: DrawDocument = { ...draw, billedCount };
    const state = loanStateOn(updated, day);
    updated.overdue = state.installments.some((item) => item.status === 'overdue');
    updated.nextEventDate = nextEventDate(updated, state, day);

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
    return { billed: billedCount - draw.billedCount, overdue: updated.overdue, autoDebit };
  });
  if (!outcome) return;
  counts.drawsVisited++;
  counts.installmentsBilled += outcome.billed;
  if (outcome.overdue) counts.overdueDraws++;
  if (outcome.autoDebit) {
    counts.autoDebitsStarted++;
    await sendCollection(services, outcome.autoDebit);
  }
}

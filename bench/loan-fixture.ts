import type { Store } from '../adapters/storage/port';
import { addDays } from '../core/dates';
import { quoteDraw } from '../core/quote';
import {
  ACCRUAL_CHANGES,
  ACCRUAL_STATE,
  changeId,
  PLATFORM,
  type AccrualStateDocument,
} from '../services/accrual/accrual-state';
import { USERS, type UserDocument } from '../services/account/user-document';
import { postJournal } from '../services/ledger';
import { DRAWS, type DrawDocument } from '../services/loans/draw-document';
import { makeFixtureLoan, type FixtureLoan } from './loan-fixture-plan';

/** Documents written per store transaction while building the fixture. */
const BATCH_SIZE = 10_000;
/** A valid sandbox card (Luhn-valid, no forced failure), so every auto-debit succeeds. */
const FIXTURE_BANK_CARD = '6222021234567890128';
const MICRO_PER_FEN = 1_000_000n;

export interface FixtureTotals {
  loans: number;
  dueOnBenchmarkDate: number;
  principalFen: number;
  accruedMicroFen: bigint;
}

/** APR fields per rate and term: a typical 10,000-yuan draw; the daily job never reads them. */
function aprOf(loan: FixtureLoan, cache: Map<string, { bps: number; display: string }>) {
  const key = `${loan.dailyRatePpm}:${loan.termMonths}`;
  let apr = cache.get(key);
  if (!apr) {
    const quote = quoteDraw({
      principalFen: 1_000_000,
      termMonths: loan.termMonths,
      dailyRatePpm: loan.dailyRatePpm,
      drawDate: loan.drawDate,
      repaymentDay: loan.repaymentDay,
    });
    apr = quote.apr;
    cache.set(key, apr);
  }
  return apr;
}

function drawDocument(loan: FixtureLoan, apr: { bps: number; display: string }): DrawDocument {
  const id = String(loan.index).padStart(7, '0');
  const disbursedAt = `${loan.drawDate}T02:00:00.000Z`;
  return {
    _id: `dr_bench_${id}`,
    openId: `bench_${id}`,
    status: 'active',
    principalFen: loan.principalFen,
    termMonths: loan.termMonths,
    dailyRatePpm: loan.dailyRatePpm,
    method: 'equalPrincipal',
    repaymentDay: loan.repaymentDay,
    drawDate: loan.drawDate,
    installments: loan.installments,
    aprBasisPoints: apr.bps,
    aprText: apr.display,
    maskedBankCard: '**** 0128',
    funding: [{ funder: PLATFORM, principalFen: loan.principalFen }],
    payoutId: `payout_dr_bench_${id}`,
    createdAt: disbursedAt,
    requestId: 'bench-fixture',
    disbursedAt,
    payments: [],
    billedCount: 0,
    pendingRepaymentId: null,
    nextEventDate: loan.installments[0].dueDate,
    overdue: false,
  };
}

function userDocument(draw: DrawDocument): UserDocument {
  return {
    _id: draw.openId,
    appId: 'wx_bench',
    stage: 'credit_decided',
    createdAt: draw.createdAt,
    name: '基准测试',
    bankCard: FIXTURE_BANK_CARD,
    consents: [],
    faceAttempts: 0,
    usedFen: draw.principalFen,
    repaymentDay: draw.repaymentDay,
  };
}

/**
 * Registers each loan's accrual-rate changes the way activating a draw does: +principal ×
 * rate from the draw date, −installment principal × rate from each due date.
 */
function addRateChanges(changes: Map<string, bigint>, loan: FixtureLoan): void {
  const rate = BigInt(loan.dailyRatePpm);
  const add = (date: string, delta: bigint) => changes.set(date, (changes.get(date) ?? 0n) + delta);
  add(loan.drawDate, BigInt(loan.principalFen) * rate);
  for (const row of loan.installments) add(row.dueDate, -BigInt(row.principalFen) * rate);
}

/**
 * Writes `count` active draws (and their borrowers) in transactions of 10,000 documents,
 * and returns the totals the accrual state and the ledger need. `onProgress` gets the
 * number of loans written so far.
 */
export async function writeFixtureLoans(
  store: Store,
  count: number,
  benchmarkDate: string,
  seed: number,
  changes: Map<string, bigint>,
  onProgress: (written: number) => void,
): Promise<Omit<FixtureTotals, 'accruedMicroFen'>> {
  const aprCache = new Map<string, { bps: number; display: string }>();
  let principalFen = 0;
  let dueOnBenchmarkDate = 0;
  for (let start = 0; start < count; start += BATCH_SIZE / 2) {
    const end = Math.min(count, start + BATCH_SIZE / 2);
    const draws: DrawDocument[] = [];
    for (let index = start; index < end; index++) {
      const loan = makeFixtureLoan(index, benchmarkDate, seed);
      addRateChanges(changes, loan);
      principalFen += loan.principalFen;
      if (loan.installments[0].dueDate === benchmarkDate) dueOnBenchmarkDate++;
      draws.push(drawDocument(loan, aprOf(loan, aprCache)));
    }
    // Each loan is two documents (draw and borrower), so a batch is 10,000 documents.
    await store.runTransaction(async (tx) => {
      for (const draw of draws) {
        await tx.create(DRAWS, draw);
        await tx.create(USERS, userDocument(draw));
      }
    });
    onProgress(end);
  }
  return { loans: count, dueOnBenchmarkDate, principalFen };
}

/**
 * Writes the platform's accrual changes and its state accrued through the night two days
 * before the benchmark date, so the daily job itself accrues the last night. Returns the
 * exact accrued interest in micro-fen.
 */
export async function writeAccrual(store: Store, changes: Map<string, bigint>, benchmarkDate: string) {
  const dates = [...changes.keys()].sort();
  const lastNight = addDays(benchmarkDate, -2);
  let rate = 0n;
  let accrued = 0n;
  for (let night = dates[0]; night <= lastNight; night = addDays(night, 1)) {
    rate += changes.get(night) ?? 0n;
    accrued += rate;
  }
  for (let start = 0; start < dates.length; start += BATCH_SIZE) {
    await store.runTransaction(async (tx) => {
      for (const date of dates.slice(start, start + BATCH_SIZE)) {
        const deltaMicroFen = Number(changes.get(date));
        if (deltaMicroFen !== 0) await tx.create(ACCRUAL_CHANGES, { _id: changeId(PLATFORM, date), deltaMicroFen });
      }
    });
  }
  const state: AccrualStateDocument = {
    _id: PLATFORM,
    lastAccruedNight: lastNight,
    ratePerNightMicroFen: Number(rate),
    accruedMicroFen: accrued.toString(),
  };
  await store.set(ACCRUAL_STATE, state);
  return accrued;
}

/**
 * Posts the aggregate journals that put the fixture on the books: the pool's funding, the
 * settled disbursement of every loan, and the interest accrued so far (whole fen).
 */
export async function writeFixtureLedger(store: Store, totals: FixtureTotals, benchmarkDate: string) {
  const date = addDays(benchmarkDate, -2);
  const accruedFen = Number(totals.accruedMicroFen / MICRO_PER_FEN);
  await store.runTransaction(async (tx) => {
    const header = { requestId: 'bench-fixture', businessDate: date };
    await postJournal(tx, {
      ...header,
      journalId: 'funding:initial',
      kind: 'funding',
      entries: [
        { account: 'platform_funds', debitFen: totals.principalFen },
        { account: 'funding_equity', creditFen: totals.principalFen },
      ],
    });
    await postJournal(tx, {
      ...header,
      journalId: 'bench:disbursed',
      kind: 'disbursement_settlement',
      entries: [
        { account: 'loans_principal_receivable', debitFen: totals.principalFen },
        { account: 'platform_funds', creditFen: totals.principalFen },
      ],
    });
    if (accruedFen > 0) {
      await postJournal(tx, {
        ...header,
        journalId: 'bench:accrued',
        kind: 'interest_accrual',
        entries: [
          { account: 'interest_accrued', debitFen: accruedFen },
          { account: 'interest_income', creditFen: accruedFen },
        ],
      });
    }
  });
}

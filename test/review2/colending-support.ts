import type { DrawView, RepaymentQuote, RepaymentView } from '../../core/api';
import type { PartnerBank, PartnerDecisionRequest } from '../../adapters/ports/partner-bank';
import { checkLedger, accountBalances } from '../../services/ledger';
import { DRAWS, type DrawDocument } from '../../services/loans/draw-document';
import { PARTNER_EXPOSURE, type ExposureDocument } from '../../services/colending/exposure';
import { SANDBOX_PARTNERS } from '../../services/colending/partners';
import { afterEach, beforeAll, expect } from 'vitest';
import { acceptedDrawRequest, approvedPeople, createHarness, type Harness } from '../support/harness';

export const DAY_MS = 24 * 60 * 60 * 1000;

let keyCounter = 0;

/** Returns a fresh idempotency key in UUID form. */
export function nextKey(): string {
  keyCounter += 1;
  return `33333333-0000-4000-8000-${String(keyCounter).padStart(12, '0')}`;
}

export type ApprovedPerson = Awaited<ReturnType<typeof approvedPeople>>[number];

/** Partner eligibility that admits every approved borrower. */
export const OPEN_POLICY = { minDisplayScore: 0, maxLineFen: Number.MAX_SAFE_INTEGER };

/** State shared by the tests of one file: the approved people and a harness opener. */
export interface ColendingSuite {
  /** Approved sandbox people, loaded once before the file's tests. */
  people(): ApprovedPerson[];
  /** Starts a harness that is ledger-checked and closed after the running test. */
  open(options?: Parameters<typeof createHarness>[0]): Promise<Harness>;
}

/**
 * Registers the hooks every co-lending test file shares: the approved people load once, and
 * after each test the harness it opened must have a balanced ledger and is closed.
 */
export function colendingSuite(): ColendingSuite {
  let people: ApprovedPerson[] = [];
  let harness: Harness | undefined;
  beforeAll(async () => {
    people = await approvedPeople();
  });
  afterEach(async () => {
    const current = harness;
    harness = undefined;
    if (!current) return;
    try {
      expect(await ledgerProblems(current)).toEqual([]);
    } finally {
      await current.close();
    }
  });
  return {
    people: () => people,
    async open(options) {
      harness = await createHarness(options);
      return harness;
    },
  };
}

/**
 * Returns approved people with good cards and a line that both sandbox partners accept:
 * a line of at least 8,000 CNY (display score 60 or more) and at most 50,000 CNY.
 */
export function coLendable(people: ApprovedPerson[], count: number, skip = 0): ApprovedPerson[] {
  const bankB = SANDBOX_PARTNERS[1].eligibility;
  return people
    .filter(({ person }) => !person.bankCard.startsWith('6217'))
    .filter(({ lineFen }) => lineFen >= 800_000 && lineFen <= bankB.maxLineFen)
    .slice(skip, skip + count);
}

/** Returns the balance of a ledger account in fen, on its normal side. */
export async function balanceFen(h: Harness, account: string): Promise<number> {
  const balances = await accountBalances(h.services.store);
  return balances.find((item) => item.account === account)?.balanceFen ?? 0;
}

export async function storedDraw(h: Harness, drawId: string): Promise<DrawDocument> {
  const draw = await h.services.store.get<DrawDocument>(DRAWS, drawId);
  if (!draw) throw new Error(`draw ${drawId} not found`);
  return draw;
}

export async function exposureFen(h: Harness, partnerId: string): Promise<number> {
  const document = await h.services.store.get<ExposureDocument>(PARTNER_EXPOSURE, partnerId);
  return document?.outstandingFen ?? 0;
}

/** Returns the ledger check's problems; an empty list means the ledger balances. */
export async function ledgerProblems(h: Harness): Promise<string[]> {
  const report = await checkLedger(h.services.store);
  return report.balanced ? [] : report.problems;
}

/** Draws for a borrower and returns the draw view, failing on an error result. */
export async function drawFor(h: Harness, openId: string, amountFen: number, termMonths = 5): Promise<DrawView> {
  return h.ok<DrawView>('draw', openId, await acceptedDrawRequest(h, openId, { amountFen, termMonths, idempotencyKey: nextKey() }));
}

/** Quotes and pays a payoff or the due amount, returning the repayment view. */
export async function payNow(h: Harness, openId: string, drawId: string, kind: 'payoff' | 'due'): Promise<RepaymentView> {
  const quote = await h.ok<RepaymentQuote>('repay', openId, { action: 'quote', drawId, kind });
  return h.ok<RepaymentView>('repay', openId, {
    action: 'pay',
    drawId,
    kind,
    amountFen: quote.amountFen,
    idempotencyKey: nextKey(),
  });
}

/** Returns the number of nights from one business date to another. */
export function nightsBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** A partner bank that answers from a table: approve, decline, time out or never respond. */
export class ScriptedPartnerBank implements PartnerBank {
  readonly asked: string[] = [];

  constructor(private readonly answers: Record<string, 'approve' | 'decline' | 'timeout' | 'silent'>) {}

  async decide(request: PartnerDecisionRequest, deadlineMs: number) {
    this.asked.push(request.partnerId);
    const answer = this.answers[request.partnerId] ?? 'approve';
    if (answer === 'timeout') {
      await new Promise((resolve) => setTimeout(resolve, deadlineMs));
      throw new Error(`partner ${request.partnerId} timed out`);
    }
    if (answer === 'silent') return new Promise<never>(() => undefined);
    if (answer === 'decline') return { outcome: 'declined' as const, reason: 'scripted decline' };
    return { outcome: 'approved' as const, reference: `ref-${request.drawId}` };
  }
}

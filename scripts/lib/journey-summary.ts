import type { AccountBalance, LedgerReport } from '../../services/ledger';
import type { PersonOutcome, UnexpectedError } from './journey-outcome';
import { hasFailingCollectionCard } from './journey-people';

/** The ledger as `GET /api/sandbox/ledger` returns it. */
export interface LedgerView {
  report: LedgerReport;
  balances: AccountBalance[];
}

/** Totals of one journey run. Amounts are integer fen. */
export interface JourneySummary {
  seed: number;
  people: number;
  days: number;
  finalBusinessDate: string;
  accountsOpened: number;
  faceChecks: { passed: number; rejected: number; wrongFaceTried: number; wrongFaceRejected: number };
  credit: {
    approved: number;
    declined: number;
    /** Declines counted by the code of the reason that cost the most points. */
    topDeclineReasons: Record<string, number>;
    /** Integer means of the approved lines, rounded down. */
    averageLineFen: number;
    medianLineFen: number;
  };
  draws: {
    count: number;
    drawnFen: number;
    maxQuoteAprBasisPoints: number;
    doubledRequests: number;
    doubledRequestsWithOneDraw: number;
    cancelledAtPayout: number;
  };
  repayments: {
    borrowerDuePaid: number;
    borrowerDueFailed: number;
    borrowerDuePreemptedByAutoDebit: number;
    earlyPayoffs: number;
    earlyPayoffsFailed: number;
  };
  finalDraws: { closed: number; active: number; overdue: number; cancelled: number };
  /** People bound to a sandbox test card whose collections fail. */
  failingCards: {
    people: number;
    approved: number;
    cancelledAtPayout: number;
    withActiveDraw: number;
    overdue: number;
  };
  ledger: {
    balanced: boolean;
    journals: number;
    problems: string[];
    principalDisbursedFen: number;
    repaidPrincipalFen: number;
    outstandingPrincipalFen: number;
    interestEarnedFen: number;
    penaltyEarnedFen: number;
    /** Principal and interest per funder: the platform and each partner bank. */
    funders: FunderTotals[];
  };
  timingsMs: { total: number; onboarding: number; days: number };
  unexpectedErrors: UnexpectedError[];
}

function count(outcomes: PersonOutcome[], test: (outcome: PersonOutcome) => boolean): number {
  return outcomes.filter(test).length;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Returns the lower median of integer amounts: the mean of the middle two, rounded down. */
export function medianFen(amounts: number[]): number {
  if (amounts.length === 0) return 0;
  const sorted = [...amounts].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle];
  return Math.floor((sorted[middle - 1] + sorted[middle]) / 2);
}

function balanceOf(ledger: LedgerView, account: string): AccountBalance | undefined {
  return ledger.balances.find((balance) => balance.account === account);
}

function creditSummary(outcomes: PersonOutcome[]): JourneySummary['credit'] {
  const lines = outcomes.flatMap((outcome) => (outcome.lineFen === undefined ? [] : [outcome.lineFen]));
  const topDeclineReasons: Record<string, number> = {};
  for (const outcome of outcomes) {
    if (outcome.topDeclineReason === undefined) continue;
    topDeclineReasons[outcome.topDeclineReason] = (topDeclineReasons[outcome.topDeclineReason] ?? 0) + 1;
  }
  return {
    approved: count(outcomes, (outcome) => outcome.decision === 'approved'),
    declined: count(outcomes, (outcome) => outcome.decision === 'declined'),
    topDeclineReasons,
    averageLineFen: lines.length === 0 ? 0 : Math.floor(sum(lines) / lines.length),
    medianLineFen: medianFen(lines),
  };
}

export interface FunderTotals {
  funder: string;
  disbursedFen: number;
  repaidFen: number;
  outstandingFen: number;
  /** Interest and penalty earned: income for the platform, owed to the partner for a bank. */
  interestFen: number;
}

const PARTNER_PRINCIPAL = 'partner_principal_receivable:';

function funderTotals(ledger: LedgerView): FunderTotals[] {
  const platform = balanceOf(ledger, 'loans_principal_receivable');
  const totals: FunderTotals[] = [
    {
      funder: 'platform',
      disbursedFen: platform?.debitFen ?? 0,
      repaidFen: platform?.creditFen ?? 0,
      outstandingFen: platform?.balanceFen ?? 0,
      interestFen:
        (balanceOf(ledger, 'interest_income')?.balanceFen ?? 0) + (balanceOf(ledger, 'penalty_income')?.balanceFen ?? 0),
    },
  ];
  for (const balance of ledger.balances) {
    if (!balance.account.startsWith(PARTNER_PRINCIPAL)) continue;
    const partner = balance.account.slice(PARTNER_PRINCIPAL.length);
    totals.push({
      funder: partner,
      disbursedFen: balance.debitFen,
      repaidFen: balance.creditFen,
      outstandingFen: balance.balanceFen,
      interestFen: balanceOf(ledger, `partner_interest_payable:${partner}`)?.balanceFen ?? 0,
    });
  }
  return totals;
}

function ledgerSummary(ledger: LedgerView): JourneySummary['ledger'] {
  const principal = balanceOf(ledger, 'loans_principal_receivable');
  return {
    balanced: ledger.report.balanced,
    journals: ledger.report.journals,
    problems: ledger.report.problems,
    principalDisbursedFen: principal?.debitFen ?? 0,
    // Principal receivable is only credited by settled repayments.
    repaidPrincipalFen: principal?.creditFen ?? 0,
    outstandingPrincipalFen: principal?.balanceFen ?? 0,
    interestEarnedFen: balanceOf(ledger, 'interest_income')?.balanceFen ?? 0,
    penaltyEarnedFen: balanceOf(ledger, 'penalty_income')?.balanceFen ?? 0,
    funders: funderTotals(ledger),
  };
}

export interface SummaryInput {
  seed: number;
  days: number;
  finalBusinessDate: string;
  outcomes: PersonOutcome[];
  ledger: LedgerView;
  timingsMs: JourneySummary['timingsMs'];
  unexpectedErrors: UnexpectedError[];
}

/** Adds up the outcomes of every person and the ledger's balances into one summary. */
export function summarizeJourney(input: SummaryInput): JourneySummary {
  const { outcomes } = input;
  const drawn = outcomes.filter((outcome) => outcome.drawId !== undefined);
  const failing = outcomes.filter((outcome) => hasFailingCollectionCard(outcome.plan.person));
  return {
    seed: input.seed,
    people: outcomes.length,
    days: input.days,
    finalBusinessDate: input.finalBusinessDate,
    accountsOpened: count(outcomes, (outcome) => outcome.accountOpened),
    faceChecks: {
      passed: sum(outcomes.map((outcome) => outcome.facePassed)),
      rejected: sum(outcomes.map((outcome) => outcome.faceRejected)),
      wrongFaceTried: count(outcomes, (outcome) => outcome.plan.triesWrongFaceFirst),
      wrongFaceRejected: count(outcomes, (outcome) => outcome.wrongFaceRejected),
    },
    credit: creditSummary(outcomes),
    draws: {
      count: drawn.length,
      drawnFen: sum(drawn.map((outcome) => outcome.drawnFen ?? 0)),
      maxQuoteAprBasisPoints: Math.max(0, ...drawn.map((outcome) => outcome.quoteAprBasisPoints ?? 0)),
      doubledRequests: count(drawn, (outcome) => outcome.plan.sendsDrawTwice),
      doubledRequestsWithOneDraw: count(drawn, (outcome) => outcome.duplicateDrawSingle === true),
      cancelledAtPayout: count(drawn, (outcome) => outcome.drawStatus === 'cancelled'),
    },
    repayments: {
      borrowerDuePaid: sum(outcomes.map((outcome) => outcome.borrowerDuePaid)),
      borrowerDueFailed: sum(outcomes.map((outcome) => outcome.borrowerDueFailed)),
      borrowerDuePreemptedByAutoDebit: sum(outcomes.map((outcome) => outcome.borrowerDuePreempted)),
      earlyPayoffs: count(outcomes, (outcome) => outcome.earlyPayoff === 'succeeded'),
      earlyPayoffsFailed: count(outcomes, (outcome) => outcome.earlyPayoff === 'failed'),
    },
    finalDraws: {
      closed: count(drawn, (outcome) => outcome.finalStatus === 'closed'),
      active: count(drawn, (outcome) => outcome.finalStatus === 'active'),
      overdue: count(drawn, (outcome) => outcome.finalOverdue === true),
      cancelled: count(drawn, (outcome) => outcome.finalStatus === 'cancelled'),
    },
    failingCards: {
      people: failing.length,
      approved: count(failing, (outcome) => outcome.decision === 'approved'),
      cancelledAtPayout: count(failing, (outcome) => outcome.drawStatus === 'cancelled'),
      withActiveDraw: count(failing, (outcome) => outcome.finalStatus === 'active'),
      overdue: count(failing, (outcome) => outcome.finalOverdue === true),
    },
    ledger: ledgerSummary(input.ledger),
    timingsMs: input.timingsMs,
    unexpectedErrors: input.unexpectedErrors,
  };
}

import { formatYuan } from '../../core/money';
import type { JourneySummary } from './journey-summary';

function yuan(fen: number): string {
  return `${formatYuan(fen, { thousands: true })} CNY`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Rows of the summary table: a label and its value as text. */
export function summaryRows(summary: JourneySummary): [string, string][] {
  const { faceChecks, credit, draws, repayments, finalDraws, failingCards, ledger } = summary;
  const reasons = Object.entries(credit.topDeclineReasons)
    .sort((a, b) => b[1] - a[1])
    .map(([code, total]) => `${code} ${total}`)
    .join(', ');
  return [
    ['people', String(summary.people)],
    ['business days', `${summary.days} (ends ${summary.finalBusinessDate})`],
    ['accounts opened', String(summary.accountsOpened)],
    ['face checks passed / rejected', `${faceChecks.passed} / ${faceChecks.rejected}`],
    ['other person\'s face rejected', `${faceChecks.wrongFaceRejected} of ${faceChecks.wrongFaceTried}`],
    ['credit approved / declined', `${credit.approved} / ${credit.declined}`],
    ['top decline reasons', reasons || '-'],
    ['average / median line', `${yuan(credit.averageLineFen)} / ${yuan(credit.medianLineFen)}`],
    ['draws (count, total)', `${draws.count}, ${yuan(draws.drawnFen)}`],
    ['highest quoted APR', `${(draws.maxQuoteAprBasisPoints / 100).toFixed(2)}%`],
    ['doubled draw requests, one draw', `${draws.doubledRequestsWithOneDraw} of ${draws.doubledRequests}`],
    ['payouts failed (draw cancelled)', String(draws.cancelledAtPayout)],
    ['borrower due repayments paid / failed', `${repayments.borrowerDuePaid} / ${repayments.borrowerDueFailed}`],
    ['borrower due, auto-debit came first', String(repayments.borrowerDuePreemptedByAutoDebit)],
    ['early payoffs paid / failed', `${repayments.earlyPayoffs} / ${repayments.earlyPayoffsFailed}`],
    ['draws closed / active (of which overdue)', `${finalDraws.closed} / ${finalDraws.active} (${finalDraws.overdue})`],
    [
      'test-card people: count, approved, payout failed, active, overdue',
      [
        failingCards.people,
        failingCards.approved,
        failingCards.cancelledAtPayout,
        failingCards.withActiveDraw,
        failingCards.overdue,
      ].join(', '),
    ],
    ['platform principal disbursed', yuan(ledger.principalDisbursedFen)],
    ['platform principal repaid', yuan(ledger.repaidPrincipalFen)],
    ['platform principal outstanding', yuan(ledger.outstandingPrincipalFen)],
    ['platform interest earned', yuan(ledger.interestEarnedFen)],
    ['platform penalty interest earned', yuan(ledger.penaltyEarnedFen)],
    ...ledger.funders.map((funder): [string, string] => [
      `funder ${funder.funder}: lent / repaid / outstanding / interest`,
      [funder.disbursedFen, funder.repaidFen, funder.outstandingFen, funder.interestFen].map(yuan).join(' / '),
    ]),
    ['ledger balanced', `${ledger.balanced ? 'yes' : 'NO'} (${ledger.journals} journals)`],
    ['unexpected errors', String(summary.unexpectedErrors.length)],
    ['time total (onboarding, days)', `${seconds(summary.timingsMs.total)} (${seconds(summary.timingsMs.onboarding)}, ${seconds(summary.timingsMs.days)})`],
  ];
}

/** Formats the summary as a two-column text table, followed by any problems found. */
export function formatSummary(summary: JourneySummary): string {
  const rows = summaryRows(summary);
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
  for (const problem of summary.ledger.problems) lines.push(`ledger problem: ${problem}`);
  for (const error of summary.unexpectedErrors) {
    lines.push(`error: person ${error.personIndex}, ${error.step}: ${error.message}`);
  }
  return lines.join('\n') + '\n';
}

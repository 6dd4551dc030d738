import type {
  AccountStatus,
  CreditLineView,
  DrawView,
  LoanDetail,
  LoanQuote,
  LoanSummary,
  RepaymentQuote,
} from '../../../core/api';
import { loanAgreement } from '../../../core/agreement';

/** Server results used across page tests; amounts are integer fen. */

export const newUser: AccountStatus = {
  stage: 'new',
  invited: true,
  consents: [],
  faceAttemptsLeftToday: 5,
};

export const decidedUser: AccountStatus = {
  stage: 'credit_decided',
  invited: true,
  maskedName: '沈*',
  maskedIdNumber: '1101**********8343',
  maskedPhone: '130****4852',
  maskedBankCard: '**** 3255',
  consents: [
    { kind: 'identity', version: '2026-12-01', acceptedAt: '2026-12-01T10:00:00+08:00' },
    { kind: 'biometrics', version: '2026-12-01', acceptedAt: '2026-12-01T10:00:00+08:00' },
  ],
  faceAttemptsLeftToday: 5,
};

export const approvedLine: CreditLineView = {
  decision: 'approved',
  displayScore: 83,
  lineFen: 3_500_000,
  usedFen: 500_000,
  availableFen: 3_000_000,
  dailyRatePpm: 500,
  aprText: '18.25%',
  reasons: [{ code: 'SHORT_HISTORY', zh: '信用记录时间较短', en: 'Short credit history' }],
  modelVersion: 'scorecard-1',
  decidedAt: '2026-12-01',
};

export const declinedLine: CreditLineView = {
  ...approvedLine,
  decision: 'declined',
  displayScore: 31,
  lineFen: 0,
  usedFen: 0,
  availableFen: 0,
  reasons: [
    { code: 'LATE_PAYMENTS', zh: '近期有多次逾期还款', en: 'Recent late payments' },
    { code: 'HIGH_UTILISATION', zh: '信用卡使用率过高', en: 'High card utilisation' },
  ],
};

// 10,000.00 yuan over 5 terms at 500 ppm a day, drawn 2026-01-10: 2,000.00 principal each.
export const quote: LoanQuote = {
  amountFen: 1_000_000,
  termMonths: 5,
  dailyRatePpm: 500,
  aprText: '18.25%',
  aprBasisPoints: 1825,
  repaymentDay: 10,
  drawDate: '2026-01-10',
  installments: [
    {
      number: 1,
      dueDate: '2026-02-10',
      principalFen: 200_000,
      interestFen: 15_500,
      totalFen: 215_500,
    },
    {
      number: 2,
      dueDate: '2026-03-10',
      principalFen: 200_000,
      interestFen: 11_200,
      totalFen: 211_200,
    },
    {
      number: 3,
      dueDate: '2026-04-10',
      principalFen: 200_000,
      interestFen: 9_300,
      totalFen: 209_300,
    },
    {
      number: 4,
      dueDate: '2026-05-10',
      principalFen: 200_000,
      interestFen: 6_000,
      totalFen: 206_000,
    },
    {
      number: 5,
      dueDate: '2026-06-10',
      principalFen: 200_000,
      interestFen: 3_100,
      totalFen: 203_100,
    },
  ],
  totalInterestFen: 45_100,
  totalRepaymentFen: 1_045_100,
  maskedBankCard: '**** 3255',
  agreement: {
    ...loanAgreement({
      amountFen: 1_000_000,
      termMonths: 5,
      dailyRatePpm: 500,
      aprText: '18.25%',
      repaymentDay: 10,
      firstDueDate: '2026-02-10',
      lastDueDate: '2026-06-10',
      totalInterestFen: 45_100,
      totalRepaymentFen: 1_045_100,
      maskedBankCard: '**** 3255',
    }),
    // The server computes the digest; any 64 hex digits stand in for it here.
    digest: 'd1'.repeat(32),
  },
};

export const activeDraw: DrawView = {
  drawId: 'draw-1',
  status: 'active',
  principalFen: 1_000_000,
  outstandingPrincipalFen: 1_000_000,
  termMonths: 5,
  dailyRatePpm: 500,
  aprText: '18.25%',
  drawDate: '2026-01-10',
  maskedBankCard: '**** 3255',
  collecting: false,
  installments: quote.installments.map((row) => ({
    ...row,
    status: 'upcoming' as const,
    paidFen: 0,
    penaltyFen: 0,
  })),
};

export const overdueLoan: LoanDetail = {
  ...activeDraw,
  installments: activeDraw.installments.map((row) =>
    row.number === 1
      ? { ...row, status: 'paid' as const, paidFen: 215_500 }
      : row.number === 2
        ? { ...row, status: 'overdue' as const, penaltyFen: 4_500 }
        : row,
  ),
  outstandingPrincipalFen: 800_000,
  payoffTodayFen: 826_000,
  dueTodayFen: 215_700,
  businessDate: '2026-03-15',
};

export const closedLoan: LoanDetail = {
  ...overdueLoan,
  status: 'closed',
  outstandingPrincipalFen: 0,
  payoffTodayFen: 0,
  dueTodayFen: 0,
  installments: overdueLoan.installments.map((row) => ({ ...row, status: 'paid' as const })),
};

export const payoffQuote: RepaymentQuote = {
  drawId: 'draw-1',
  kind: 'payoff',
  amountFen: 826_000,
  principalFen: 800_000,
  interestFen: 21_500,
  penaltyFen: 4_500,
  businessDate: '2026-03-15',
};

export const loanSummaries: LoanSummary[] = [
  {
    drawId: 'draw-1',
    status: 'active',
    principalFen: 1_000_000,
    outstandingPrincipalFen: 800_000,
    drawDate: '2026-01-10',
    nextDueDate: '2026-03-10',
    nextDueFen: 215_700,
    overdue: true,
    collecting: false,
  },
  {
    drawId: 'draw-2',
    status: 'active',
    principalFen: 300_000,
    outstandingPrincipalFen: 300_000,
    drawDate: '2026-03-01',
    nextDueDate: '2026-04-01',
    nextDueFen: 31_500,
    overdue: false,
    collecting: true,
  },
  {
    drawId: 'draw-0',
    status: 'closed',
    principalFen: 50_000,
    outstandingPrincipalFen: 0,
    drawDate: '2025-11-02',
    overdue: false,
    collecting: false,
  },
];

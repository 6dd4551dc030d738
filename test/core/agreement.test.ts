import { describe, expect, it } from 'vitest';
import { formatPercent, loanAgreement, LOAN_AGREEMENT_VERSION, penaltyDailyRateText, type LoanAgreementTerms } from '../../core/agreement';

const TERMS: LoanAgreementTerms = {
  amountFen: 1_234_500,
  termMonths: 10,
  dailyRatePpm: 307,
  aprText: '11.21%',
  repaymentDay: 15,
  firstDueDate: '2027-01-15',
  lastDueDate: '2027-10-15',
  totalInterestFen: 67_891,
  totalRepaymentFen: 1_302_391,
  maskedBankCard: '**** 3255',
};

describe('formatPercent', () => {
  it.each([
    [275, 4, '0.0275%'],
    [500, 4, '0.05%'],
    [200, 4, '0.02%'],
    [4605, 5, '0.04605%'],
    [4500, 5, '0.045%'],
    [123_456, 4, '12.3456%'],
    [0, 4, '0.00%'],
  ])('formats %i at %i decimals as %s', (value, decimals, text) => {
    expect(formatPercent(value, decimals)).toBe(text);
  });
});

describe('penaltyDailyRateText', () => {
  // 1.5 × the daily rate, worked by hand: 300 → 450 ppm, 307 → 460.5 ppm, 333 → 499.5 ppm.
  it.each([
    [300, '0.045%'],
    [307, '0.04605%'],
    [333, '0.04995%'],
    [200, '0.03%'],
    [500, '0.075%'],
  ])('gives %i ppm a penalty of %s a day', (ppm, text) => {
    expect(penaltyDailyRateText(ppm)).toBe(text);
  });
});

describe('loanAgreement', () => {
  const agreement = loanAgreement(TERMS);
  const text = agreement.sections.map((section) => section.body).join('\n');

  it('carries the current version', () => {
    expect(agreement.version).toBe(LOAN_AGREEMENT_VERSION);
    expect(agreement.title).toBe('个人借款合同');
  });

  it('states the amount, card and dates', () => {
    expect(text).toContain('借款本金 12,345.00 元，发放至借款人本人名下的银行卡 **** 3255');
    expect(text).toContain('借款分 10 期，每月 15 日为还款日，首期 2027-01-15，末期 2027-10-15');
    expect(text).toContain('利息合计 678.91 元，还款总额 13,023.91 元');
  });

  it('states the rates', () => {
    expect(text).toContain('日利率 0.0307%');
    expect(text).toContain('折合年化利率（APR）11.21%');
    expect(text).toContain('按日利率 0.04605%（正常日利率的 1.5 倍）');
  });

  it('starts interest when the money arrives', () => {
    expect(text).toContain('自款项到账当日起计息，还款当日不计息');
    expect(text).toContain('款项次日才到账的，计息和还款计划从到账日起算');
  });

  it('promises early payoff without a fee', () => {
    expect(text).toContain('不收取违约金或手续费');
  });

  it('has no section heading twice', () => {
    const headings = agreement.sections.map((section) => section.heading);
    expect(new Set(headings).size).toBe(headings.length);
  });
});

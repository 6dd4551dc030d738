import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { formatPercent, loanAgreement, penaltyDailyRateText, type LoanAgreementTerms } from '../../core/agreement';
import { interestFen, penaltyInterestFen } from '../../core/interest';

/** Formats value / 10^decimals percent through decimal.js, trimming zeros down to two decimals. */
function referencePercent(value: number, decimals: number): string {
  let text = new Decimal(value).div(new Decimal(10).pow(decimals)).toFixed(decimals);
  while (/\.\d{3,}$/.test(text) && text.endsWith('0')) text = text.slice(0, -1);
  return `${text}%`;
}

/** Reads a percentage text such as "0.04605%" as an exact fraction. */
function fractionOf(percentText: string): Decimal {
  expect(percentText).toMatch(/^\d+\.\d{2,}%$/);
  return new Decimal(percentText.slice(0, -1)).div(100);
}

const TERMS: LoanAgreementTerms = {
  amountFen: 4_000_000,
  termMonths: 20,
  dailyRatePpm: 333,
  aprText: '12.16%',
  repaymentDay: 27,
  firstDueDate: '2027-01-27',
  lastDueDate: '2028-08-27',
  totalInterestFen: 1_234_567,
  totalRepaymentFen: 5_234_567,
  maskedBankCard: '**** 0014',
};

describe('formatPercent against decimal.js', () => {
  it('matches every daily rate 0 to 20000 ppm', () => {
    for (let ppm = 0; ppm <= 20_000; ppm++) {
      expect(formatPercent(ppm, 4), `${ppm} ppm`).toBe(referencePercent(ppm, 4));
    }
  });

  it('matches every penalty rate of 200 to 500 ppm', () => {
    for (let ppm = 200; ppm <= 500; ppm++) {
      expect(penaltyDailyRateText(ppm), `${ppm} ppm`).toBe(referencePercent(ppm * 15, 5));
    }
  });
});

// Ten nights on 1,000,000 fen make every ppm a whole number of fen, so the text and the
// arithmetic that charges the borrower must agree exactly.
describe('agreement rates against the charged interest', () => {
  const principalFen = 1_000_000;
  const nights = 10;

  it('daily rate text charges what interestFen charges', () => {
    for (let ppm = 200; ppm <= 500; ppm++) {
      const charged = fractionOf(formatPercent(ppm, 4)).times(principalFen).times(nights);
      expect(charged.toNumber(), `${ppm} ppm`).toBe(interestFen(principalFen, ppm, nights));
    }
  });

  it('penalty text charges what penaltyInterestFen charges', () => {
    for (let ppm = 200; ppm <= 500; ppm++) {
      const charged = fractionOf(penaltyDailyRateText(ppm)).times(principalFen).times(nights);
      expect(charged.toNumber(), `${ppm} ppm`).toBe(penaltyInterestFen(principalFen, ppm, nights));
    }
  });

  it('agreement names both rates', () => {
    const text = loanAgreement(TERMS).sections.map((section) => section.body).join('\n');
    expect(text).toContain('日利率 0.0333%');
    expect(text).toContain('按日利率 0.04995%（正常日利率的 1.5 倍）');
  });
});

describe('agreement amounts', () => {
  const text = loanAgreement(TERMS).sections.map((section) => section.body).join('\n');

  it('writes the largest draw with separators', () => {
    expect(text).toContain('借款本金 40,000.00 元');
  });

  it('writes totals with separators', () => {
    expect(text).toContain('利息合计 12,345.67 元，还款总额 52,345.67 元');
  });

  it('names the last installment date', () => {
    expect(text).toContain('借款分 20 期，每月 27 日为还款日，首期 2027-01-27，末期 2028-08-27');
  });
});

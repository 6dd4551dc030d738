import { describe, expect, it } from 'vitest';
import { LoanError } from '../../core/errors';
import { quoteDraw } from '../../core/quote';

describe('quoteDraw', () => {
  it('quotes 10,000 over 5 terms at 500 ppm', () => {
    const quote = quoteDraw({
      principalFen: 1_000_000,
      termMonths: 5,
      dailyRatePpm: 500,
      drawDate: '2026-01-10',
    });
    expect(quote.repaymentDay).toBe(10);
    expect(quote.method).toBe('equalPrincipal');
    expect(quote.installments.map((row) => row.dueDate)).toEqual([
      '2026-02-10',
      '2026-03-10',
      '2026-04-10',
      '2026-05-10',
      '2026-06-10',
    ]);
    expect(quote.totalInterestFen).toBe(45_100);
    expect(quote.totalRepaymentFen).toBe(1_045_100);
    expect(quote.apr.display).toBe('18.25%');
    expect(quote.apr.bps).toBe(1825);
  });

  it('sets the repayment day to 27 for a first draw on the 29th', () => {
    const quote = quoteDraw({
      principalFen: 500_000,
      termMonths: 10,
      dailyRatePpm: 300,
      drawDate: '2026-01-29',
    });
    expect(quote.repaymentDay).toBe(27);
    expect(quote.installments[0].dueDate).toBe('2026-02-27');
  });

  it('uses an existing repayment day for later draws', () => {
    const quote = quoteDraw({
      principalFen: 500_000,
      termMonths: 5,
      dailyRatePpm: 500,
      drawDate: '2026-01-20',
      repaymentDay: 27,
    });
    expect(quote.installments[0].dueDate).toBe('2026-02-27');
  });

  it('shows a lower APR for a lower rate', () => {
    // 200 ppm × 365 = 7.30%.
    const quote = quoteDraw({
      principalFen: 4_000_000,
      termMonths: 20,
      dailyRatePpm: 200,
      drawDate: '2026-03-01',
      method: 'equalInstallment',
    });
    expect(quote.apr.display).toBe('7.30%');
  });

  it('rejects a draw above the available line', () => {
    expect(() =>
      quoteDraw({
        principalFen: 1_000_000,
        termMonths: 5,
        dailyRatePpm: 500,
        drawDate: '2026-01-10',
        availableLineFen: 500_000,
      }),
    ).toThrow(LoanError);
  });

  it('rejects an unsupported term and rate', () => {
    const base = { principalFen: 1_000_000, dailyRatePpm: 500, drawDate: '2026-01-10' };
    expect(() => quoteDraw({ ...base, termMonths: 12 })).toThrow('Term must be 5, 10, 20');
    expect(() => quoteDraw({ ...base, termMonths: 5, dailyRatePpm: 700 })).toThrow('Daily rate');
  });
});

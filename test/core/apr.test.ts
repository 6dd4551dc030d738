import { describe, expect, it } from 'vitest';
import { describeApr, loanApr, xirr, type CashFlow } from '../../core/apr';
import { LoanError } from '../../core/errors';
import { buildDrawSchedule } from '../../core/schedule';

/** Cash flows of a draw at 500 ppm: the payout, then each installment. */
function drawFlows(
  principalFen: number,
  drawDate: string,
  termMonths: number,
  repaymentDay: number,
): CashFlow[] {
  const schedule = { principalFen, dailyRatePpm: 500, drawDate, termMonths, repaymentDay };
  const rows = buildDrawSchedule(schedule);
  return [
    { date: drawDate, amountFen: -principalFen },
    ...rows.map((row) => ({ date: row.dueDate, amountFen: row.totalFen })),
  ];
}

describe('xirr', () => {
  it('solves a six-day loss without a starting guess', () => {
    // (97,642 / 99,995)^(365 / 6) − 1 = −0.76510 (actual/365).
    const rate = xirr([
      { date: '2021-08-03', amountFen: -9_999_500 },
      { date: '2021-08-09', amountFen: 9_764_200 },
    ]);
    expect(rate).toBeCloseTo(-0.7651, 4);
  });

  it('returns 10% for one year at 10%', () => {
    const rate = xirr([
      { date: '2021-01-01', amountFen: -10_000 },
      { date: '2022-01-01', amountFen: 11_000 },
    ]);
    expect(rate).toBeCloseTo(0.1, 10);
  });

  it('handles extreme gains and losses without NaN', () => {
    const cases: CashFlow[][] = [
      [
        { date: '2024-01-01', amountFen: -100 },
        { date: '2024-01-02', amountFen: 200 },
      ],
      [
        { date: '2024-01-01', amountFen: -1_000_000 },
        { date: '2024-01-02', amountFen: 1 },
      ],
      [
        { date: '2024-01-01', amountFen: 500 },
        { date: '2030-01-01', amountFen: -900 },
      ],
    ];
    for (const flows of cases) {
      const rate = xirr(flows);
      expect(Number.isFinite(rate)).toBe(true);
      expect(rate).toBeGreaterThanOrEqual(-1);
    }
  });

  it('rejects a rate too large for a double', () => {
    const flows = [
      { date: '2024-01-01', amountFen: -100 },
      { date: '2024-01-02', amountFen: 1_000_000 },
    ];
    expect(() => xirr(flows)).toThrow('too large to represent');
  });

  it('rejects flows without a sign change', () => {
    expect(() =>
      xirr([
        { date: '2024-01-01', amountFen: 100 },
        { date: '2024-02-01', amountFen: 100 },
      ]),
    ).toThrow(LoanError);
    expect(() => xirr([{ date: '2024-01-01', amountFen: -100 }])).toThrow(LoanError);
  });
});

describe('loanApr', () => {
  it('shows 18.25% for 10,000 at 0.05% a day', () => {
    const apr = loanApr(drawFlows(1_000_000, '2026-01-10', 5, 10));
    expect(apr.display).toBe('18.25%');
    expect(apr.bps).toBe(1825);
    expect(apr.dailyRate).toBeCloseTo(0.0005, 12);
  });

  it('shows 18.25% for the largest draw over 20 terms', () => {
    expect(loanApr(drawFlows(4_000_000, '2026-03-01', 20, 1)).display).toBe('18.25%');
  });

  it('can show 18.26% on the smallest draws because of fen rounding', () => {
    expect(loanApr(drawFlows(50_000, '2026-01-13', 20, 27)).display).toBe('18.26%');
  });

  it('is above the plain XIRR of the same flows', () => {
    // Compounding at each payment date, not daily: XIRR of a 0.05%/day loan is ~19.86%.
    const flows = drawFlows(1_000_000, '2026-01-10', 5, 10);
    expect(xirr(flows)).toBeCloseTo(0.1986, 3);
  });

  it('solves a short losing loan without NaN', () => {
    const apr = loanApr([
      { date: '2021-08-03', amountFen: -9_999_500 },
      { date: '2021-08-09', amountFen: 9_764_200 },
    ]);
    // Simple interest over one 6-day gap: (97,642 / 99,995 − 1) / 6 × 365 = −143.15%.
    expect(apr.display).toBe('-143.15%');
  });

  it('rejects flows without a sign change', () => {
    expect(() =>
      loanApr([
        { date: '2024-01-01', amountFen: -100 },
        { date: '2024-02-01', amountFen: -100 },
      ]),
    ).toThrow(LoanError);
  });
});

describe('describeApr', () => {
  it.each([
    [0.1825, 1825, '18.25%'],
    [0.24, 2400, '24.00%'],
    [0.07305, 731, '7.31%'],
    [0.005, 50, '0.50%'],
  ])('shows %d as %i bps and %s', (rate, bps, display) => {
    expect(describeApr(rate).bps).toBe(bps);
    expect(describeApr(rate).display).toBe(display);
  });
});

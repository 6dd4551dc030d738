import { describe, expect, it } from 'vitest';
import {
  creditLineFen,
  creditPolicy,
  DEFAULT_CREDIT_POLICY,
  LINE_STEP_FEN,
} from '../../../core/scoring/policy';

describe('creditPolicy', () => {
  it('declines below the cutoff', () => {
    for (const score of [0, 20, 39]) {
      expect(creditPolicy(score)).toEqual({
        decision: 'declined',
        lineFen: 0,
        dailyRatePpm: 0,
        band: 'DECLINED',
      });
    }
  });

  it('maps scores to line, rate and band', () => {
    // score, line in fen, ppm/day, band; lines hand-checked from the anchors
    const table: [number, number, number, string][] = [
      [40, 50_000, 500, 'F'], // anchor 500 CNY
      [45, 170_000, 500, 'F'], // 500 + 2,500 × 5/10 = 1,750 → 1,700 CNY
      [50, 300_000, 450, 'E'], // anchor 3,000 CNY
      [59, 750_000, 450, 'E'], // 3,000 + 5,000 × 9/10 = 7,500 CNY
      [60, 800_000, 400, 'D'],
      [70, 1_800_000, 350, 'C'],
      [76, 2_580_000, 350, 'C'], // 18,000 + 17,000 × 6/13 = 25,846.2 → 25,800 CNY
      [80, 3_100_000, 300, 'B'], // 18,000 + 17,000 × 10/13 = 31,076.9 → 31,000 CNY
      [83, 3_500_000, 300, 'B'], // anchor 35,000 CNY
      [89, 7_350_000, 300, 'B'], // 35,000 + 45,000 × 6/7 = 73,571.4 → 73,500 CNY
      [90, 8_000_000, 200, 'A'],
      [95, 14_000_000, 200, 'A'],
      [100, 20_000_000, 200, 'A'],
    ];
    for (const [score, lineFen, dailyRatePpm, band] of table) {
      const decision = creditPolicy(score);
      expect(decision.decision, `score ${score}`).toBe('approved');
      expect(decision.lineFen, `score ${score}`).toBe(lineFen);
      expect(decision.dailyRatePpm, `score ${score}`).toBe(dailyRatePpm);
      expect(decision.band, `score ${score}`).toBe(band);
    }
  });

  it('gives about 35,000 CNY at score 83', () => {
    const lineFen = creditPolicy(83).lineFen;
    expect(lineFen).toBeGreaterThanOrEqual(3_325_000);
    expect(lineFen).toBeLessThanOrEqual(3_675_000);
  });

  it('keeps lines in 500–200,000 CNY multiples of 100', () => {
    for (let score = DEFAULT_CREDIT_POLICY.declineBelowScore; score <= 100; score += 1) {
      const lineFen = creditLineFen(score);
      expect(lineFen % LINE_STEP_FEN, `score ${score}`).toBe(0);
      expect(lineFen, `score ${score}`).toBeGreaterThanOrEqual(50_000);
      expect(lineFen, `score ${score}`).toBeLessThanOrEqual(20_000_000);
    }
  });

  it('raises line and lowers rate with score', () => {
    for (let score = DEFAULT_CREDIT_POLICY.declineBelowScore; score < 100; score += 1) {
      const now = creditPolicy(score);
      const next = creditPolicy(score + 1);
      expect(next.lineFen, `score ${score + 1}`).toBeGreaterThan(now.lineFen);
      expect(next.dailyRatePpm, `score ${score + 1}`).toBeLessThanOrEqual(now.dailyRatePpm);
      expect(now.dailyRatePpm).toBeGreaterThanOrEqual(200);
      expect(now.dailyRatePpm).toBeLessThanOrEqual(500);
    }
  });

  it('rejects scores outside 0–100', () => {
    for (const score of [-1, 101, 50.5, Number.NaN]) {
      expect(() => creditPolicy(score)).toThrow(/displayScore must be an integer from 0 to 100/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { fitBinLogistic, type SparseRow } from '../../scripts/lib/model-bin-logistic';
import { seededRandom } from '../../scripts/lib/model-split';

const options = { maxIterations: 50, tolerance: 1e-10 };

describe('fitBinLogistic', () => {
  it('recovers bin log odds without a penalty', () => {
    // One characteristic with bins in columns 1 and 2. The intercept makes them collinear, so
    // a tiny penalty picks one solution, and only the log odds per bin must match.
    // Bin A: 80 good, 20 bad → ln(20/80) = −1.386294. Bin B: 50/50 → 0.
    const rows: SparseRow[] = [];
    const labels: number[] = [];
    const add = (slot: number, bads: number, goods: number) => {
      for (let i = 0; i < bads + goods; i += 1) {
        rows.push({ slots: Int32Array.of(slot), values: Float64Array.of(1) });
        labels.push(i < bads ? 1 : 0);
      }
    };
    add(1, 20, 80);
    add(2, 50, 50);
    const fit = fitBinLogistic(rows, 3, labels, { ...options, l2Penalty: 1e-6 });
    expect(fit.converged).toBe(true);
    expect(fit.intercept + fit.coefficients[1]).toBeCloseTo(Math.log(20 / 80), 4);
    expect(fit.intercept + fit.coefficients[2]).toBeCloseTo(0, 4);
  });

  it('recovers a WOE-style coefficient on a numeric column', () => {
    const random = seededRandom(5);
    const rows: SparseRow[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      const x = random() * 4 - 2;
      const p = 1 / (1 + Math.exp(-(-1 - 0.8 * x)));
      rows.push({ slots: Int32Array.of(1), values: Float64Array.of(x) });
      labels.push(random() < p ? 1 : 0);
    }
    const fit = fitBinLogistic(rows, 2, labels, { ...options, l2Penalty: 0 });
    expect(fit.intercept).toBeCloseTo(-1, 1);
    expect(fit.coefficients[1]).toBeCloseTo(-0.8, 1);
  });

  it('shrinks coefficients under a strong penalty', () => {
    const rows: SparseRow[] = [0, 0, 1, 1].map((v) => ({
      slots: Int32Array.of(1),
      values: Float64Array.of(v),
    }));
    const labels = [0, 1, 1, 1];
    const loose = fitBinLogistic(rows, 2, labels, { ...options, l2Penalty: 0.01 });
    const tight = fitBinLogistic(rows, 2, labels, { ...options, l2Penalty: 10 });
    expect(Math.abs(tight.coefficients[1])).toBeLessThan(Math.abs(loose.coefficients[1]));
  });
});

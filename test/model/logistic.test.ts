import { describe, expect, it } from 'vitest';
import { fitLogisticL2 } from '../../scripts/lib/model-logistic';
import { seededRandom } from '../../scripts/lib/model-split';

describe('fitLogisticL2', () => {
  it('recovers known coefficients', () => {
    const random = seededRandom(3);
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 20_000; i += 1) {
      const x1 = random() * 4 - 2;
      const x2 = random() * 4 - 2;
      const p = 1 / (1 + Math.exp(-(-1 + 1.5 * x1 - 0.5 * x2)));
      rows.push([x1, x2]);
      labels.push(random() < p ? 1 : 0);
    }
    const fit = fitLogisticL2(rows, labels, { l2Penalty: 0, maxIterations: 50, tolerance: 1e-10 });
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(15);
    expect(fit.intercept).toBeCloseTo(-1, 1);
    expect(fit.coefficients[0]).toBeCloseTo(1.5, 1);
    expect(fit.coefficients[1]).toBeCloseTo(-0.5, 1);
  });

  it('shrinks coefficients under a strong penalty', () => {
    const rows = [[-1], [-1], [1], [1], [1], [-1]];
    const labels = [0, 0, 1, 1, 0, 1];
    const settings = { maxIterations: 50, tolerance: 1e-10 };
    const loose = fitLogisticL2(rows, labels, { ...settings, l2Penalty: 0 });
    const tight = fitLogisticL2(rows, labels, { ...settings, l2Penalty: 10 });
    // Unpenalised: P(bad | x=1) = 2/3, P(bad | x=−1) = 1/3, so β = ln 2 ≈ 0.693147.
    expect(loose.coefficients[0]).toBeCloseTo(Math.log(2), 6);
    expect(Math.abs(tight.coefficients[0])).toBeLessThan(Math.abs(loose.coefficients[0]));
  });
});

import { describe, expect, it } from 'vitest';
import {
  areaUnderRoc,
  calibrationDeciles,
  binShares,
  brierScore,
  giniCoefficient,
  kolmogorovSmirnov,
  populationStabilityIndex,
} from '../../scripts/lib/model-metrics';

const labels = [0, 0, 0, 1, 1];

describe('areaUnderRoc', () => {
  it('is 1 for a perfect ranking', () => {
    expect(areaUnderRoc([0.1, 0.2, 0.3, 0.8, 0.9], labels)).toBe(1);
  });

  it('is 0 for a reversed ranking', () => {
    expect(areaUnderRoc([0.9, 0.8, 0.7, 0.2, 0.1], labels)).toBe(0);
  });

  it('is one half for all ties', () => {
    expect(areaUnderRoc([1, 1, 1, 1, 1], labels)).toBe(0.5);
  });

  it('counts pairs by hand', () => {
    // bads 0.4 and 0.8; goods 0.1, 0.5, 0.6. Pairs where the bad outranks: 0.4>0.1,
    // 0.8>0.1, 0.8>0.5, 0.8>0.6 → 4 of 6.
    expect(areaUnderRoc([0.1, 0.5, 0.6, 0.4, 0.8], labels)).toBeCloseTo(4 / 6, 12);
  });

  it('rejects a single class', () => {
    expect(() => areaUnderRoc([0.1, 0.2], [0, 0])).toThrow(/at least one bad and one good/);
  });
});

describe('kolmogorovSmirnov', () => {
  it('is 1 for a perfect ranking', () => {
    expect(kolmogorovSmirnov([0.1, 0.2, 0.3, 0.8, 0.9], labels)).toBe(1);
  });

  it('is 0 for a reversed ranking', () => {
    expect(kolmogorovSmirnov([0.9, 0.8, 0.7, 0.2, 0.1], labels)).toBe(0);
  });

  it('matches a hand-computed split', () => {
    // Same scores as the AUC pair count. At threshold 0.8: bads 1/2, goods 0/3 → 0.5.
    // At 0.4: bads 2/2, goods 2/3 → 1/3. Maximum 0.5.
    expect(kolmogorovSmirnov([0.1, 0.5, 0.6, 0.4, 0.8], labels)).toBeCloseTo(0.5, 12);
  });

  it('does not split tied scores', () => {
    expect(kolmogorovSmirnov([0.5, 0.5, 0.5, 0.5, 0.5], labels)).toBe(0);
  });
});

describe('calibrationDeciles', () => {
  it('averages predictions and outcomes per tenth', () => {
    const probabilities = Array.from({ length: 20 }, (_, i) => i / 20);
    const outcomes = probabilities.map((_, i) => (i >= 18 ? 1 : 0));
    const rows = calibrationDeciles(probabilities, outcomes);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({ decile: 1, count: 2, predictedRate: 0.025, observedRate: 0 });
    expect(rows[9].predictedRate).toBeCloseTo(0.925, 12);
    expect(rows[9].observedRate).toBe(1);
  });
});

describe('giniCoefficient and brierScore', () => {
  it('maps AUC to Gini', () => {
    expect(giniCoefficient(0.75)).toBeCloseTo(0.5, 12);
    expect(giniCoefficient(0.5)).toBe(0);
  });

  it('averages squared errors', () => {
    // (0.2−0)² + (0.9−1)² + (0.5−1)² + (0.4−0)² = 0.04 + 0.01 + 0.25 + 0.16 = 0.46; / 4
    expect(brierScore([0.2, 0.9, 0.5, 0.4], [0, 1, 1, 0])).toBeCloseTo(0.115, 12);
  });
});

describe('populationStabilityIndex', () => {
  it('is zero for equal distributions', () => {
    expect(populationStabilityIndex([0.2, 0.3, 0.5], [0.2, 0.3, 0.5])).toBe(0);
  });

  it('matches a hand-computed shift', () => {
    // (0.3−0.5)ln(0.3/0.5) + (0.7−0.5)ln(0.7/0.5) = 0.102165 + 0.067294 = 0.169460
    expect(populationStabilityIndex([0.5, 0.5], [0.3, 0.7])).toBeCloseTo(0.16946, 5);
  });

  it('stays finite for an empty bin', () => {
    expect(Number.isFinite(populationStabilityIndex([0.5, 0.5], [0, 1]))).toBe(true);
  });

  it('rejects different bins', () => {
    expect(() => populationStabilityIndex([1], [0.5, 0.5])).toThrow(/same bins/);
  });
});

describe('binShares', () => {
  it('counts values per half-open bin', () => {
    expect(binShares([0, 9, 10, 100], [0, 10, 101])).toEqual([0.5, 0.5]);
  });
});

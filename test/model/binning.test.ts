import { describe, expect, it } from 'vitest';
import { binFeature, DEFAULT_BINNING, type BinningOptions } from '../../scripts/lib/model-binning';
import { seededRandom } from '../../scripts/lib/model-split';

const rate = (bin: { goods: number; bads: number }) => bin.bads / (bin.goods + bin.bads);

/** 5,000 rows: x uniform in 0–100, P(bad) a noisy U shape in x plus a bump, seeded. */
function syntheticData(seed: number, rising: boolean) {
  const random = seededRandom(seed);
  const values: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < 5_000; i += 1) {
    const x = random() * 100;
    const base = rising ? x / 100 : 1 - x / 100;
    const bump = x > 40 && x < 50 ? -0.3 : 0;
    const p = Math.min(0.95, Math.max(0.02, 0.1 + 0.6 * base + bump));
    values.push(i % 50 === 0 ? Number.NaN : x);
    labels.push(random() < p ? 1 : 0);
  }
  return { values, labels };
}

const monotone = (minBinFraction: number): BinningOptions => ({
  ...DEFAULT_BINNING,
  preBinCount: 20,
  minBinFraction,
});

describe('binFeature', () => {
  for (const rising of [true, false]) {
    const { values, labels } = syntheticData(rising ? 7 : 11, rising);
    const binning = binFeature(values, labels, monotone(0.05));

    it(`finds the ${rising ? 'rising' : 'falling'} trend`, () => {
      expect(binning.direction).toBe(rising ? 'increasing' : 'decreasing');
    });

    it(`makes bad rates strictly monotone (${rising ? 'rising' : 'falling'})`, () => {
      expect(binning.bins.length).toBeGreaterThan(2);
      for (let i = 1; i < binning.bins.length; i += 1) {
        const step = rate(binning.bins[i]) - rate(binning.bins[i - 1]);
        expect(rising ? step : -step, `bins ${i - 1} and ${i}`).toBeGreaterThan(0);
      }
    });

    it(`keeps every bin above 5% of rows (${rising ? 'rising' : 'falling'})`, () => {
      for (const bin of binning.bins) {
        expect(bin.goods + bin.bads).toBeGreaterThanOrEqual(250);
      }
    });

    it(`counts every row once (${rising ? 'rising' : 'falling'})`, () => {
      const total = binning.bins.reduce((sum, bin) => sum + bin.goods + bin.bads, 0);
      expect(total + binning.missing.goods + binning.missing.bads).toBe(5_000);
      expect(binning.missing.goods + binning.missing.bads).toBe(100);
    });

    it(`orders edges and leaves the last open (${rising ? 'rising' : 'falling'})`, () => {
      const uppers = binning.bins.map((bin) => bin.upper);
      expect(uppers[uppers.length - 1]).toBeNull();
      const edges = uppers.slice(0, -1) as number[];
      expect(edges).toEqual([...edges].sort((a, b) => a - b));
    });
  }

  it('bins a constant feature into one bin', () => {
    const binning = binFeature([3, 3, 3, 3], [0, 1, 0, 0]);
    expect(binning.bins).toEqual([{ upper: null, goods: 3, bads: 1 }]);
  });

  it('keeps discrete values whole', () => {
    // status −1 ×40 (10% bad), 0 ×40 (20% bad), 2 ×20 (60% bad)
    const values = [...Array(40).fill(-1), ...Array(40).fill(0), ...Array(20).fill(2)];
    const labels = [
      ...Array(36).fill(0), ...Array(4).fill(1),
      ...Array(32).fill(0), ...Array(8).fill(1),
      ...Array(8).fill(0), ...Array(12).fill(1),
    ];
    const binning = binFeature(values, labels, monotone(0.05));
    expect(binning.bins.map((bin) => bin.upper)).toEqual([-1, 0, null]);
    expect(binning.bins.map((bin) => bin.bads)).toEqual([4, 8, 12]);
  });

  it('bins an all-missing feature into one empty bin', () => {
    const binning = binFeature([NaN, NaN, NaN], [0, 1, 1], monotone(0.05));
    expect(binning.bins).toEqual([{ upper: null, goods: 0, bads: 0 }]);
    expect(binning.missing).toEqual({ goods: 1, bads: 2 });
    expect(binning.direction).toBe('none');
  });

  it('keeps a bin with one class only', () => {
    // 0 ×50 all good, 1 ×50 all bad: two bins, each of one class.
    const values = [...Array(50).fill(0), ...Array(50).fill(1)];
    const labels = [...Array(50).fill(0), ...Array(50).fill(1)];
    const binning = binFeature(values, labels, monotone(0.05));
    expect(binning.bins).toEqual([
      { upper: 0, goods: 50, bads: 0 },
      { upper: null, goods: 0, bads: 50 },
    ]);
    expect(binning.direction).toBe('increasing');
  });

  it('merges bins below the minimum size', () => {
    // 1 ×5 all bad would be its own bin, but 5 rows < 10% of 100.
    const values = [...Array(95).fill(0), ...Array(5).fill(1)];
    const labels = [...Array(80).fill(0), ...Array(15).fill(1), ...Array(5).fill(1)];
    const binning = binFeature(values, labels, monotone(0.1));
    expect(binning.bins).toEqual([{ upper: null, goods: 80, bads: 20 }]);
  });

  it('puts special values in bins of their own', () => {
    // 0 is special (50% bad); the rest rises from 10% to 30% bad.
    const values = [...Array(20).fill(0), ...Array(40).fill(1), ...Array(40).fill(2)];
    const labels = [
      ...Array(10).fill(0), ...Array(10).fill(1),
      ...Array(36).fill(0), ...Array(4).fill(1),
      ...Array(28).fill(0), ...Array(12).fill(1),
    ];
    const options = { ...monotone(0.05), specialValues: [0] };
    const binning = binFeature(values, labels, options);
    expect(binning.specials).toEqual([{ value: 0, goods: 10, bads: 10 }]);
    expect(binning.bins).toEqual([
      { upper: 1, goods: 36, bads: 4 },
      { upper: null, goods: 28, bads: 12 },
    ]);
  });

  it('keeps a categorical pattern that is not monotone', () => {
    // Repayment status −2 (30% bad), −1 (10%), 0 (20%): a V shape kept in categorical mode.
    const values = [...Array(30).fill(-2), ...Array(40).fill(-1), ...Array(30).fill(0)];
    const labels = [
      ...Array(21).fill(0), ...Array(9).fill(1),
      ...Array(36).fill(0), ...Array(4).fill(1),
      ...Array(24).fill(0), ...Array(6).fill(1),
    ];
    const categorical = binFeature(values, labels, { ...monotone(0.05), mode: 'categorical' });
    expect(categorical.bins.map((bin) => bin.upper)).toEqual([-2, -1, null]);
    expect(categorical.direction).toBe('none');
    const merged = binFeature(values, labels, monotone(0.05));
    expect(merged.bins.length).toBeLessThan(3);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_BINNING } from '../../scripts/lib/model-binning';
import type { CharacteristicSpec } from '../../scripts/lib/model-characteristics';
import { trainBinModel, type EngineOptions } from '../../scripts/lib/model-engine';

/**
 * Four values of `x1`, 2,000 rows each, and a binary `x2`. The bad rate rises with x1 overall
 * (9%, 23%, 42%, 47%), but x1 = 3 is risky only because most of its rows have x2 = 1: with x2
 * held fixed, x1 = 3 (10% or 50%) is safer than x1 = 2 (15% or 55%). A free per-bin fit gives
 * x1 = 3 a lower coefficient than x1 = 2, against the trend.
 */
const cells = [
  // [x1, x2, rows, bads]
  [1, 0, 1800, 90],
  [1, 1, 200, 90],
  [2, 0, 1600, 240],
  [2, 1, 400, 220],
  [3, 0, 400, 40],
  [3, 1, 1600, 800],
  [4, 0, 1400, 490],
  [4, 1, 600, 450],
] as const;

const x1: number[] = [];
const x2: number[] = [];
const labels: number[] = [];
for (const [a, b, rows, bads] of cells) {
  for (let i = 0; i < rows; i += 1) {
    x1.push(a);
    x2.push(b);
    labels.push(i < bads ? 1 : 0);
  }
}
const columns = { x1: Float64Array.from(x1), x2: Float64Array.from(x2) };
const rows = labels.map((_, i) => i);
const binning = { ...DEFAULT_BINNING, minBinFraction: 0.05 };
const specs: CharacteristicSpec[] = [
  { kind: 'feature', name: 'x1', binning },
  { kind: 'feature', name: 'x2', binning },
];
const engine = (monotoneCoding: EngineOptions['monotoneCoding']): EngineOptions => ({
  minIv: 0,
  maxCorrelation: 0.99,
  l2Penalties: [1],
  innerFolds: 3,
  seed: 1,
  logistic: { maxIterations: 50, tolerance: 1e-9 },
  monotoneCoding,
});

describe('trainBinModel with per-bin coefficients', () => {
  const messages: string[] = [];
  const model = trainBinModel(columns, labels, rows, specs, engine('bins'), (m) => messages.push(m));
  const x1Effects = Array.from(model.slotEffects[model.characteristics.findIndex((c) => c.spec.name === 'x1')]);

  it('bins x1 by its four values', () => {
    const table = model.characteristics.find((c) => c.spec.name === 'x1')?.tables[0];
    expect(table?.bins.map((bin) => bin.upper)).toEqual([1, 2, 3, null]);
  });

  it('merges only the crossing bins', () => {
    expect(model.coding).toEqual(['bins', 'bins']);
    expect(messages.at(-1)).toContain('(1 bin merges)');
    const [one, two, three, four] = x1Effects;
    expect(two).toBe(three);
    expect(two).toBeGreaterThan(one);
    expect(four).toBeGreaterThan(three);
  });

  it('fits the shared bin to the pooled rate', () => {
    // Pooled x1 ∈ {2, 3}: x2 = 0 has 2,000 rows and 280 bads; the fitted cell log odds match
    // the pooled rate within the small penalty's pull.
    const x2Effects = model.slotEffects[model.characteristics.findIndex((c) => c.spec.name === 'x2')];
    const logOdds = model.intercept + x1Effects[1] + x2Effects[0];
    expect(logOdds).toBeCloseTo(Math.log(280 / 1720), 1);
  });

  it('keeps WOE coding monotone', () => {
    const woe = trainBinModel(columns, labels, rows, specs, engine('woe'));
    expect(woe.coding).toEqual(['woe', 'woe']);
    const x1Index = woe.characteristics.findIndex((c) => c.spec.name === 'x1');
    const effects = Array.from(woe.slotEffects[x1Index]).slice(0, 4);
    expect(effects.every((effect, i) => i === 0 || effect > effects[i - 1])).toBe(true);
  });
});

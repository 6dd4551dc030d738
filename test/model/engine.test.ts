import { describe, expect, it } from 'vitest';
import type { CharacteristicSpec } from '../../scripts/lib/model-characteristics';
import { trainBinModel, type EngineOptions } from '../../scripts/lib/model-engine';
import { CROSSING, expandCells, MONOTONE } from './bin-cells';

// The crossing cells: the bad rate rises with x1 overall, but x1 = 3 is safer than x1 = 2
// once x2 (the confounder) is known, so a free per-bin fit puts those two against the trend.
const cells = CROSSING.map(([x1, x2, rows, bads]) => ({ values: { x1, x2 }, rows, bads }));
const { columns, labels } = expandCells(cells);
const rows = labels.map((_, i) => i);
const specs: CharacteristicSpec[] = [
  { kind: 'feature', name: 'x1', binning: MONOTONE },
  { kind: 'feature', name: 'x2', binning: MONOTONE },
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

import { describe, expect, it } from 'vitest';
import type { CharacteristicSpec } from '../../scripts/lib/model-characteristics';
import { trainBinModel } from '../../scripts/lib/model-engine';
import {
  binsEngine,
  CATEGORICAL,
  CROSSING,
  expandCells,
  MONOTONE,
  tableEffects,
  weaklyFalling,
  weaklyRising,
  type Cell,
} from './bin-cells';

const feature = (name: string, binning = MONOTONE): CharacteristicSpec => ({
  kind: 'feature',
  name,
  binning,
});

function train(cells: readonly Cell[], specs: CharacteristicSpec[]) {
  const { columns, labels } = expandCells(cells);
  const messages: string[] = [];
  const rows = labels.map((_, i) => i);
  const model = trainBinModel(columns, labels, rows, specs, binsEngine(), (m) => messages.push(m));
  const merges = Number(/\((\d+) bin merges\)/.exec(messages.at(-1) ?? '')?.[1]);
  return { model, merges };
}

describe('bins coding on a falling trend', () => {
  // x runs the other way, so the bad rate falls with x and x = 2 / x = 3 cross.
  const cells = CROSSING.map(([x, z, rows, bads]) => ({ values: { x: 5 - x, z }, rows, bads }));
  const { model, merges } = train(cells, [feature('x'), feature('z')]);
  const x = tableEffects(model, 'x', 0).bins;

  it('keeps four bins of x', () => {
    expect(x).toHaveLength(4);
  });

  it('merges the crossing pair', () => {
    expect(merges).toBe(1);
    expect(x[1]).toBe(x[2]);
  });

  it('keeps coefficients falling', () => {
    expect(weaklyFalling(x)).toBe(true);
    expect(x[0]).toBeGreaterThan(x[1]);
    expect(x[2]).toBeGreaterThan(x[3]);
  });
});

describe('bins coding when every bin crosses', () => {
  // Overall the bad rate rises with x (22%, 35%, 46%) only because z = 1 grows from 10% to 90%
  // of the rows; within z it falls. Missing x rows are risky on their own.
  const cells: Cell[] = [];
  const zShare = [0.1, 0.5, 0.9];
  const rateZ0 = [0.2, 0.15, 0.1];
  const rateZ1 = [0.6, 0.55, 0.5];
  [1, 2, 3].forEach((x, i) => {
    const ones = 2000 * zShare[i];
    const zeros = 2000 - ones;
    cells.push({ values: { x, z: 0 }, rows: zeros, bads: Math.round(zeros * rateZ0[i]) });
    cells.push({ values: { x, z: 1 }, rows: ones, bads: Math.round(ones * rateZ1[i]) });
  });
  cells.push({ values: { x: Number.NaN, z: 0 }, rows: 600, bads: 300 });
  const { model } = train(cells, [feature('x'), feature('z')]);
  const x = tableEffects(model, 'x', 0);

  it('bins x in three rising bins', () => {
    const bins = model.characteristics.find((c) => c.spec.name === 'x')?.tables[0].bins ?? [];
    const rates = bins.map((bin) => bin.bads / (bin.goods + bin.bads));
    expect(rates).toHaveLength(3);
    expect(weaklyRising(rates)).toBe(true);
  });

  it('gives all ordinary bins one coefficient', () => {
    expect(x.bins[1]).toBe(x.bins[0]);
    expect(x.bins[2]).toBe(x.bins[0]);
  });

  it('keeps the missing slot out of the merge', () => {
    expect(x.missing).not.toBe(x.bins[0]);
    expect(x.missing).toBeGreaterThan(x.bins[0] + 0.5);
  });
});

describe('bins coding on degenerate columns', () => {
  const signal: Cell[] = [
    { values: { z: 0 }, rows: 3000, bads: 300 },
    { values: { z: 1 }, rows: 3000, bads: 1200 },
  ];
  const withX = (x: (i: number) => number): Cell[] =>
    signal.flatMap((cell, i) => [
      { values: { x: x(2 * i), z: cell.values.z }, rows: cell.rows / 2, bads: cell.bads / 2 },
      { values: { x: x(2 * i + 1), z: cell.values.z }, rows: cell.rows / 2, bads: cell.bads / 2 },
    ]);

  it('fits a constant column', () => {
    const { model } = train(withX(() => 7), [feature('x'), feature('z')]);
    const x = tableEffects(model, 'x', 0);
    expect(x.bins).toHaveLength(1);
    expect(Number.isFinite(x.bins[0])).toBe(true);
    expect(Number.isFinite(model.intercept)).toBe(true);
  });

  it('fits an all-missing column', () => {
    const { model } = train(withX(() => Number.NaN), [feature('x'), feature('z')]);
    const x = tableEffects(model, 'x', 0);
    expect(x.bins).toHaveLength(1);
    expect(Number.isFinite(x.missing)).toBe(true);
    expect(Number.isFinite(x.bins[0])).toBe(true);
  });

  it('fits a table with one bin and missing values', () => {
    // Half of the z = 1 rows (the risky ones) have no x value.
    const { model } = train(withX((i) => (i === 3 ? Number.NaN : 1)), [feature('x'), feature('z')]);
    const x = tableEffects(model, 'x', 0);
    expect(x.bins).toHaveLength(1);
    expect(Number.isFinite(x.missing)).toBe(true);
    expect(model.coding).toEqual(['bins', 'bins']);
  });
});

describe('bins coding of an interaction with opposite row trends', () => {
  // Row r = 0 repeats the crossing data; row r = 1 mirrors x, so its bad rate falls with x, and
  // has 1.2 times the bads, so no cell of one row fits to the same value as a cell of the other.
  const cells: Cell[] = [0, 1].flatMap((r) =>
    CROSSING.map(([x, z, rows, bads]) => ({
      values: { r, x: r === 0 ? x : 5 - x, z },
      rows,
      bads: r === 0 ? bads : Math.round(bads * 1.2),
    })),
  );
  const interaction: CharacteristicSpec = {
    kind: 'interaction',
    name: 'r×x',
    rowFeature: 'r',
    columnFeature: 'x',
    rowBinning: CATEGORICAL,
    columnBinning: MONOTONE,
  };
  const { model, merges } = train(cells, [interaction, feature('z')]);
  const rising = tableEffects(model, 'r×x', 0).bins;
  const falling = tableEffects(model, 'r×x', 1).bins;

  it('merges one pair in each row', () => {
    expect(merges).toBe(2);
    expect(rising[1]).toBe(rising[2]);
    expect(falling[1]).toBe(falling[2]);
  });

  it('follows each row trend', () => {
    expect(weaklyRising(rising)).toBe(true);
    expect(weaklyFalling(falling)).toBe(true);
  });

  it('merges nothing across rows', () => {
    const all = new Set([...rising, ...falling]);
    expect(all.size).toBe(6);
  });
});

describe('bins coding of an interaction with a categorical column', () => {
  // Code 1 of `c` is the safest (10%) between codes 0 (30%) and 2 (40%): a categorical pattern.
  // Row r = 1 has 1.5 times the bad rate of row r = 0 in every code.
  const rates = [0.3, 0.1, 0.4];
  const cells: Cell[] = [0, 1].flatMap((r) =>
    rates.map((rate, c) => ({
      values: { r, c },
      rows: 2000,
      bads: Math.round(2000 * rate * (r === 0 ? 1 : 1.5)),
    })),
  );
  const interaction: CharacteristicSpec = {
    kind: 'interaction',
    name: 'r×c',
    rowFeature: 'r',
    columnFeature: 'c',
    rowBinning: CATEGORICAL,
    columnBinning: CATEGORICAL,
  };

  it('keeps a plain categorical feature free', () => {
    const { model } = train(cells, [feature('c', CATEGORICAL)]);
    const c = tableEffects(model, 'c', 0).bins;
    expect(model.coding).toEqual(['onehot']);
    expect(c[1]).toBeLessThan(c[0] - 0.5);
  });

  it('keeps categorical column codes free', () => {
    const { model } = train(cells, [interaction]);
    const c = tableEffects(model, 'r×c', 0).bins;
    expect(c).toHaveLength(3);
    // The safest code must keep its own, lower coefficient instead of sharing code 0's.
    expect(c[1]).toBeLessThan(c[0] - 0.5);
  });
});

describe('bins coding with many crossings', () => {
  // Ten values of x; z = 1 grows with x, and within z the bad rate zigzags.
  const cells: Cell[] = [];
  for (let x = 1; x <= 10; x += 1) {
    const ones = 100 * (x + 2);
    const zig = x % 2 === 0 ? 0.04 : 0;
    const zeros = 1500 - ones;
    cells.push({ values: { x, z: 0 }, rows: zeros, bads: Math.round(zeros * (0.1 + zig)) });
    cells.push({ values: { x, z: 1 }, rows: ones, bads: Math.round(ones * (0.5 - zig)) });
  }
  const { model, merges } = train(cells, [feature('x'), feature('z')]);
  const characteristic = model.characteristics.find((c) => c.spec.name === 'x');
  const bins = characteristic?.tables[0].bins ?? [];
  const rates = bins.map((bin) => bin.bads / (bin.goods + bin.bads));
  const effects = tableEffects(model, 'x', 0).bins;

  it('merges several neighbours', () => {
    expect(merges).toBeGreaterThanOrEqual(2);
  });

  it('ends with coefficients along the trend', () => {
    const risingTrend = rates[rates.length - 1] > rates[0];
    expect(risingTrend ? weaklyRising(effects) : weaklyFalling(effects)).toBe(true);
  });
});

import { DEFAULT_BINNING, type BinningOptions } from '../../scripts/lib/model-binning';
import { tableSlotCount, type FeatureColumns } from '../../scripts/lib/model-characteristics';
import type { BinModel, EngineOptions } from '../../scripts/lib/model-engine';

/** One cell of a synthetic data set: feature values, the number of rows and how many are bad. */
export interface Cell {
  values: Record<string, number>;
  rows: number;
  bads: number;
}

/** Expands cells into feature columns and 0/1 labels, the first `bads` rows of a cell bad. */
export function expandCells(cells: readonly Cell[]): { columns: FeatureColumns; labels: number[] } {
  const names = Object.keys(cells[0].values);
  const values: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const labels: number[] = [];
  for (const cell of cells) {
    for (let i = 0; i < cell.rows; i += 1) {
      for (const name of names) values[name].push(cell.values[name]);
      labels.push(i < cell.bads ? 1 : 0);
    }
  }
  const columns: FeatureColumns = {};
  for (const name of names) columns[name] = Float64Array.from(values[name]);
  return { columns, labels };
}

/** Monotone binning with bins of at least 5% of the rows. */
export const MONOTONE: BinningOptions = { ...DEFAULT_BINNING, minBinFraction: 0.05 };

/** Categorical binning with bins of at least 5% of the rows. */
export const CATEGORICAL: BinningOptions = { ...MONOTONE, mode: 'categorical' };

/** Engine options with per-bin coding, a fixed small penalty and no selection. */
export function binsEngine(): EngineOptions {
  return {
    minIv: 0,
    maxCorrelation: 1,
    l2Penalties: [1],
    innerFolds: 3,
    seed: 1,
    logistic: { maxIterations: 100, tolerance: 1e-9 },
    monotoneCoding: 'bins',
  };
}

/** Slot effects of one table of a kept characteristic: ordinary bins, specials, missing. */
export function tableEffects(
  model: BinModel,
  name: string,
  tableIndex: number,
): { bins: number[]; specials: number[]; missing: number } {
  const j = model.characteristics.findIndex((c) => c.spec.name === name);
  if (j < 0) throw new Error(`characteristic ${name} is not in the model`);
  const characteristic = model.characteristics[j];
  let start = 0;
  for (let t = 0; t < tableIndex; t += 1) start += tableSlotCount(characteristic.tables[t]);
  const table = characteristic.tables[tableIndex];
  const effects = Array.from(model.slotEffects[j]);
  const binEnd = start + table.bins.length;
  const specialEnd = binEnd + table.specials.length;
  return {
    bins: effects.slice(start, binEnd),
    specials: effects.slice(binEnd, specialEnd),
    missing: effects[specialEnd],
  };
}

/** True when each value is at least the one before it (within a tolerance). */
export function weaklyRising(values: readonly number[]): boolean {
  return values.every((value, i) => i === 0 || value >= values[i - 1] - 1e-12);
}

/** True when each value is at most the one before it (within a tolerance). */
export function weaklyFalling(values: readonly number[]): boolean {
  return values.every((value, i) => i === 0 || value <= values[i - 1] + 1e-12);
}

/**
 * Four values of `x`, 2,000 rows each, and a binary confounder `z`: the bad rate rises with x
 * overall (9%, 23%, 42%, 47%), but with z held fixed x = 3 is safer than x = 2, so a free
 * per-bin fit puts the x = 2 and x = 3 coefficients against the trend.
 */
export const CROSSING: readonly [number, number, number, number][] = [
  // [x, z, rows, bads]
  [1, 0, 1800, 90],
  [1, 1, 200, 90],
  [2, 0, 1600, 240],
  [2, 1, 400, 220],
  [3, 0, 400, 40],
  [3, 1, 1600, 800],
  [4, 0, 1400, 490],
  [4, 1, 600, 450],
];

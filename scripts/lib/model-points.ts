import { scalingConstants, type Scaling } from '../../core/scoring/scaling';
import { characteristicSlot, type FeatureColumns } from './model-characteristics';
import type { BinModel } from './model-engine';

/**
 * Whole points of every slot of every kept characteristic:
 * `points = −(effect + β_0 / k) × factor + offset / k` for k characteristics, where the effect
 * is the slot's contribution to the log odds of default (β × WOE, or the bin's own β). Points
 * are rounded to whole points, so a row's points sum to about
 * `offset + factor × ln(good:bad odds)`.
 */
export function slotPoints(model: BinModel, scaling: Scaling): Float64Array[] {
  const { factor, offset } = scalingConstants(scaling);
  const k = model.characteristics.length;
  return model.slotEffects.map((effects) =>
    effects.map((effect) => Math.round(-(effect + model.intercept / k) * factor + offset / k)),
  );
}

/** Total points of one row under whole slot points from {@link slotPoints}. */
export function rowPoints(
  model: BinModel,
  points: readonly Float64Array[],
  columns: FeatureColumns,
  row: number,
): number {
  let total = 0;
  model.characteristics.forEach((characteristic, j) => {
    total += points[j][characteristicSlot(characteristic, columns, row)];
  });
  return total;
}

import type { FeatureName } from '../../core/scoring/features';
import { oddsToPoints, scalingConstants, type Scaling } from '../../core/scoring/scaling';
import type { BinTable, ScorecardFile } from '../../core/scoring/scorecard-schema';
import { tableSlotCount, type BinnedCharacteristic } from './model-characteristics';
import type { BinModel } from './model-engine';
import type { WoeTable } from './model-woe-table';

/** Header fields of a scorecard file: identity, scaling and display-score anchors. */
export interface ScorecardFileHeader {
  version: string;
  /** YYYY-MM-DD. */
  createdAt: string;
  trainingDataSha256: string;
  target: string;
  scaling: Scaling;
  /** Good:bad odds at display score 0 and at display score 100. */
  displayOdds: { atZero: number; atHundred: number };
}

export const DISPLAY_SCORE_FORMULA =
  'clamp(round(100 * (points - pointsAtZero) / (pointsAtHundred - pointsAtZero)), 0, 100)';

/**
 * Writes a trained bin model as a scorecard file: one bin table per feature and one per row
 * of each interaction, each bin with its WOE, whole points, training count and bad rate.
 * The metrics start empty; the trainer fills them in after cross-validation.
 */
export function buildScorecardFile(
  model: BinModel,
  points: readonly Float64Array[],
  header: ScorecardFileHeader,
  trainRows: number,
): ScorecardFile {
  const constants = scalingConstants(header.scaling);
  const features: ScorecardFile['features'] = [];
  const interactions: NonNullable<ScorecardFile['interactions']> = [];
  model.characteristics.forEach((characteristic, j) => {
    const tables = binTables(characteristic, points[j]);
    const informationValue = round6(characteristic.informationValue);
    const spec = characteristic.spec;
    if (spec.kind === 'feature') {
      const binning = characteristic.tables[0].mode;
      features.push({ name: spec.name as FeatureName, binning, informationValue, ...tables[0] });
      return;
    }
    const rowTable = characteristic.rowTable as WoeTable;
    const rows = rowTable.bins.map((bin, index) => ({
      range: [bin.lower, bin.upper] as [number | null, number | null],
      count: bin.goods + bin.bads,
      ...tables[index],
    }));
    interactions.push({
      name: spec.name,
      rowFeature: spec.rowFeature as FeatureName,
      columnFeature: spec.columnFeature as FeatureName,
      columnBinning: spec.columnBinning.mode,
      informationValue,
      rows,
    });
  });
  return {
    version: header.version,
    createdAt: header.createdAt,
    trainingDataSha256: header.trainingDataSha256,
    target: header.target,
    intercept: round6(model.intercept),
    scaling: {
      ...header.scaling,
      factor: round6(constants.factor),
      offset: round6(constants.offset),
    },
    displayScore: {
      method: 'linear-points',
      formula: DISPLAY_SCORE_FORMULA,
      pointsAtZero: round6(oddsToPoints(header.displayOdds.atZero, constants)),
      pointsAtHundred: round6(oddsToPoints(header.displayOdds.atHundred, constants)),
    },
    features,
    interactions,
    metrics: {
      trainRows,
      iterations: model.iterations,
      l2Penalty: model.l2Penalty,
      calibration: [],
    },
  };
}

/** Builds the bin tables of a characteristic, with WOE and points taken from its slots. */
function binTables(
  characteristic: BinnedCharacteristic,
  points: Float64Array,
): BinTable[] {
  let slot = 0;
  const entry = () => {
    const counts = characteristic.slotCounts[slot];
    const total = counts.goods + counts.bads;
    const result = {
      woe: round6(characteristic.slotWoe[slot]),
      points: points[slot],
      count: total,
      eventRate: total ? round6(counts.bads / total) : null,
    };
    slot += 1;
    return result;
  };
  return characteristic.tables.map((table) => {
    const start = slot;
    const bins = table.bins.map((bin) => {
      const { eventRate, ...rest } = entry();
      return { range: [bin.lower, bin.upper] as [number | null, number | null], ...rest, eventRate: eventRate ?? 0 };
    });
    const specials = table.specials.map((special) => ({ value: special.value, ...entry() }));
    const missing = entry();
    if (slot - start !== tableSlotCount(table)) throw new Error('slot count mismatch');
    return { bins, specials, missing };
  });
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

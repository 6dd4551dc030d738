import {
  binLogOdds,
  fitBinLogistic,
  type BinLogisticFit,
  type BinLogisticOptions,
  type SparseRow,
} from './model-bin-logistic';
import {
  binCharacteristic,
  tableSlotCount,
  characteristicSlot,
  slotCount,
  type BinnedCharacteristic,
  type CharacteristicSpec,
  type FeatureColumns,
} from './model-characteristics';
import { areaUnderRoc } from './model-metrics';
import { selectFeatures } from './model-selection';
import { stratifiedFolds } from './model-split';

export interface EngineOptions {
  /** Characteristics with a lower information value are dropped. */
  minIv: number;
  /** Of two characteristics whose WOE columns correlate beyond this, the lower-IV one goes. */
  maxCorrelation: number;
  /** L2 penalties tried by inner cross-validation; the one with the best mean AUC is used. */
  l2Penalties: readonly number[];
  innerFolds: number;
  seed: number;
  logistic: Omit<BinLogisticOptions, 'l2Penalty'>;
  /** Coding of monotone-binned features and interactions: `woe` or `bins` (see {@link Coding}). */
  monotoneCoding: 'woe' | 'bins';
}

/**
 * Encoding of a characteristic in the regression. `woe`: one coefficient on the bin's WOE, so
 * the points follow the WOE and stay monotone wherever the bad rate is. `onehot`: one
 * coefficient per bin, for categorical codes whose bins have no order. `bins`: one coefficient
 * per bin of a monotone-binned characteristic, constrained to follow its bad-rate trend. Where
 * two neighbouring bins' coefficients cross, the two bins share one coefficient and the fit is
 * repeated, so the points stay monotone while each bin's points come from the joint fit.
 */
export type Coding = 'woe' | 'onehot' | 'bins';

/** A fitted scorecard regression over the kept characteristics. */
export interface BinModel {
  characteristics: BinnedCharacteristic[];
  coding: Coding[];
  /** Contribution of each slot of each kept characteristic to the log odds of default. */
  slotEffects: Float64Array[];
  intercept: number;
  l2Penalty: number;
  iterations: number;
  /** Every binned candidate, kept or not, for reporting IV. */
  candidates: BinnedCharacteristic[];
  /** Reason for leaving out each candidate that is not in the model, by name. */
  dropped: Record<string, string>;
}

/**
 * Returns the coding of a characteristic: categorical features get a coefficient per bin,
 * monotone features and interactions the engine's monotone coding.
 */
export function codingOf(
  characteristic: BinnedCharacteristic,
  monotoneCoding: EngineOptions['monotoneCoding'],
): Coding {
  const spec = characteristic.spec;
  return spec.kind === 'feature' && spec.binning.mode === 'categorical' ? 'onehot' : monotoneCoding;
}

/**
 * Trains the scorecard regression on the given rows: bins every candidate characteristic,
 * selects by information value and WOE correlation, tunes the L2 penalty by inner stratified
 * cross-validation, and fits, refitting without any WOE-coded characteristic whose
 * coefficient has the wrong sign and with merged coefficients wherever per-bin coefficients
 * cross (see {@link Coding}).
 */
export function trainBinModel(
  columns: FeatureColumns,
  labels: ArrayLike<number>,
  rows: readonly number[],
  specs: readonly CharacteristicSpec[],
  options: EngineOptions,
  log: (message: string) => void = () => {},
): BinModel {
  const candidates = specs.map((spec) => binCharacteristic(spec, columns, labels, rows));
  log(`binned ${candidates.length} candidate characteristics on ${rows.length} rows`);
  const slotColumns = candidates.map((c) => Int32Array.from(rows, (r) => characteristicSlot(c, columns, r)));
  const selection = selectFeatures(
    candidates.map((c, j) => ({
      name: c.spec.name,
      informationValue: c.informationValue,
      woeColumn: Float64Array.from(slotColumns[j], (slot) => c.slotWoe[slot]),
    })),
    options.minIv,
    options.maxCorrelation,
  );
  const dropped = { ...selection.dropped };
  const layoutOf = (j: number) => initialLayout(candidates[j], codingOf(candidates[j], options.monotoneCoding));
  let kept = selection.kept.map((name) => candidates.findIndex((c) => c.spec.name === name));
  let layouts = kept.map(layoutOf);
  log(`kept ${kept.length} characteristics by IV and correlation`);
  const trainLabels = Float64Array.from(rows, (r) => labels[r]);
  const allRows = rows.map((_, i) => i);
  const context = { candidates, slotColumns, labels: trainLabels, options };
  const l2Penalty = tunePenalty(context, kept, layouts);
  log(`L2 penalty ${l2Penalty} chosen by ${options.innerFolds}-fold inner cross-validation`);
  for (;;) {
    const fitted = fitMonotone(context, kept, layouts, allRows, l2Penalty);
    const { fit, firstColumn } = fitted;
    const worst = worstSign(fitted.layouts, firstColumn, fit.coefficients);
    if (worst >= 0) {
      const name = candidates[kept[worst]].spec.name;
      const coefficient = fit.coefficients[firstColumn[worst]];
      dropped[name] = `WOE coefficient ${coefficient.toFixed(4)} has the wrong sign`;
      kept = kept.filter((_, i) => i !== worst);
      layouts = layouts.filter((_, i) => i !== worst);
      continue;
    }
    layouts = fitted.layouts;
    const coefficients = fitted.width - 1;
    log(`fitted ${coefficients} coefficients in ${fit.iterations} Newton iterations (${fitted.merges} bin merges)`);
    const characteristics = kept.map((j) => candidates[j]);
    const slotEffects = characteristics.map((c, i) =>
      effectsOf(c, layouts[i], fit.coefficients, firstColumn[i]),
    );
    return {
      characteristics,
      coding: layouts.map((layout) => layout.coding),
      slotEffects,
      intercept: fit.intercept,
      l2Penalty,
      iterations: fit.iterations,
      candidates,
      dropped,
    };
  }
}

/** Inputs shared by every fit of one training run: binned candidates, each row's slot in them, labels. */
interface FitContext {
  candidates: readonly BinnedCharacteristic[];
  /** Slot of each training row, per candidate. */
  slotColumns: readonly Int32Array[];
  labels: Float64Array;
  options: EngineOptions;
}

interface MonotoneFit {
  fit: BinLogisticFit;
  layouts: ColumnLayout[];
  firstColumn: number[];
  width: number;
  merges: number;
}

/**
 * Fits the regression on the given training rows (positions in the context), merging
 * neighbouring `bins`-coded bins whose coefficients cross and refitting from the previous
 * coefficients until none cross.
 */
function fitMonotone(
  context: FitContext,
  kept: readonly number[],
  startLayouts: readonly ColumnLayout[],
  rows: readonly number[],
  l2Penalty: number,
): MonotoneFit {
  const labels = Float64Array.from(rows, (r) => context.labels[r]);
  let layouts = [...startLayouts];
  let start: Float64Array | undefined;
  let merges = 0;
  let iterations = 0;
  for (;;) {
    const { sparseRows, width, firstColumn } = buildDesign(kept, layouts, context, rows);
    const fit = fitBinLogistic(sparseRows, width, labels, { ...context.options.logistic, l2Penalty }, start);
    if (!fit.converged) throw new Error('Logistic regression did not converge; raise maxIterations');
    iterations += fit.iterations;
    const merged = layouts.map((layout, i) =>
      mergeCrossings(context.candidates[kept[i]], layout, fit.coefficients, firstColumn[i]),
    );
    const mergedCount = merged.reduce((total, layout, i) => total + layouts[i].columns - layout.columns, 0);
    if (mergedCount === 0) return { fit: { ...fit, iterations }, layouts, firstColumn, width, merges };
    start = carryOver(fit.coefficients, layouts, merged, firstColumn);
    merges += mergedCount;
    layouts = merged;
  }
}

/** Starting coefficients after merges: each new column takes the mean of its slots' old coefficients. */
function carryOver(
  coefficients: Float64Array,
  before: readonly ColumnLayout[],
  after: readonly ColumnLayout[],
  firstColumn: readonly number[],
): Float64Array {
  const width = 1 + after.reduce((total, layout) => total + layout.columns, 0);
  const start = new Float64Array(width);
  start[0] = coefficients[0];
  let next = 1;
  after.forEach((layout, i) => {
    const sums = new Float64Array(layout.columns);
    const counts = new Float64Array(layout.columns);
    layout.slotColumn.forEach((column, slot) => {
      sums[column] += coefficients[firstColumn[i] + before[i].slotColumn[slot]];
      counts[column] += 1;
    });
    for (let column = 0; column < layout.columns; column += 1) {
      start[next + column] = sums[column] / counts[column];
    }
    next += layout.columns;
  });
  return start;
}

/** Log odds of default of one row under a model, before any rounding to points. */
export function binModelLogOdds(model: BinModel, columns: FeatureColumns, row: number): number {
  let eta = model.intercept;
  model.characteristics.forEach((characteristic, j) => {
    eta += model.slotEffects[j][characteristicSlot(characteristic, columns, row)];
  });
  return eta;
}

/**
 * Placement of a kept characteristic's slots in the design: the coding, the column of each
 * slot (counted from the characteristic's first column) and the number of columns.
 */
interface ColumnLayout {
  coding: Coding;
  slotColumn: Int32Array;
  columns: number;
}

function initialLayout(characteristic: BinnedCharacteristic, coding: Coding): ColumnLayout {
  const slots = slotCount(characteristic);
  if (coding === 'woe') return { coding, slotColumn: new Int32Array(slots), columns: 1 };
  return { coding, slotColumn: Int32Array.from({ length: slots }, (_, slot) => slot), columns: slots };
}

/** Position (in `kept`) of the WOE-coded characteristic with the largest non-negative coefficient. */
function worstSign(
  layouts: readonly ColumnLayout[],
  firstColumn: readonly number[],
  coefficients: Float64Array,
): number {
  let worst = -1;
  layouts.forEach((layout, i) => {
    if (layout.coding !== 'woe') return;
    const coefficient = coefficients[firstColumn[i]];
    if (coefficient >= 0 && (worst < 0 || coefficient > coefficients[firstColumn[worst]])) worst = i;
  });
  return worst;
}

/**
 * For `bins` coding: in each monotone table, neighbouring ordinary bins whose coefficients run
 * against the table's bad-rate trend are given one shared column. Special and missing slots,
 * and the bins of a categorical table, keep their own. Returns the layout unchanged when
 * nothing crosses.
 */
function mergeCrossings(
  characteristic: BinnedCharacteristic,
  layout: ColumnLayout,
  coefficients: Float64Array,
  first: number,
): ColumnLayout {
  if (layout.coding !== 'bins') return layout;
  const slotColumn = Int32Array.from(layout.slotColumn);
  const coefficientOf = (slot: number) => coefficients[first + layout.slotColumn[slot]];
  let start = 0;
  for (const table of characteristic.tables) {
    const bins = table.bins;
    // Categorical codes (a status-code column of an interaction) have no order to follow.
    if (table.mode !== 'monotone') {
      start += tableSlotCount(table);
      continue;
    }
    // Bad rates are strictly monotone across the bins, so the ends give the trend.
    const rising = badRate(bins[bins.length - 1]) > badRate(bins[0]);
    for (let i = start; i < start + bins.length - 1; i += 1) {
      if (slotColumn[i] === slotColumn[i + 1]) continue;
      const step = coefficientOf(i + 1) - coefficientOf(i);
      if (rising ? step < 0 : step > 0) relabel(slotColumn, slotColumn[i + 1], slotColumn[i]);
    }
    start += tableSlotCount(table);
  }
  return compact({ ...layout, slotColumn });
}

function badRate(bin: { goods: number; bads: number }): number {
  return bin.bads / Math.max(1, bin.goods + bin.bads);
}

function relabel(slotColumn: Int32Array, from: number, to: number): void {
  for (let slot = 0; slot < slotColumn.length; slot += 1) if (slotColumn[slot] === from) slotColumn[slot] = to;
}

/** Renumbers the columns 0 … n − 1 in order of first use. */
function compact(layout: ColumnLayout): ColumnLayout {
  const renumber = new Map<number, number>();
  const slotColumn = Int32Array.from(layout.slotColumn, (column) => {
    if (!renumber.has(column)) renumber.set(column, renumber.size);
    return renumber.get(column) as number;
  });
  return { coding: layout.coding, slotColumn, columns: renumber.size };
}

function effectsOf(
  characteristic: BinnedCharacteristic,
  layout: ColumnLayout,
  coefficients: Float64Array,
  first: number,
): Float64Array {
  if (layout.coding === 'woe') return Float64Array.from(characteristic.slotWoe, (woe) => coefficients[first] * woe);
  return Float64Array.from(layout.slotColumn, (column) => coefficients[first + column]);
}

/** Sparse design rows of the given training rows: a WOE value or an indicator per kept characteristic. */
function buildDesign(
  kept: readonly number[],
  layouts: readonly ColumnLayout[],
  context: FitContext,
  rows: readonly number[],
): { sparseRows: SparseRow[]; width: number; firstColumn: number[] } {
  const firstColumn: number[] = [];
  let width = 1;
  for (const layout of layouts) {
    firstColumn.push(width);
    width += layout.columns;
  }
  const sparseRows = rows.map((r) => {
    const slots = new Int32Array(kept.length);
    const values = new Float64Array(kept.length);
    kept.forEach((j, i) => {
      const slot = context.slotColumns[j][r];
      const layout = layouts[i];
      slots[i] = firstColumn[i] + layout.slotColumn[slot];
      values[i] = layout.coding === 'woe' ? context.candidates[j].slotWoe[slot] : 1;
    });
    return { slots, values };
  });
  return { sparseRows, width, firstColumn };
}

/**
 * Picks the L2 penalty with the best mean inner-fold AUC; ties go to the larger penalty. The
 * inner fits keep every bin's own coefficient (no merges), which keeps tuning to one fit per
 * fold and penalty.
 */
function tunePenalty(context: FitContext, kept: readonly number[], layouts: readonly ColumnLayout[]): number {
  const { options, labels } = context;
  const penalties = [...options.l2Penalties].sort((a, b) => b - a);
  if (penalties.length === 1) return penalties[0];
  const folds = stratifiedFolds(labels, options.innerFolds, options.seed + 1);
  const { sparseRows, width } = buildDesign(kept, layouts, context, folds.map((_, i) => i));
  let bestPenalty = penalties[0];
  let bestAuc = -Infinity;
  for (const l2Penalty of penalties) {
    let aucSum = 0;
    for (let fold = 0; fold < options.innerFolds; fold += 1) {
      const fitRows = sparseRows.filter((_, i) => folds[i] !== fold);
      const fitLabels = labels.filter((_, i) => folds[i] !== fold);
      const fit = fitBinLogistic(fitRows, width, fitLabels, { ...options.logistic, l2Penalty });
      const scores: number[] = [];
      const testLabels: number[] = [];
      sparseRows.forEach((row, i) => {
        if (folds[i] !== fold) return;
        scores.push(binLogOdds(fit.coefficients, row));
        testLabels.push(labels[i]);
      });
      aucSum += areaUnderRoc(scores, testLabels);
    }
    const auc = aucSum / options.innerFolds;
    if (auc > bestAuc + 1e-6) {
      bestAuc = auc;
      bestPenalty = l2Penalty;
    }
  }
  return bestPenalty;
}

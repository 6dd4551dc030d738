import { binLogOdds, fitBinLogistic, type BinLogisticOptions, type SparseRow } from './model-bin-logistic';
import {
  binCharacteristic,
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
}

/**
 * Encoding of a characteristic in the regression. `woe`: one coefficient on the bin's WOE, so
 * the points follow the WOE and stay monotone wherever the bad rate is. `onehot`: one
 * coefficient per bin, for categorical codes whose bins have no order.
 */
export type Coding = 'woe' | 'onehot';

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

/** Categorical features get a coefficient per bin; monotone features and interactions use WOE. */
export function codingOf(characteristic: BinnedCharacteristic): Coding {
  const spec = characteristic.spec;
  return spec.kind === 'feature' && spec.binning.mode === 'categorical' ? 'onehot' : 'woe';
}

/**
 * Trains the scorecard regression on the given rows: bins every candidate characteristic,
 * selects by information value and WOE correlation, tunes the L2 penalty by inner stratified
 * cross-validation, and fits, refitting without any WOE-coded characteristic whose
 * coefficient has the wrong sign.
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
  let kept = selection.kept.map((name) => candidates.findIndex((c) => c.spec.name === name));
  log(`kept ${kept.length} characteristics by IV and correlation`);
  const trainLabels = Float64Array.from(rows, (r) => labels[r]);
  const design = (indices: number[]) => buildDesign(indices, candidates, slotColumns, rows.length);
  const l2Penalty = tunePenalty(design(kept), trainLabels, options);
  log(`L2 penalty ${l2Penalty} chosen by ${options.innerFolds}-fold inner cross-validation`);
  for (;;) {
    const { sparseRows, width, firstColumn } = design(kept);
    const fit = fitBinLogistic(sparseRows, width, trainLabels, { ...options.logistic, l2Penalty });
    if (!fit.converged) throw new Error('Logistic regression did not converge; raise maxIterations');
    const worst = worstSign(kept, candidates, firstColumn, fit.coefficients);
    if (worst >= 0) {
      const name = candidates[kept[worst]].spec.name;
      const coefficient = fit.coefficients[firstColumn[worst]];
      dropped[name] = `WOE coefficient ${coefficient.toFixed(4)} has the wrong sign`;
      kept = kept.filter((_, i) => i !== worst);
      continue;
    }
    log(`fitted ${width - 1} coefficients in ${fit.iterations} Newton iterations`);
    const characteristics = kept.map((j) => candidates[j]);
    const slotEffects = characteristics.map((c, i) => effectsOf(c, fit.coefficients, firstColumn[i]));
    return {
      characteristics,
      coding: characteristics.map(codingOf),
      slotEffects,
      intercept: fit.intercept,
      l2Penalty,
      iterations: fit.iterations,
      candidates,
      dropped,
    };
  }
}

/** Log odds of default of one row under a model, before any rounding to points. */
export function binModelLogOdds(model: BinModel, columns: FeatureColumns, row: number): number {
  let eta = model.intercept;
  model.characteristics.forEach((characteristic, j) => {
    eta += model.slotEffects[j][characteristicSlot(characteristic, columns, row)];
  });
  return eta;
}

/** Position (in `kept`) of the WOE-coded characteristic with the largest non-negative coefficient. */
function worstSign(
  kept: readonly number[],
  candidates: readonly BinnedCharacteristic[],
  firstColumn: readonly number[],
  coefficients: Float64Array,
): number {
  let worst = -1;
  kept.forEach((j, i) => {
    if (codingOf(candidates[j]) !== 'woe') return;
    const coefficient = coefficients[firstColumn[i]];
    if (coefficient >= 0 && (worst < 0 || coefficient > coefficients[firstColumn[worst]])) worst = i;
  });
  return worst;
}

function effectsOf(characteristic: BinnedCharacteristic, coefficients: Float64Array, first: number) {
  const slots = slotCount(characteristic);
  if (codingOf(characteristic) === 'woe') {
    return Float64Array.from(characteristic.slotWoe, (woe) => coefficients[first] * woe);
  }
  return Float64Array.from({ length: slots }, (_, slot) => coefficients[first + slot]);
}

/** Sparse design rows for the given candidates: a WOE value or a one-hot indicator each. */
function buildDesign(
  indices: readonly number[],
  candidates: readonly BinnedCharacteristic[],
  slotColumns: readonly Int32Array[],
  rowCount: number,
): { sparseRows: SparseRow[]; width: number; firstColumn: number[] } {
  const firstColumn: number[] = [];
  let width = 1;
  for (const j of indices) {
    firstColumn.push(width);
    width += codingOf(candidates[j]) === 'woe' ? 1 : slotCount(candidates[j]);
  }
  const sparseRows: SparseRow[] = [];
  for (let r = 0; r < rowCount; r += 1) {
    const slots = new Int32Array(indices.length);
    const values = new Float64Array(indices.length);
    indices.forEach((j, i) => {
      const slot = slotColumns[j][r];
      const woe = codingOf(candidates[j]) === 'woe';
      slots[i] = woe ? firstColumn[i] : firstColumn[i] + slot;
      values[i] = woe ? candidates[j].slotWoe[slot] : 1;
    });
    sparseRows.push({ slots, values });
  }
  return { sparseRows, width, firstColumn };
}

/** Picks the L2 penalty with the best mean inner-fold AUC; ties go to the larger penalty. */
function tunePenalty(
  design: { sparseRows: SparseRow[]; width: number },
  labels: Float64Array,
  options: EngineOptions,
): number {
  const penalties = [...options.l2Penalties].sort((a, b) => b - a);
  if (penalties.length === 1) return penalties[0];
  const { sparseRows, width } = design;
  const folds = stratifiedFolds(labels, options.innerFolds, options.seed + 1);
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

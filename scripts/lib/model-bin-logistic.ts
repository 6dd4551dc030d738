import { CholeskyDecomposition, Matrix } from 'ml-matrix';

export interface BinLogisticOptions {
  /** L2 penalty λ on the bin coefficients (not the intercept): the loss adds λ/2 × Σ β². */
  l2Penalty: number;
  maxIterations: number;
  /** Stop when no coefficient moves by more than this in one step. */
  tolerance: number;
}

export interface BinLogisticFit {
  intercept: number;
  /** Coefficient of each slot on the log odds of default; slot 0 is unused (the intercept). */
  coefficients: Float64Array;
  iterations: number;
  converged: boolean;
}

/**
 * A row of the design matrix in sparse form: the columns (1 … width − 1) that are not zero
 * and their values. A one-hot bin indicator has value 1; a WOE-coded characteristic has its
 * bin's WOE in its single column.
 */
export interface SparseRow {
  slots: Int32Array;
  values: Float64Array;
}

/**
 * Fits a logistic regression P(bad) = 1 / (1 + exp(−(b0 + Σ b_s x_s))) on sparse rows with
 * one to a few non-zero columns per characteristic, so Xᵀ W X is accumulated in
 * O(rows × k²) for k non-zeros per row instead of a dense product; ml-matrix's Cholesky
 * decomposition solves each Newton step. The L2 penalty keeps the system positive definite
 * when bins are collinear.
 */
export function fitBinLogistic(
  activeSlots: readonly SparseRow[],
  width: number,
  labels: ArrayLike<number>,
  options: BinLogisticOptions,
  start?: Float64Array,
): BinLogisticFit {
  const beta = start ? Float64Array.from(start) : new Float64Array(width);
  for (let iteration = 1; iteration <= options.maxIterations; iteration += 1) {
    const { hessian, gradient } = newtonSystem(activeSlots, width, labels, beta, options.l2Penalty);
    const step = new CholeskyDecomposition(hessian).solve(gradient).getColumn(0);
    let maxChange = 0;
    for (let k = 0; k < width; k += 1) {
      beta[k] += step[k];
      maxChange = Math.max(maxChange, Math.abs(step[k]));
    }
    if (maxChange < options.tolerance) {
      return { intercept: beta[0], coefficients: beta, iterations: iteration, converged: true };
    }
  }
  const iterations = options.maxIterations;
  return { intercept: beta[0], coefficients: beta, iterations, converged: false };
}

/** Log odds of default of one row: the intercept plus Σ coefficient × value. */
export function binLogOdds(coefficients: Float64Array, row: SparseRow): number {
  let eta = coefficients[0];
  for (let i = 0; i < row.slots.length; i += 1) eta += coefficients[row.slots[i]] * row.values[i];
  return eta;
}

/** Accumulates Xᵀ W X + λI (intercept unpenalised) and Xᵀ (y − p) − λβ at the current β. */
function newtonSystem(
  activeSlots: readonly SparseRow[],
  width: number,
  labels: ArrayLike<number>,
  beta: Float64Array,
  l2Penalty: number,
): { hessian: Matrix; gradient: Matrix } {
  const flat = new Float64Array(width * width);
  const gradient = new Float64Array(width);
  for (let row = 0; row < activeSlots.length; row += 1) {
    const { slots, values } = activeSlots[row];
    const p = 1 / (1 + Math.exp(-binLogOdds(beta, activeSlots[row])));
    const residual = labels[row] - p;
    const weight = p * (1 - p);
    gradient[0] += residual;
    flat[0] += weight;
    for (let i = 0; i < slots.length; i += 1) {
      const a = slots[i];
      const xa = values[i];
      gradient[a] += residual * xa;
      flat[a] += weight * xa;
      const base = a * width;
      flat[base] += weight * xa;
      // weight × (xa × xb) is bit-identical for (a, b) and (b, a), so the matrix stays exactly symmetric.
      for (let j = 0; j < slots.length; j += 1) flat[base + slots[j]] += weight * (xa * values[j]);
    }
  }
  for (let k = 1; k < width; k += 1) {
    gradient[k] -= l2Penalty * beta[k];
    // A slot no training row uses would leave a zero row; the tiny ridge keeps it solvable.
    flat[k * width + k] += l2Penalty + 1e-9;
  }
  return {
    hessian: Matrix.from1DArray(width, width, flat),
    gradient: Matrix.columnVector(Array.from(gradient)),
  };
}

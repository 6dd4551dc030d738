import { Matrix, solve } from 'ml-matrix';

export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  /** Newton steps taken until the largest coefficient change fell below the tolerance. */
  iterations: number;
  converged: boolean;
}

export interface LogisticOptions {
  /** L2 penalty λ on the coefficients (not the intercept): the loss adds λ/2 × Σ β². */
  l2Penalty: number;
  maxIterations: number;
  /** Stop when no coefficient moves by more than this in one step. */
  tolerance: number;
}

export const DEFAULT_LOGISTIC: LogisticOptions = {
  l2Penalty: 1,
  maxIterations: 50,
  tolerance: 1e-8,
};

/**
 * Fits P(y = 1) = 1 / (1 + exp(−(b0 + Σ b_j x_j))) by Newton's method (iteratively reweighted
 * least squares) on the L2-penalised log-likelihood. rows[i] contains the features of labels[i].
 */
export function fitLogisticL2(
  rows: readonly number[][],
  labels: readonly number[],
  options: LogisticOptions = DEFAULT_LOGISTIC,
): LogisticFit {
  const n = rows.length;
  const width = (rows[0]?.length ?? 0) + 1;
  const design = new Matrix(rows.map((row) => [1, ...row]));
  const y = Matrix.columnVector([...labels]);
  let beta = Matrix.zeros(width, 1);
  const penalty = Matrix.eye(width, width, options.l2Penalty);
  penalty.set(0, 0, 0);

  for (let iteration = 1; iteration <= options.maxIterations; iteration += 1) {
    const eta = design.mmul(beta);
    const p = eta.to1DArray().map((value) => 1 / (1 + Math.exp(-value)));
    const residual = y.clone().sub(Matrix.columnVector(p));
    const gradient = design.transpose().mmul(residual).sub(penalty.mmul(beta));
    const weighted = design.clone();
    for (let i = 0; i < n; i += 1) {
      const w = p[i] * (1 - p[i]);
      for (let j = 0; j < width; j += 1) weighted.set(i, j, weighted.get(i, j) * w);
    }
    const hessian = design.transpose().mmul(weighted).add(penalty);
    const step = solve(hessian, gradient);
    beta = beta.add(step);
    const maxChange = Math.max(...step.to1DArray().map(Math.abs));
    if (maxChange < options.tolerance) {
      return toFit(beta, iteration, true);
    }
  }
  return toFit(beta, options.maxIterations, false);
}

function toFit(beta: Matrix, iterations: number, converged: boolean): LogisticFit {
  const values = beta.to1DArray();
  return { intercept: values[0], coefficients: values.slice(1), iterations, converged };
}

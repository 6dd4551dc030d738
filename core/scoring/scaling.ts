/**
 * Scorecard scaling: points are a linear function of the log odds of good to bad,
 * `points = offset + factor × ln(odds)`, with `factor = pdo / ln 2` and
 * `offset = baseScore − factor × ln(baseOdds)`. So `baseOdds` scores `baseScore` points and
 * every doubling of the odds adds `pdo` points.
 */
export interface Scaling {
  /** Points given at the base odds. */
  baseScore: number;
  /** Good:bad odds that score `baseScore`, e.g. 50 for 50:1. */
  baseOdds: number;
  /** Points to double the odds. */
  pdo: number;
}

export interface ScalingConstants {
  factor: number;
  offset: number;
}

/** Computes the factor and offset of the points line from the base score, odds and PDO. */
export function scalingConstants(scaling: Scaling): ScalingConstants {
  const factor = scaling.pdo / Math.LN2;
  const offset = scaling.baseScore - factor * Math.log(scaling.baseOdds);
  return { factor, offset };
}

/** Converts good:bad odds to points. */
export function oddsToPoints(odds: number, constants: ScalingConstants): number {
  return constants.offset + constants.factor * Math.log(odds);
}

/** Converts points to the probability of default, 1 / (1 + odds). */
export function pointsToProbability(points: number, constants: ScalingConstants): number {
  const logOdds = (points - constants.offset) / constants.factor;
  return 1 / (1 + Math.exp(logOdds));
}

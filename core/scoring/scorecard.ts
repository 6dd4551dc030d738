import type { BehaviourProfile } from '../../adapters/ports/credit-data';
import { deriveFeatures, type FeatureName } from './features';
import { REASON_TEXTS } from './reasons';
import { pointsToProbability, type ScalingConstants } from './scaling';
import { scorecardFileSchema, type ScorecardFile } from './scorecard-schema';

/** Maximum number of reason codes returned with a score. */
export const MAX_REASONS = 4;

/**
 * Minimum points a feature must cost against its best bin to be given as a reason. A loss
 * of 1 point is rounding-level (1/20 of the PDO) and would blame, for example, a card paid
 * in full for a "late payment".
 */
export const MIN_REASON_POINTS = 2;

/** A feature compiled for fast lookup: upper bin edges and points side by side. */
interface CompiledFeature {
  name: FeatureName;
  /** Inclusive upper edge of each bin but the last, ascending. */
  upperEdges: Float64Array;
  /** Points per bin; index upperEdges.length is the open-ended last bin. */
  binPoints: Float64Array;
  missingPoints: number;
  /** Highest points any value of this feature can earn. */
  bestPoints: number;
}

/** A validated scorecard with lookups precomputed for scoring. */
export interface Scorecard {
  readonly file: ScorecardFile;
  readonly version: string;
  readonly constants: ScalingConstants;
  readonly features: readonly CompiledFeature[];
}

/** A reason a profile lost points, with how many points it cost against the feature's best bin. */
export interface ReasonCode {
  code: string;
  zh: string;
  en: string;
  feature: FeatureName;
  pointsBelowBest: number;
}

export interface ScoreResult {
  probabilityOfDefault: number;
  points: number;
  /** Integer 0–100; higher is safer. */
  displayScore: number;
  reasons: ReasonCode[];
  modelVersion: string;
}

/**
 * Validates a scorecard file and precomputes its bin lookups. Throws an Error whose message
 * lists each malformed field by path, e.g. `features[0].bins[1].range[0]: …`.
 */
export function parseScorecard(json: unknown): Scorecard {
  const result = scorecardFileSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const path = issue.path
        .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
        .join('')
        .replace(/^\./, '');
      return `${path || '(root)'}: ${issue.message}`;
    });
    throw new Error(`Invalid scorecard file: ${problems.join('; ')}`);
  }
  const file = result.data;
  const features = file.features.map((feature): CompiledFeature => {
    const edges = feature.bins.slice(0, -1).map((bin) => bin.range[1] as number);
    const binPoints = feature.bins.map((bin) => bin.points);
    return {
      name: feature.name,
      upperEdges: Float64Array.from(edges),
      binPoints: Float64Array.from(binPoints),
      missingPoints: feature.missing.points,
      bestPoints: Math.max(feature.missing.points, ...binPoints),
    };
  });
  const constants = { factor: file.scaling.factor, offset: file.scaling.offset };
  return { file, version: file.version, constants, features };
}

/** Scores one profile: probability of default, points, display score and top reasons. */
export function scoreProfile(model: Scorecard, profile: BehaviourProfile): ScoreResult {
  const values = deriveFeatures(profile);
  let points = 0;
  const losses: { feature: FeatureName; pointsBelowBest: number }[] = [];
  for (const feature of model.features) {
    const featurePoints = pointsFor(feature, values[feature.name]);
    points += featurePoints;
    const pointsBelowBest = feature.bestPoints - featurePoints;
    if (pointsBelowBest >= MIN_REASON_POINTS) {
      losses.push({ feature: feature.name, pointsBelowBest });
    }
  }
  losses.sort((a, b) => b.pointsBelowBest - a.pointsBelowBest);
  const reasons = losses.slice(0, MAX_REASONS).map((loss) => ({
    ...REASON_TEXTS[loss.feature],
    feature: loss.feature,
    pointsBelowBest: loss.pointsBelowBest,
  }));
  return {
    probabilityOfDefault: pointsToProbability(points, model.constants),
    points,
    displayScore: displayScoreFor(model, points),
    reasons,
    modelVersion: model.version,
  };
}

/**
 * Maps points to the 0–100 display score: a straight line through the file's two anchors,
 * `round(100 × (points − pointsAtZero) / (pointsAtHundred − pointsAtZero))`, clamped to
 * 0–100. It is monotone in points, so it is monotone in the probability of default too.
 */
export function displayScoreFor(model: Scorecard, points: number): number {
  const { pointsAtZero, pointsAtHundred } = model.file.displayScore;
  const span = pointsAtHundred - pointsAtZero;
  const scaled = Math.round((100 * (points - pointsAtZero)) / span);
  return Math.min(100, Math.max(0, scaled));
}

function pointsFor(feature: CompiledFeature, value: number): number {
  if (Number.isNaN(value)) return feature.missingPoints;
  const edges = feature.upperEdges;
  let index = 0;
  while (index < edges.length && value > edges[index]) index += 1;
  return feature.binPoints[index];
}

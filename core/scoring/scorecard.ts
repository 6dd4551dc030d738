import type { BehaviourProfile } from '../../adapters/ports/credit-data';
import { deriveFeatures, type FeatureName, type FeatureValues } from './features';
import { featureReason, interactionReasonFor, type ReasonText } from './reasons';
import { pointsToProbability, type ScalingConstants } from './scaling';
import {
  scorecardFileSchema,
  type BinTable,
  type ScorecardFile,
} from './scorecard-schema';

/** Maximum number of reason codes returned with a score. */
export const MAX_REASONS = 4;

/**
 * Minimum points a characteristic must cost against its best bin to be given as a reason. A
 * loss of 1 point is rounding-level (1/20 of the PDO) and would blame, for example, a card
 * paid in full for a "late payment".
 */
export const MIN_REASON_POINTS = 2;

/** Bins compiled for fast lookup: upper bin edges and points side by side. */
interface CompiledBins {
  /** Inclusive upper edge of each bin but the last, ascending. */
  upperEdges: Float64Array;
  /** Points per bin; index upperEdges.length is the open-ended last bin. */
  binPoints: Float64Array;
  specialValues: Float64Array;
  specialPoints: Float64Array;
  missingPoints: number;
  /** Whether the bins' bad rate rises with the value; null for a single bin. */
  riskRisesWithValue: boolean | null;
}

/** A characteristic compiled for scoring: one feature, or a row feature × column feature. */
interface CompiledCharacteristic {
  /** Feature name, or the interaction's name. */
  name: string;
  /** The feature the bins look up (the column feature of an interaction). */
  feature: FeatureName;
  /** For an interaction: the row feature and the upper edges of its rows. */
  rowFeature?: FeatureName;
  rowEdges?: Float64Array;
  /** One table for a plain feature; one per row for an interaction. */
  tables: CompiledBins[];
  /** Highest points any value can earn. */
  bestPoints: number;
}

/** A validated scorecard with lookups precomputed for scoring. */
export interface Scorecard {
  readonly file: ScorecardFile;
  readonly version: string;
  readonly constants: ScalingConstants;
  readonly characteristics: readonly CompiledCharacteristic[];
}

/** A reason a profile lost points, with how many points it cost against the best bin. */
export interface ReasonCode {
  code: string;
  zh: string;
  en: string;
  /** The characteristic: a feature name, or an interaction's name. */
  feature: string;
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
  const characteristics: CompiledCharacteristic[] = file.features.map((feature) => {
    const table = compileBins(feature);
    return {
      name: feature.name,
      feature: feature.name,
      tables: [table],
      bestPoints: bestPointsOf(table),
    };
  });
  for (const interaction of file.interactions ?? []) {
    const tables = interaction.rows.map(compileBins);
    const rowEdges = interaction.rows.slice(0, -1).map((row) => row.range[1] as number);
    characteristics.push({
      name: interaction.name,
      feature: interaction.columnFeature,
      rowFeature: interaction.rowFeature,
      rowEdges: Float64Array.from(rowEdges),
      tables,
      bestPoints: Math.max(...tables.map(bestPointsOf)),
    });
  }
  const constants = { factor: file.scaling.factor, offset: file.scaling.offset };
  return { file, version: file.version, constants, characteristics };
}

function compileBins(table: BinTable): CompiledBins {
  const specials = table.specials ?? [];
  const bins = table.bins;
  return {
    upperEdges: Float64Array.from(bins.slice(0, -1), (bin) => bin.range[1] as number),
    binPoints: Float64Array.from(bins, (bin) => bin.points),
    specialValues: Float64Array.from(specials, (special) => special.value),
    specialPoints: Float64Array.from(specials, (special) => special.points),
    missingPoints: table.missing.points,
    riskRisesWithValue: bins.length > 1 ? bins[bins.length - 1].eventRate > bins[0].eventRate : null,
  };
}

function bestPointsOf(table: CompiledBins): number {
  return Math.max(table.missingPoints, ...table.binPoints, ...table.specialPoints);
}

/** Scores one profile: probability of default, points, display score and top reasons. */
export function scoreProfile(model: Scorecard, profile: BehaviourProfile): ScoreResult {
  return scoreFeatures(model, deriveFeatures(profile));
}

/** Scores derived feature values; {@link scoreProfile} derives them from a profile first. */
export function scoreFeatures(model: Scorecard, values: FeatureValues): ScoreResult {
  let points = 0;
  const losses: { characteristic: CompiledCharacteristic; pointsBelowBest: number }[] = [];
  for (const characteristic of model.characteristics) {
    const characteristicPoints = pointsOf(characteristic, values);
    points += characteristicPoints;
    const pointsBelowBest = characteristic.bestPoints - characteristicPoints;
    if (pointsBelowBest >= MIN_REASON_POINTS) losses.push({ characteristic, pointsBelowBest });
  }
  losses.sort((a, b) => b.pointsBelowBest - a.pointsBelowBest);
  const reasons: ReasonCode[] = [];
  for (const { characteristic, pointsBelowBest } of losses) {
    if (reasons.length === MAX_REASONS) break;
    const reason = reasonOf(characteristic, values);
    if (!reason || reasons.some((given) => given.code === reason.code)) continue;
    reasons.push({ ...reason, feature: characteristic.name, pointsBelowBest });
  }
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

/** Reason text for a characteristic's lost points, or null when no true one can be stated. */
function reasonOf(characteristic: CompiledCharacteristic, values: FeatureValues): ReasonText | null {
  const value = values[characteristic.feature];
  const table = characteristic.tables[tableIndexOf(characteristic, values)];
  let slot: 'bin' | 'special' | 'missing' = 'bin';
  if (Number.isNaN(value)) slot = 'missing';
  else if (table.specialValues.includes(value)) slot = 'special';
  const placement = { slot, riskRisesWithValue: table.riskRisesWithValue };
  const { rowFeature } = characteristic;
  if (rowFeature === undefined) return featureReason(characteristic.feature, value, placement);
  return interactionReasonFor(rowFeature, characteristic.feature, values[rowFeature]);
}

function pointsOf(characteristic: CompiledCharacteristic, values: FeatureValues): number {
  return lookupPoints(characteristic.tables[tableIndexOf(characteristic, values)], values[characteristic.feature]);
}

/** Table of the applicant's row of an interaction; 0 for a single feature. */
function tableIndexOf(characteristic: CompiledCharacteristic, values: FeatureValues): number {
  if (characteristic.rowFeature === undefined || !characteristic.rowEdges) return 0;
  // Interaction rows are repayment-status and delinquency counts, which are never missing.
  return edgeIndex(characteristic.rowEdges, values[characteristic.rowFeature]);
}

function lookupPoints(table: CompiledBins, value: number): number {
  if (Number.isNaN(value)) return table.missingPoints;
  const specials = table.specialValues;
  for (let i = 0; i < specials.length; i += 1) {
    if (specials[i] === value) return table.specialPoints[i];
  }
  return table.binPoints[edgeIndex(table.upperEdges, value)];
}

function edgeIndex(edges: Float64Array, value: number): number {
  let index = 0;
  while (index < edges.length && value > edges[index]) index += 1;
  return index;
}

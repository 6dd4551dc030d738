import type { Store, StoredDocument } from '../../adapters/storage/port';
import type { ScorecardFile } from '../../core/scoring/scorecard-schema';
import { binShares, populationStabilityIndex } from './model-metrics';

/** Collection where each credit decision is stored with its display score and model version. */
export const CREDIT_DECISIONS_COLLECTION = 'credit_decisions';

/** PSI above this is a major shift: the model should be reviewed before further use. */
export const PSI_MAJOR = 0.25;
/** PSI above this is a moderate shift worth watching. */
export const PSI_MODERATE = 0.1;

const PAGE_SIZE = 100;

export type DriftLevel = 'stable' | 'moderate' | 'major';

export interface DriftReport {
  modelVersion: string;
  /** Decisions scored by this model version (declines without a credit file are left out). */
  liveCount: number;
  psi: number | null;
  level: DriftLevel | 'no data';
  bins: { from: number; to: number; expectedShare: number; liveShare: number }[];
}

interface DecisionDocument extends StoredDocument {
  _id: string;
  displayScore?: number;
  modelVersion?: string;
  reasons?: { code: string }[];
}

/** Reads the display score of every decision made by the given model version, page by page. */
export async function readLiveScores(store: Store, modelVersion: string): Promise<number[]> {
  const scores: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.page<DecisionDocument>(CREDIT_DECISIONS_COLLECTION, {
      where: { modelVersion },
      limit: PAGE_SIZE,
      cursor,
    });
    for (const document of page.documents) {
      const noFile = document.reasons?.some((reason) => reason.code === 'NO_CREDIT_FILE');
      if (typeof document.displayScore === 'number' && !noFile) scores.push(document.displayScore);
    }
    cursor = page.cursor;
  } while (cursor);
  return scores;
}

/**
 * Compares live display scores with the training distribution stored in the model file by
 * the population stability index, and grades the shift: above {@link PSI_MAJOR} major, above
 * {@link PSI_MODERATE} moderate, else stable. Throws when the file has no score distribution.
 */
export function driftReport(file: ScorecardFile, liveScores: readonly number[]): DriftReport {
  const distribution = file.scoreDistribution;
  if (!distribution) {
    throw new Error(`Model ${file.version} has no scoreDistribution; retrain it with npm run train`);
  }
  const liveShares = binShares(liveScores, distribution.edges);
  const bins = distribution.shares.map((expectedShare, i) => ({
    from: distribution.edges[i],
    to: distribution.edges[i + 1],
    expectedShare,
    liveShare: liveShares[i],
  }));
  if (liveScores.length === 0) {
    return { modelVersion: file.version, liveCount: 0, psi: null, level: 'no data', bins };
  }
  const psi = populationStabilityIndex(distribution.shares, liveShares);
  let level: DriftLevel = 'stable';
  if (psi > PSI_MAJOR) level = 'major';
  else if (psi > PSI_MODERATE) level = 'moderate';
  return { modelVersion: file.version, liveCount: liveScores.length, psi, level, bins };
}

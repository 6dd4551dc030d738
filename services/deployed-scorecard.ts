import { parseScorecard, type Scorecard } from '../core/scoring/scorecard';
import scorecardJson from '../model/scorecard-v3.json';

/**
 * The scorecard file that credit decisions use, in every container (local and CloudBase);
 * monitoring, benchmarks and tests read the same one. Older files stay in model/ so that a
 * decision recorded under an earlier version can still be explained.
 */
export const DEPLOYED_SCORECARD_FILE: unknown = scorecardJson;

/** Parses the deployed scorecard file; throws when the file is malformed. */
export function deployedScorecard(): Scorecard {
  return parseScorecard(DEPLOYED_SCORECARD_FILE);
}

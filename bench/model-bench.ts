import { performance } from 'node:perf_hooks';
import type { BehaviourProfile } from '../adapters/ports/credit-data';
import { scoreProfile } from '../core/scoring/scorecard';
import { deployedScorecard } from '../services/deployed-scorecard';
import { loadTaiwanProfiles, TAIWAN_LABEL_COLUMN } from '../scripts/lib/model-data';
import { DEFAULT_TRAINING, fitScorecard, headerOf, taiwanDataset } from '../scripts/lib/model-train';

/** One benchmark measurement and whether it meets its target (value ≤ target). */
export interface ModelBenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
  ok: boolean;
}

/** Scoring one applicant in the core must take at most this many microseconds. */
export const SCORE_TARGET_MICROS = 50;
/** Training the scorecard on all 30,000 Taiwan rows must take at most this many seconds. */
export const TRAIN_TARGET_SECONDS = 60;

const WARMUP_ROUNDS = 2_000;
const TIMED_ROUNDS = 20_000;

/**
 * Measures the two model checks: mean time to score one applicant with the committed
 * scorecard (deriving features, bin lookups, points, reasons), over the Taiwan profiles in
 * turn, and wall time to train the scorecard on every Taiwan row (binning, selection, L2
 * tuning by inner cross-validation and the final fit; without the outer cross-validation
 * that `npm run train` adds for the metrics).
 */
export async function runModelBench(): Promise<ModelBenchResult[]> {
  const data = loadTaiwanProfiles();
  const scoreMicros = measureScoring(data.profiles);
  const startedMs = performance.now();
  const options = { ...DEFAULT_TRAINING, createdAt: '2000-01-01', target: `${TAIWAN_LABEL_COLUMN} = 1` };
  fitScorecard(taiwanDataset(data.profiles, data.labels, options), headerOf(options, data.sha256));
  const trainSeconds = (performance.now() - startedMs) / 1000;
  return [
    result(`score one applicant (core ${deployedScorecard().version})`, scoreMicros, 'µs', SCORE_TARGET_MICROS),
    result('train scorecard on Taiwan (30,000 rows)', trainSeconds, 's', TRAIN_TARGET_SECONDS),
  ];
}

function measureScoring(profiles: readonly BehaviourProfile[]): number {
  const model = deployedScorecard();
  let checksum = 0;
  for (let i = 0; i < WARMUP_ROUNDS; i += 1) checksum += scoreProfile(model, profiles[i % profiles.length]).points;
  const started = performance.now();
  for (let i = 0; i < TIMED_ROUNDS; i += 1) checksum += scoreProfile(model, profiles[i % profiles.length]).points;
  const micros = ((performance.now() - started) * 1000) / TIMED_ROUNDS;
  if (!Number.isFinite(checksum)) throw new Error('scoring produced a non-finite total');
  return micros;
}

function result(name: string, value: number, unit: string, target: number): ModelBenchResult {
  const rounded = Math.round(value * 100) / 100;
  return { name, value: rounded, unit, target, ok: value <= target };
}

if (require.main === module) {
  runModelBench()
    .then((results) => console.log(JSON.stringify(results, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}

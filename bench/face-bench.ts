/**
 * Face decision latency: four frames described on the two-thread worker pool plus the match
 * against the photo on file, as one liveness check does. The first decision includes the
 * model load in each thread; later ones reuse the loaded models.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeImage } from '../adapters/face/decode-image';
import { EmbeddedFaceVerifier } from '../adapters/face/embedded-face-verifier';
import { FaceApiMatcher } from '../adapters/face/face-api-matcher';
import { FaceWorkerPool } from '../adapters/face/face-worker-pool';
import { loadSandboxRegistry, SANDBOX_FACES_DIR } from '../adapters/identity/sandbox-registry';
import { VARIANTS } from '../scripts/lib/face-calibration';

export interface FaceBenchResult {
  name: string;
  value: number;
  unit: string;
  target: number | null;
  ok: boolean;
}

/** Target for one decision over four frames, in milliseconds. */
export const FACE_DECISION_TARGET_MS = 2000;
const MEASURED_ROUNDS = 10;

/** Four frames of one person: the photo and three altered copies, as JPEG bytes. */
function fourFrames(): Uint8Array[] {
  const decoded = decodeImage(fs.readFileSync(path.join(SANDBOX_FACES_DIR, 'Paul2.jpeg')));
  if (!decoded.ok) throw new Error(`Paul2.jpeg is unreadable: ${decoded.reason}`);
  const names = ['original', 'crop 90% centre', 'brightness x1.4', 'JPEG quality 40'];
  return names.map((name) => VARIANTS.find((variant) => variant.name === name)!.apply(decoded.image));
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

/** Runs the face decision benchmark and returns one row per measurement. */
export async function runFaceBench(): Promise<FaceBenchResult[]> {
  const pool = new FaceWorkerPool(2);
  const verifier = new EmbeddedFaceVerifier({ matcher: new FaceApiMatcher(), describer: pool });
  const person = loadSandboxRegistry().people.find((candidate) => candidate.photo === 'Paul.jpeg')!;
  const request = {
    idNumber: person.idNumber,
    name: person.name,
    actions: [],
    frames: fourFrames().map((image) => ({ image })),
  };
  const decide = async () => {
    const started = performance.now();
    const decision = await verifier.verifyLiveness(request);
    if (decision.outcome !== 'match') throw new Error(`benchmark frames did not match: ${decision.outcome}`);
    return performance.now() - started;
  };

  try {
    const firstMs = await decide();
    const timings: number[] = [];
    for (let round = 0; round < MEASURED_ROUNDS; round++) timings.push(await decide());
    timings.sort((a, b) => a - b);
    const medianMs = percentile(timings, 0.5);
    const maxMs = timings[timings.length - 1];
    const round = (value: number) => Math.round(value);
    return [
      { name: 'face decision, 4 frames, first (with model load)', value: round(firstMs), unit: 'ms', target: null, ok: true },
      { name: 'face decision, 4 frames, median', value: round(medianMs), unit: 'ms', target: FACE_DECISION_TARGET_MS, ok: medianMs <= FACE_DECISION_TARGET_MS },
      { name: 'face decision, 4 frames, max', value: round(maxMs), unit: 'ms', target: FACE_DECISION_TARGET_MS, ok: maxMs <= FACE_DECISION_TARGET_MS },
    ];
  } finally {
    await pool.close();
  }
}

if (require.main === module) {
  runFaceBench().then(
    (rows) => {
      for (const row of rows) {
        const target = row.target === null ? '' : ` (target ≤ ${row.target} ${row.unit}: ${row.ok ? 'ok' : 'MISSED'})`;
        process.stdout.write(`${row.name}: ${row.value} ${row.unit}${target}\n`);
      }
    },
    (error: unknown) => {
      process.stderr.write(`face benchmark failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
}

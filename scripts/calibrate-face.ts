/**
 * Measures descriptor distances on the reference face photos and altered copies of them
 * (crops, mirror, brightness, JPEG quality), then recommends a match threshold. At the
 * recommended and the configured threshold it reports the false-match rate over every
 * different-person pair and the false-reject rate over every same-person pair.
 *
 * Usage: npm run calibrate:face [-- --json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeImage } from '../adapters/face/decode-image';
import { DEFAULT_FACE_MATCH_THRESHOLD, FaceApiMatcher } from '../adapters/face/face-api-matcher';
import { FACE_MODEL_VERSION } from '../adapters/face/face-model';
import { SANDBOX_FACES_DIR } from '../adapters/identity/sandbox-registry';
import { errorRates, recommendThreshold, summarise, VARIANTS, type LabelledDistance } from './lib/face-calibration';

/** Photo file and the person in it; Paul.jpeg and Paul2.jpeg show the same person. */
const PHOTOS: [string, string][] = [
  ['Paul.jpeg', 'A'],
  ['Paul2.jpeg', 'A'],
  ['Chris.jpeg', 'B'],
  ['Bryan.png', 'C'],
  ['Luciano.jpg', 'D'],
];

interface Sample {
  photo: string;
  person: string;
  variant: string;
  descriptor: Float32Array;
}

async function describeAll(matcher: FaceApiMatcher): Promise<{ samples: Sample[]; missed: string[] }> {
  const samples: Sample[] = [];
  const missed: string[] = [];
  for (const [photo, person] of PHOTOS) {
    const decoded = decodeImage(fs.readFileSync(path.join(SANDBOX_FACES_DIR, photo)));
    if (!decoded.ok) throw new Error(`${photo} is unreadable: ${decoded.reason}`);
    for (const variant of VARIANTS) {
      const description = await matcher.describe(variant.apply(decoded.image));
      if (description.readable && description.descriptor) {
        samples.push({ photo, person, variant: variant.name, descriptor: description.descriptor });
      } else {
        missed.push(`${photo} / ${variant.name}`);
      }
    }
  }
  return { samples, missed };
}

function pairDistances(matcher: FaceApiMatcher, samples: Sample[]): LabelledDistance[] {
  const pairs: LabelledDistance[] = [];
  for (let i = 0; i < samples.length; i++) {
    for (let j = i + 1; j < samples.length; j++) {
      const samePerson = samples[i].person === samples[j].person;
      pairs.push({
        distance: matcher.compare(samples[i].descriptor, samples[j].descriptor),
        samePerson,
        crossPhoto: samePerson && samples[i].photo !== samples[j].photo,
      });
    }
  }
  return pairs;
}

function format(value: number): string {
  return value.toFixed(3);
}

async function main(): Promise<void> {
  const matcher = new FaceApiMatcher();
  const { samples, missed } = await describeAll(matcher);
  const pairs = pairDistances(matcher, samples);
  const recommended = recommendThreshold(pairs);
  const groups = {
    'same photo, altered copies': pairs.filter((pair) => pair.samePerson && !pair.crossPhoto),
    'same person, different photos': pairs.filter((pair) => pair.crossPhoto),
    'different people': pairs.filter((pair) => !pair.samePerson),
  };
  const report = {
    modelVersion: FACE_MODEL_VERSION,
    variants: VARIANTS.map((variant) => variant.name),
    facesFound: samples.length,
    facesMissed: missed,
    distances: Object.fromEntries(Object.entries(groups).map(([name, list]) => [name, summarise(list.map((p) => p.distance))])),
    recommendedThreshold: Number(recommended.toFixed(3)),
    atRecommended: errorRates(pairs, recommended),
    atConfigured: { threshold: DEFAULT_FACE_MATCH_THRESHOLD, ...errorRates(pairs, DEFAULT_FACE_MATCH_THRESHOLD) },
  };
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  const lines = [
    `model: ${report.modelVersion}; faces found in ${samples.length} of ${samples.length + missed.length} images`,
    ...(missed.length > 0 ? [`no single face in: ${missed.join('; ')}`] : []),
    '',
    '| pairs | count | min | p5 | median | p95 | max |',
    '|---|---|---|---|---|---|---|',
    ...Object.entries(report.distances).map(([name, s]) =>
      `| ${name} | ${s.count} | ${format(s.min)} | ${format(s.p5)} | ${format(s.median)} | ${format(s.p95)} | ${format(s.max)} |`),
    '',
    '| threshold | false-match rate | false-reject rate (all same-person) | false-reject rate (different photos) |',
    '|---|---|---|---|',
    ...[
      [`${format(recommended)} (recommended)`, report.atRecommended],
      [`${DEFAULT_FACE_MATCH_THRESHOLD} (configured)`, report.atConfigured],
    ].map(([label, rates]) => {
      const r = rates as ReturnType<typeof errorRates>;
      const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
      return `| ${label} | ${pct(r.falseMatchRate)} of ${r.differentPairs} | ${pct(r.falseRejectRate)} of ${r.samePairs} | ${pct(r.crossPhotoFalseRejectRate)} of ${r.crossPhotoPairs} |`;
    }),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`face calibration failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

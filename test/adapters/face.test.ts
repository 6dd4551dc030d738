import { beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedFaceVerifier } from '../../adapters/face/embedded-face-verifier';
import { FaceApiMatcher } from '../../adapters/face/face-api-matcher';
import { FACE_MODEL_VERSION } from '../../adapters/face/face-model';
import { SandboxRegistry } from '../../adapters/identity/sandbox-registry';
import { makeSelfie } from '../../scripts/lib/selfie-variants';
import { blankImage, FACE_FILES, noiseImage, readFace, sideBySide } from './face-images';

// Slow: real inference on the wasm backend, about 0.3–0.8 s an image on one core.
const matcher = new FaceApiMatcher();
const descriptors = new Map<string, Float32Array>();

async function descriptorOf(bytes: Uint8Array): Promise<Float32Array> {
  const description = await matcher.describe(bytes);
  if (!description.readable || !description.descriptor) {
    throw new Error(`expected one face, got ${JSON.stringify(description)}`);
  }
  return description.descriptor;
}

const registry = new SandboxRegistry([
  { name: '王伟', idNumber: '110101199003078035', phone: '13800000001',
    bankCard: '6222020000000000001', photo: 'Paul.jpeg', creditRow: 0 },
  { name: '李娜', idNumber: '11010119900307803X', phone: '13800000002',
    bankCard: '6222020000000000002', photo: 'Chris.jpeg', creditRow: 1 },
]);
const verifier = new EmbeddedFaceVerifier({ matcher, registry });
const paulId = registry.people[0].idNumber;

beforeAll(async () => {
  for (const file of FACE_FILES) descriptors.set(file, await descriptorOf(readFace(file)));
});

describe('FaceApiMatcher', () => {
  it('matches the same person', () => {
    const distance = matcher.compare(descriptors.get('Paul.jpeg')!, descriptors.get('Paul2.jpeg')!);
    expect(distance).toBeGreaterThan(0.4);
    expect(distance).toBeLessThan(0.5);
    expect(matcher.isMatch(distance)).toBe(true);
  });

  it('rejects every different-person pair', () => {
    const pairs: string[] = [];
    for (const [i, a] of FACE_FILES.entries()) {
      for (const b of FACE_FILES.slice(i + 1)) {
        if (a.startsWith('Paul') && b.startsWith('Paul')) continue;
        const distance = matcher.compare(descriptors.get(a)!, descriptors.get(b)!);
        expect(distance, `${a} vs ${b}`).toBeGreaterThan(0.6);
        expect(matcher.isMatch(distance), `${a} vs ${b}`).toBe(false);
        pairs.push(`${a}/${b}`);
      }
    }
    expect(pairs).toHaveLength(9);
  });

  it('describes one face with box and landmarks', async () => {
    const description = await matcher.describe(readFace('Chris.jpeg'));
    expect(description).toMatchObject({ readable: true, faces: 1 });
    if (!description.readable) return;
    expect(description.descriptor).toHaveLength(128);
    expect(description.landmarks).toHaveLength(68);
    expect(description.box!.width).toBeGreaterThan(50);
    expect(description.box!.x + description.box!.width).toBeLessThanOrEqual(512 + 1);
  });

  it('counts two faces side by side', async () => {
    const description = await matcher.describe(sideBySide('Chris.jpeg', 'Luciano.jpg'));
    expect(description).toMatchObject({ readable: true, faces: 2 });
  });

  it('finds no face in blank or noise images', async () => {
    expect(await matcher.describe(blankImage(256))).toMatchObject({ faces: 0 });
    expect(await matcher.describe(noiseImage(256, 7))).toMatchObject({ faces: 0 });
  });

  it('rejects a threshold outside (0, 2)', () => {
    expect(() => new FaceApiMatcher({ threshold: 0 })).toThrow(/threshold/);
  });
});

describe('EmbeddedFaceVerifier', () => {
  const request = (selfie: Uint8Array, idNumber = paulId) => ({ idNumber, name: '王伟', selfie });

  it('matches a selfie of the person on file', async () => {
    const result = await verifier.compare(request(readFace('Paul2.jpeg')));
    expect(result.outcome).toBe('match');
    expect(result).toMatchObject({ threshold: 0.5, modelVersion: FACE_MODEL_VERSION });
  });

  it('rejects a selfie of someone else', async () => {
    const result = await verifier.compare(request(readFace('Luciano.jpg')));
    expect(result.outcome).toBe('no_match');
    if (result.outcome === 'no_match') expect(result.distance).toBeGreaterThan(0.6);
  });

  it('reports multiple faces', async () => {
    const result = await verifier.compare(request(sideBySide('Paul2.jpeg', 'Luciano.jpg')));
    expect(result.outcome).toBe('multiple_faces');
  });

  it('reports no face in noise', async () => {
    expect((await verifier.compare(request(noiseImage(320, 11)))).outcome).toBe('no_face');
  });

  it('reports garbage bytes as unreadable', async () => {
    const garbage = new Uint8Array(2048).map((_, i) => (i * 37) % 256);
    const result = await verifier.compare(request(garbage));
    expect(result).toMatchObject({ outcome: 'unreadable_image', reason: 'unsupported_format' });
  });

  it('reports a truncated JPEG as unreadable', async () => {
    const truncated = readFace('Paul2.jpeg').slice(0, 600);
    const result = await verifier.compare(request(truncated));
    expect(result).toMatchObject({ outcome: 'unreadable_image', reason: 'corrupt' });
  });

  it('reports an unknown ID as no photo on file', async () => {
    const result = await verifier.compare(request(readFace('Paul2.jpeg'), '110101199001010011'));
    expect(result.outcome).toBe('no_photo_on_file');
  });
});

describe('makeSelfie', () => {
  it('is deterministic per seed', () => {
    const photo = readFace('Chris.jpeg');
    expect(Buffer.from(makeSelfie(photo, 5)).equals(Buffer.from(makeSelfie(photo, 5)))).toBe(true);
    expect(Buffer.from(makeSelfie(photo, 5)).equals(Buffer.from(makeSelfie(photo, 6)))).toBe(false);
  });

  it('keeps a Chris variant matching Chris only', async () => {
    const selfie = makeSelfie(readFace('Chris.jpeg'), 42);
    const variant = await descriptorOf(selfie);
    expect(matcher.isMatch(matcher.compare(variant, descriptors.get('Chris.jpeg')!))).toBe(true);
    expect(matcher.isMatch(matcher.compare(variant, descriptors.get('Paul.jpeg')!))).toBe(false);
  });
});

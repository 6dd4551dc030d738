import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedFaceVerifier } from '../../adapters/face/embedded-face-verifier';
import { FaceWorkerPool } from '../../adapters/face/face-worker-pool';
import { SandboxRegistry } from '../../adapters/identity/sandbox-registry';
import { readFace } from './face-images';

// Slow: each worker thread loads its own model copy.
const pool = new FaceWorkerPool(2);
const registry = new SandboxRegistry([
  { name: '王伟', idNumber: '11010119900307803X', phone: '13800000001',
    bankCard: '6222020000000000000', photo: 'Paul.jpeg', creditRow: 0 },
]);

afterAll(async () => {
  await pool.close();
});

describe('FaceWorkerPool', () => {
  it('describes images on worker threads', async () => {
    const results = await Promise.all(
      ['Chris.jpeg', 'Bryan.png', 'Luciano.jpg'].map((file) => pool.describe(readFace(file))),
    );
    for (const result of results) {
      expect(result).toMatchObject({ readable: true, faces: 1 });
      if (result.readable) expect(result.descriptor).toBeInstanceOf(Float32Array);
    }
  });

  it('serves the embedded verifier', async () => {
    const verifier = new EmbeddedFaceVerifier({ registry, describer: pool });
    const selfie = readFace('Paul2.jpeg');
    const request = { idNumber: '11010119900307803X', name: '王伟', selfie };
    expect((await verifier.compare(request)).outcome).toBe('match');
  });

  it('returns unreadable results from workers', async () => {
    expect(await pool.describe(new Uint8Array([1, 2, 3]))).toEqual({
      readable: false,
      reason: 'unsupported_format',
    });
  });

  it('rejects tasks after close', async () => {
    const closed = new FaceWorkerPool(1);
    await closed.close();
    await expect(closed.describe(readFace('Bryan.png'))).rejects.toThrow(/closed/);
  });

  it('rejects a worker count below one', () => {
    expect(() => new FaceWorkerPool(0)).toThrow(/positive integer/);
  });
});

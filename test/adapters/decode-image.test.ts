import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImage, MAX_IMAGE_BYTES } from '../../adapters/face/decode-image';
import { readFace } from './face-images';

function pngBytes(width: number, height: number, rgba: number[]): Uint8Array {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set(rgba, i * 4);
  return new Uint8Array(PNG.sync.write(png));
}

describe('decodeImage', () => {
  it('decodes a JPEG to RGB', () => {
    const result = decodeImage(readFace('Chris.jpeg'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.image.width).toBe(512);
    expect(result.image.height).toBe(678);
    expect(result.image.rgb).toHaveLength(512 * 678 * 3);
  });

  it('composites PNG alpha on white', () => {
    const transparent = decodeImage(pngBytes(2, 2, [0, 0, 0, 0]));
    const halfRed = decodeImage(pngBytes(1, 1, [255, 0, 0, 128]));
    expect(transparent.ok).toBe(true);
    expect(halfRed.ok).toBe(true);
    if (!transparent.ok || !halfRed.ok) return;
    expect([...transparent.image.rgb.slice(0, 3)]).toEqual([255, 255, 255]);
    // Green and blue: (0 * 128 + 255 * 127) / 255 = 127.
    expect([...halfRed.image.rgb]).toEqual([255, 127, 127]);
  });

  it('rejects files over the byte cap', () => {
    const huge = new Uint8Array(MAX_IMAGE_BYTES + 1);
    huge.set([0xff, 0xd8, 0xff]);
    expect(decodeImage(huge)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('rejects a PNG wider than 4096 px', () => {
    const wide = pngBytes(1, 1, [0, 0, 0, 255]);
    new DataView(wide.buffer).setUint32(16, 5000);
    expect(decodeImage(wide)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('rejects other formats and damaged files', () => {
    expect(decodeImage(new TextEncoder().encode('GIF89a...'))).toEqual({
      ok: false,
      reason: 'unsupported_format',
    });
    expect(decodeImage(readFace('Bryan.png').slice(0, 100))).toEqual({
      ok: false,
      reason: 'corrupt',
    });
  });
});

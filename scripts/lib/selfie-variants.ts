import * as jpeg from 'jpeg-js';
import { decodeImage, type RgbImage } from '../../adapters/face/decode-image';
import { createSeededRandom } from './seeded-random';

/** Crops `image` to a window of the given size whose top-left corner is (left, top). */
function crop(image: RgbImage, left: number, top: number, width: number, height: number) {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const source = ((top + y) * image.width + (left + x)) * 3;
      const target = (y * width + x) * 4;
      rgba[target] = image.rgb[source];
      rgba[target + 1] = image.rgb[source + 1];
      rgba[target + 2] = image.rgb[source + 2];
      rgba[target + 3] = 255;
    }
  }
  return rgba;
}

function adjustBrightness(rgba: Uint8Array, factor: number): void {
  for (let i = 0; i < rgba.length; i += 4) {
    for (let channel = 0; channel < 3; channel++) {
      rgba[i + channel] = Math.min(255, Math.round(rgba[i + channel] * factor));
    }
  }
}

/**
 * Makes a sandbox selfie from a photo on file: a crop of 88–96% of each side at a random
 * offset, brightness scaled by 0.85–1.15, re-encoded as JPEG at quality 80–90. The same
 * photo and seed always give the same bytes. Throws when the photo cannot be decoded.
 */
export function makeSelfie(photoBytes: Uint8Array, seed: number): Uint8Array {
  const decoded = decodeImage(photoBytes);
  if (!decoded.ok) throw new Error(`cannot make a selfie: photo is unreadable (${decoded.reason})`);
  const image = decoded.image;
  const random = createSeededRandom(seed);

  const width = Math.round(image.width * (0.88 + random.next() * 0.08));
  const height = Math.round(image.height * (0.88 + random.next() * 0.08));
  const left = random.int(0, image.width - width);
  const top = random.int(0, image.height - height);
  const rgba = crop(image, left, top, width, height);
  adjustBrightness(rgba, 0.85 + random.next() * 0.3);

  const quality = random.int(80, 90);
  return new Uint8Array(jpeg.encode({ data: rgba, width, height }, quality).data);
}

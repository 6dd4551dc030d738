import * as fs from 'fs';
import * as path from 'path';
import * as jpeg from 'jpeg-js';
import { decodeImage, type RgbImage } from '../../adapters/face/decode-image';
import { createSeededRandom } from '../../scripts/lib/seeded-random';

/** The five reference photos; Paul.jpeg and Paul2.jpeg show the same person. */
export const FACES_DIR = path.resolve(__dirname, '../../../shared/data/faces');
export const FACE_FILES = ['Paul.jpeg', 'Paul2.jpeg', 'Chris.jpeg', 'Bryan.png', 'Luciano.jpg'];

export function readFace(file: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(FACES_DIR, file)));
}

export function decodeFace(file: string): RgbImage {
  const decoded = decodeImage(readFace(file));
  if (!decoded.ok) throw new Error(`${file} is unreadable: ${decoded.reason}`);
  return decoded.image;
}

function encodeRgb(width: number, height: number, pixel: (x: number, y: number) => number[]) {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      rgba.set([...pixel(x, y), 255], (y * width + x) * 4);
    }
  }
  return new Uint8Array(jpeg.encode({ data: rgba, width, height }, 90).data);
}

/** Places two photos side by side on a white canvas, top-aligned, as one JPEG. */
export function sideBySide(leftFile: string, rightFile: string): Uint8Array {
  const left = decodeFace(leftFile);
  const right = decodeFace(rightFile);
  const height = Math.max(left.height, right.height);
  return encodeRgb(left.width + right.width, height, (x, y) => {
    const image = x < left.width ? left : right;
    const column = x < left.width ? x : x - left.width;
    if (y >= image.height) return [255, 255, 255];
    const offset = (y * image.width + column) * 3;
    return [image.rgb[offset], image.rgb[offset + 1], image.rgb[offset + 2]];
  });
}

/** Encodes a JPEG of seeded random grey noise. */
export function noiseImage(size: number, seed: number): Uint8Array {
  const random = createSeededRandom(seed);
  return encodeRgb(size, size, () => {
    const grey = random.int(0, 255);
    return [grey, grey, grey];
  });
}

/** Encodes a plain white JPEG. */
export function blankImage(size: number): Uint8Array {
  return encodeRgb(size, size, () => [255, 255, 255]);
}

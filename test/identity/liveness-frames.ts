import * as jpeg from 'jpeg-js';
import type { RgbImage } from '../../adapters/face/decode-image';
import { FaceApiMatcher } from '../../adapters/face/face-api-matcher';
import { decodeFace } from '../adapters/face-images';

/**
 * Test frames built from the still reference photos. A real head turn cannot be filmed
 * here, so `turnFrame` imitates what the liveness check measures: it warps the image
 * horizontally so that the nose tip moves along the jaw line while both ends of the jaw
 * stay put. It does not imitate the 3-D look of a turn (the far cheek narrowing, the ear
 * disappearing). Blinks and an open mouth cannot be made from these photos at all, so
 * their checks are tested on landmark arrays instead.
 */

export function encodeJpeg(image: RgbImage, quality = 90): Uint8Array {
  const rgba = new Uint8Array(image.width * image.height * 4);
  for (let pixel = 0; pixel < image.width * image.height; pixel++) {
    rgba.set(image.rgb.subarray(pixel * 3, pixel * 3 + 3), pixel * 4);
    rgba[pixel * 4 + 3] = 255;
  }
  const encoded = jpeg.encode({ data: rgba, width: image.width, height: image.height }, quality);
  return new Uint8Array(encoded.data);
}

/** Returns the image flipped left to right. */
export function mirrorImage(image: RgbImage): RgbImage {
  const rgb = new Uint8Array(image.rgb.length);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const from = (y * image.width + x) * 3;
      const to = (y * image.width + (image.width - 1 - x)) * 3;
      rgb.set(image.rgb.subarray(from, from + 3), to);
    }
  }
  return { width: image.width, height: image.height, rgb };
}

/** Maps an output column back to its source column for the piecewise-linear nose shift. */
function sourceColumn(x: number, jawLeft: number, nose: number, shiftedNose: number, jawRight: number) {
  if (x <= jawLeft || x >= jawRight) return x;
  if (x <= shiftedNose) return jawLeft + ((x - jawLeft) * (nose - jawLeft)) / (shiftedNose - jawLeft);
  return nose + ((x - shiftedNose) * (jawRight - nose)) / (jawRight - shiftedNose);
}

/**
 * Warps columns between the jaw ends so the nose tip moves by `shift` half-widths of the
 * jaw: positive toward the image's right edge (the borrower turning to their own left).
 */
export function warpNose(image: RgbImage, landmarks: { x: number; y: number }[], shift: number): RgbImage {
  const jawLeft = landmarks[0].x;
  const jawRight = landmarks[16].x;
  const nose = landmarks[30].x;
  const shiftedNose = nose + (shift * (jawRight - jawLeft)) / 2;
  const rgb = new Uint8Array(image.rgb.length);
  for (let x = 0; x < image.width; x++) {
    const source = sourceColumn(x, jawLeft, nose, shiftedNose, jawRight);
    const left = Math.max(0, Math.min(image.width - 1, Math.floor(source)));
    const right = Math.min(image.width - 1, left + 1);
    const weight = source - left;
    for (let y = 0; y < image.height; y++) {
      for (let channel = 0; channel < 3; channel++) {
        const a = image.rgb[(y * image.width + left) * 3 + channel];
        const b = image.rgb[(y * image.width + right) * 3 + channel];
        rgb[(y * image.width + x) * 3 + channel] = Math.round(a * (1 - weight) + b * weight);
      }
    }
  }
  return { width: image.width, height: image.height, rgb };
}

const matcher = new FaceApiMatcher();

/** Builds a neutral frame and turned frames of one reference photo, as JPEG bytes. */
export async function framesOf(file: string, shift = 0.45) {
  const image = decodeFace(file);
  const description = await matcher.describeRgb(image);
  if (!description.landmarks) throw new Error(`${file} must show exactly one face`);
  const left = warpNose(image, description.landmarks, shift);
  const right = warpNose(image, description.landmarks, -shift);
  return {
    image,
    landmarks: description.landmarks,
    neutral: encodeJpeg(image),
    turnLeft: encodeJpeg(left),
    turnRight: encodeJpeg(right),
    /** The left turn flipped, which reads as a right turn. */
    mirroredTurnLeft: encodeJpeg(mirrorImage(left)),
  };
}

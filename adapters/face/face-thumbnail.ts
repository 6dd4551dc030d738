import type { RgbImage } from './decode-image';
import type { Point } from './landmark-metrics';

/** Side of a face thumbnail, in cells. */
export const THUMBNAIL_SIDE = 16;
/** Where the eye centres sit in the thumbnail, as shares of its side. */
const EYE_ROW = 0.35;
const LEFT_EYE_COLUMN = 0.3;
const EYE_SPAN = 0.4;
/** Samples per cell along each axis, averaged to limit aliasing. */
const SUBSAMPLES = 3;

function meanPoint(points: readonly Point[]): Point {
  const sum = points.reduce((acc, point) => ({ x: acc.x + point.x, y: acc.y + point.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}

/** Bilinear luma (BT.601) at a point; points outside the image read as black. */
function lumaAt(image: RgbImage, x: number, y: number): number {
  if (x < 0 || y < 0 || x > image.width - 1 || y > image.height - 1) return 0;
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(image.width - 1, x0 + 1);
  const y1 = Math.min(image.height - 1, y0 + 1);
  const luma = (px: number, py: number) => {
    const offset = (py * image.width + px) * 3;
    return 0.299 * image.rgb[offset] + 0.587 * image.rgb[offset + 1] + 0.114 * image.rgb[offset + 2];
  };
  const top = luma(x0, y0) * (1 - (x - x0)) + luma(x1, y0) * (x - x0);
  const bottom = luma(x0, y1) * (1 - (x - x0)) + luma(x1, y1) * (x - x0);
  return top * (1 - (y - y0)) + bottom * (y - y0);
}

/**
 * Returns a THUMBNAIL_SIDE² grey thumbnail of the face, aligned on the two eye centres
 * (landmarks 36-41 and 42-47) so that position, size and in-plane rotation drop out. A
 * frame that is a mirrored, shifted or rescaled copy of another yields the mirror of the
 * other's thumbnail. Used only to compare frames within one request, never stored.
 */
export function faceThumbnail(image: RgbImage, landmarks: readonly Point[]): Float32Array {
  const leftEye = meanPoint(landmarks.slice(36, 42));
  const rightEye = meanPoint(landmarks.slice(42, 48));
  const across = { x: (rightEye.x - leftEye.x) / EYE_SPAN, y: (rightEye.y - leftEye.y) / EYE_SPAN };
  // Perpendicular to the eye line, pointing down the face in image coordinates.
  const down = { x: -across.y, y: across.x };
  const thumbnail = new Float32Array(THUMBNAIL_SIDE * THUMBNAIL_SIDE);

  for (let row = 0; row < THUMBNAIL_SIDE; row++) {
    for (let column = 0; column < THUMBNAIL_SIDE; column++) {
      let sum = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const u = (column + (sx + 0.5) / SUBSAMPLES) / THUMBNAIL_SIDE - LEFT_EYE_COLUMN;
          const v = (row + (sy + 0.5) / SUBSAMPLES) / THUMBNAIL_SIDE - EYE_ROW;
          const x = leftEye.x + u * across.x + v * down.x;
          const y = leftEye.y + u * across.y + v * down.y;
          sum += lumaAt(image, x, y);
        }
      }
      thumbnail[row * THUMBNAIL_SIDE + column] = sum / (SUBSAMPLES * SUBSAMPLES);
    }
  }
  return thumbnail;
}

/** Returns the thumbnail flipped left to right. */
export function mirrorThumbnail(thumbnail: Float32Array): Float32Array {
  const mirrored = new Float32Array(thumbnail.length);
  for (let row = 0; row < THUMBNAIL_SIDE; row++) {
    for (let column = 0; column < THUMBNAIL_SIDE; column++) {
      mirrored[row * THUMBNAIL_SIDE + column] =
        thumbnail[row * THUMBNAIL_SIDE + (THUMBNAIL_SIDE - 1 - column)];
    }
  }
  return mirrored;
}

/** Returns the Pearson correlation of two equal-length thumbnails, from -1 to 1. */
export function thumbnailCorrelation(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`thumbnail sizes differ: ${a.length} and ${b.length}`);
  const meanA = a.reduce((sum, value) => sum + value, 0) / a.length;
  const meanB = b.reduce((sum, value) => sum + value, 0) / b.length;
  let product = 0;
  let squaresA = 0;
  let squaresB = 0;
  for (let i = 0; i < a.length; i++) {
    product += (a[i] - meanA) * (b[i] - meanB);
    squaresA += (a[i] - meanA) ** 2;
    squaresB += (b[i] - meanB) ** 2;
  }
  const norm = Math.sqrt(squaresA * squaresB);
  return norm === 0 ? 0 : product / norm;
}

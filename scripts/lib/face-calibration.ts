import * as jpeg from 'jpeg-js';
import type { RgbImage } from '../../adapters/face/decode-image';

/** One altered copy of a photo: a name and the transformation. */
export interface Variant {
  name: string;
  apply(image: RgbImage): Uint8Array;
}

function toRgba(image: RgbImage, pixel: (x: number, y: number) => [number, number, number]) {
  const rgba = new Uint8Array(image.width * image.height * 4);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      rgba.set([...pixel(x, y), 255], (y * image.width + x) * 4);
    }
  }
  return rgba;
}

function encode(rgba: Uint8Array, width: number, height: number, quality = 90): Uint8Array {
  return new Uint8Array(jpeg.encode({ data: rgba, width, height }, quality).data);
}

function rgbAt(image: RgbImage, x: number, y: number): [number, number, number] {
  const offset = (y * image.width + x) * 3;
  return [image.rgb[offset], image.rgb[offset + 1], image.rgb[offset + 2]];
}

/** Crops a window of `share` of each side, its top-left at (`left`, `top`) shares of the rest. */
function crop(share: number, left: number, top: number): Variant['apply'] {
  return (image) => {
    const width = Math.round(image.width * share);
    const height = Math.round(image.height * share);
    const x0 = Math.round((image.width - width) * left);
    const y0 = Math.round((image.height - height) * top);
    const view: RgbImage = { width, height, rgb: new Uint8Array(0) };
    return encode(toRgba(view, (x, y) => rgbAt(image, x0 + x, y0 + y)), width, height);
  };
}

function brightness(factor: number): Variant['apply'] {
  return (image) =>
    encode(
      toRgba(image, (x, y) => rgbAt(image, x, y).map((v) => Math.min(255, Math.round(v * factor))) as [number, number, number]),
      image.width,
      image.height,
    );
}

/** The altered copies the calibration measures, besides the original. */
export const VARIANTS: Variant[] = [
  { name: 'original', apply: (image) => encode(toRgba(image, (x, y) => rgbAt(image, x, y)), image.width, image.height, 95) },
  { name: 'crop 90% centre', apply: crop(0.9, 0.5, 0.5) },
  { name: 'crop 75% centre', apply: crop(0.75, 0.5, 0.5) },
  { name: 'crop 80% top-left', apply: crop(0.8, 0.1, 0.1) },
  {
    name: 'mirror',
    apply: (image) => encode(toRgba(image, (x, y) => rgbAt(image, image.width - 1 - x, y)), image.width, image.height),
  },
  { name: 'brightness x0.6', apply: brightness(0.6) },
  { name: 'brightness x1.4', apply: brightness(1.4) },
  { name: 'JPEG quality 40', apply: (image) => encode(toRgba(image, (x, y) => rgbAt(image, x, y)), image.width, image.height, 40) },
  { name: 'JPEG quality 15', apply: (image) => encode(toRgba(image, (x, y) => rgbAt(image, x, y)), image.width, image.height, 15) },
];

export interface LabelledDistance {
  distance: number;
  samePerson: boolean;
  /** Same person in two different photos, not two copies of one photo. */
  crossPhoto: boolean;
}

/** Returns the share of distances at or under the threshold (matches) and over it. */
export function errorRates(pairs: LabelledDistance[], threshold: number) {
  const different = pairs.filter((pair) => !pair.samePerson);
  const same = pairs.filter((pair) => pair.samePerson);
  const cross = same.filter((pair) => pair.crossPhoto);
  const share = (list: LabelledDistance[], test: (pair: LabelledDistance) => boolean) =>
    list.length === 0 ? 0 : list.filter(test).length / list.length;
  return {
    falseMatchRate: share(different, (pair) => pair.distance <= threshold),
    falseRejectRate: share(same, (pair) => pair.distance > threshold),
    crossPhotoFalseRejectRate: share(cross, (pair) => pair.distance > threshold),
    differentPairs: different.length,
    samePairs: same.length,
    crossPhotoPairs: cross.length,
  };
}

/**
 * Recommends a threshold: the midpoint between the largest cross-photo same-person distance
 * and the smallest different-person distance when they do not overlap, otherwise the
 * candidate distance with the fewest errors (false matches counted twice).
 */
export function recommendThreshold(pairs: LabelledDistance[]): number {
  const minDifferent = Math.min(...pairs.filter((pair) => !pair.samePerson).map((pair) => pair.distance));
  const maxCross = Math.max(...pairs.filter((pair) => pair.crossPhoto).map((pair) => pair.distance));
  if (maxCross < minDifferent) return (maxCross + minDifferent) / 2;
  let best = { threshold: minDifferent, cost: Infinity };
  for (const candidate of pairs.map((pair) => pair.distance)) {
    const rates = errorRates(pairs, candidate);
    const cost = 2 * rates.falseMatchRate + rates.falseRejectRate;
    if (cost < best.cost) best = { threshold: candidate, cost };
  }
  return best.threshold;
}

/** Returns min, 5th percentile, median, 95th percentile and max. */
export function summarise(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))];
  return { count: sorted.length, min: sorted[0], p5: at(0.05), median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

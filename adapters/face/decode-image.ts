import * as jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** Largest accepted image file, in bytes. */
export const MAX_IMAGE_BYTES = 4 * 1024 * 1024;
/** Largest accepted width or height, in pixels. */
export const MAX_IMAGE_SIDE_PX = 4096;

/** Reason an image could not be read. */
export type UnreadableReason = 'too_large' | 'unsupported_format' | 'corrupt';

/** An image as 8-bit RGB, row-major, 3 bytes a pixel. */
export interface RgbImage {
  width: number;
  height: number;
  rgb: Uint8Array;
}

export type DecodeResult = { ok: true; image: RgbImage } | { ok: false; reason: UnreadableReason };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** Drops alpha by compositing on white, so transparent areas read as a plain background. */
function rgbaToRgb(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let pixel = 0; pixel < width * height; pixel++) {
    const alpha = rgba[pixel * 4 + 3];
    for (let channel = 0; channel < 3; channel++) {
      const value = rgba[pixel * 4 + channel];
      rgb[pixel * 3 + channel] = Math.round((value * alpha + 255 * (255 - alpha)) / 255);
    }
  }
  return rgb;
}

function isTooLarge(width: number, height: number): boolean {
  return width > MAX_IMAGE_SIDE_PX || height > MAX_IMAGE_SIDE_PX;
}

function decodePng(bytes: Uint8Array): DecodeResult {
  // The IHDR chunk always comes first, so width and height are big-endian at bytes 16 and 20.
  if (bytes.length < 24) return { ok: false, reason: 'corrupt' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isTooLarge(view.getUint32(16), view.getUint32(20))) return { ok: false, reason: 'too_large' };

  try {
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const rgb = rgbaToRgb(png.data, png.width, png.height);
    return { ok: true, image: { width: png.width, height: png.height, rgb } };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}

function decodeJpeg(bytes: Uint8Array): DecodeResult {
  try {
    const decoded = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: (MAX_IMAGE_SIDE_PX * MAX_IMAGE_SIDE_PX) / 1_000_000,
      maxMemoryUsageInMB: 512,
    });
    if (isTooLarge(decoded.width, decoded.height)) return { ok: false, reason: 'too_large' };
    const rgb = rgbaToRgb(decoded.data, decoded.width, decoded.height);
    return { ok: true, image: { width: decoded.width, height: decoded.height, rgb } };
  } catch (error) {
    // jpeg-js reports its resolution and memory caps with messages naming the limit.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: /maxResolutionInMP|maxMemoryUsageInMB/.test(message)
      ? 'too_large' : 'corrupt' };
  }
}

/**
 * Decodes a JPEG or PNG into RGB. Returns a reason instead of throwing for files over
 * {@link MAX_IMAGE_BYTES} or {@link MAX_IMAGE_SIDE_PX}, other formats and damaged files.
 */
export function decodeImage(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, reason: 'too_large' };
  if (startsWith(bytes, PNG_SIGNATURE)) return decodePng(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return decodeJpeg(bytes);
  return { ok: false, reason: 'unsupported_format' };
}

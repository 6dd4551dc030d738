import type * as TfTypes from '@tensorflow/tfjs';
import type { TNetInput } from '@vladmandic/face-api/dist/face-api.node-wasm';
import { decodeImage, type RgbImage, type UnreadableReason } from './decode-image';
import { loadFaceModel, tfjs } from './face-model';
import { faceThumbnail } from './face-thumbnail';

/**
 * Default maximum descriptor distance for "same person". On the five reference photos the
 * same person measured 0.464 and different people 0.642–0.825 (face-api 1.7.15, wasm). The
 * library's own default of 0.6 has been seen to let different people through on group
 * photos, too lenient for an identity check, so 0.5 keeps a margin on both sides.
 */
export const DEFAULT_FACE_MATCH_THRESHOLD = 0.5;
/**
 * Maximum side, in pixels, fed to the detector. Larger images are scaled down for speed.
 * NOTE: small faces can go undetected. A whole 115 px photo placed beside a 512 px photo was
 * not found, so a small second face in the background does not always yield `multiple_faces`.
 */
export const DEFAULT_MAX_INPUT_SIDE_PX = 640;
/** Minimum SSD MobileNet v1 detection score counted as a face (the library default). */
export const DEFAULT_MIN_FACE_CONFIDENCE = 0.5;

export interface FaceApiMatcherOptions {
  threshold?: number;
  maxInputSidePx?: number;
  minFaceConfidence?: number;
}

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Faces found in an image. Descriptor, landmarks and box are set only for exactly one face. */
export interface FaceDescription {
  readable: true;
  faces: number;
  /** 128-d embedding from the recognition net. */
  descriptor?: Float32Array;
  /** 68 landmark points, in pixels of the original image. */
  landmarks?: Array<{ x: number; y: number }>;
  /** Face box, in pixels of the original image. */
  box?: FaceBox;
  /** Grey thumbnail of the face box, for spotting copied or mirrored frames. */
  thumbnail?: Float32Array;
}

export type DescribeResult = FaceDescription | { readable: false; reason: UnreadableReason };

/** Anything that turns image bytes into a face description: a matcher or a worker pool. */
export interface FaceDescriber {
  describe(imageBytes: Uint8Array): Promise<DescribeResult>;
}

/** Face detector and descriptor comparison on `@vladmandic/face-api` with the wasm backend. */
export class FaceApiMatcher implements FaceDescriber {
  readonly threshold: number;
  private readonly maxInputSidePx: number;
  private readonly minFaceConfidence: number;

  constructor(options: FaceApiMatcherOptions = {}) {
    this.threshold = options.threshold ?? DEFAULT_FACE_MATCH_THRESHOLD;
    this.maxInputSidePx = options.maxInputSidePx ?? DEFAULT_MAX_INPUT_SIDE_PX;
    this.minFaceConfidence = options.minFaceConfidence ?? DEFAULT_MIN_FACE_CONFIDENCE;
    if (!(this.threshold > 0 && this.threshold < 2)) {
      throw new RangeError(`face match threshold must be in (0, 2), got ${this.threshold}`);
    }
  }

  /** Decodes a JPEG or PNG, then detects faces and describes the face when there is one. */
  async describe(imageBytes: Uint8Array): Promise<DescribeResult> {
    const decoded = decodeImage(imageBytes);
    if (!decoded.ok) return { readable: false, reason: decoded.reason };
    return this.describeRgb(decoded.image);
  }

  /** Detects and describes faces in an already decoded image. */
  async describeRgb(image: RgbImage): Promise<FaceDescription> {
    const faceapi = await loadFaceModel();
    const scale = Math.min(1, this.maxInputSidePx / Math.max(image.width, image.height));
    const tf = tfjs();
    const input = tf.tidy(() => {
      const pixels = tf.tensor3d(image.rgb, [image.height, image.width, 3], 'int32');
      if (scale === 1) return pixels;
      const size: [number, number] = [
        Math.round(image.height * scale),
        Math.round(image.width * scale),
      ];
      return tf.image.resizeBilinear(pixels, size).round().toInt() as TfTypes.Tensor3D;
    });

    try {
      const options = new faceapi.SsdMobilenetv1Options({ minConfidence: this.minFaceConfidence });
      const faces = await faceapi
        .detectAllFaces(input as unknown as TNetInput, options)
        .withFaceLandmarks()
        .withFaceDescriptors();
      if (faces.length !== 1) return { readable: true, faces: faces.length };

      const [face] = faces;
      const detected = face.detection.box;
      const box = {
        x: detected.x / scale,
        y: detected.y / scale,
        width: detected.width / scale,
        height: detected.height / scale,
      };
      const landmarks = face.landmarks.positions.map((point) => ({
        x: point.x / scale,
        y: point.y / scale,
      }));
      return {
        readable: true,
        faces: 1,
        descriptor: face.descriptor,
        landmarks,
        box,
        thumbnail: faceThumbnail(image, landmarks),
      };
    } finally {
      input.dispose();
    }
  }

  /** Returns the euclidean distance between two descriptors. Lower is more alike. */
  compare(a: Float32Array, b: Float32Array): number {
    if (a.length !== b.length) {
      throw new RangeError(`descriptor lengths differ: ${a.length} and ${b.length}`);
    }
    let sumOfSquares = 0;
    for (let i = 0; i < a.length; i++) sumOfSquares += (a[i] - b[i]) ** 2;
    return Math.sqrt(sumOfSquares);
  }

  /** Checks whether a distance is within the same-person threshold. */
  isMatch(distance: number): boolean {
    return distance <= this.threshold;
  }
}

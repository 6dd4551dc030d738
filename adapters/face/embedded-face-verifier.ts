import { promises as fs } from 'fs';
import type {
  FaceComparison,
  FaceComparisonRequest,
  FaceVerifier,
  LivenessDecision,
  LivenessRequest,
  LivenessVerifier,
} from '../ports/face';
import { loadSandboxRegistry, type SandboxRegistry } from '../identity/sandbox-registry';
import { FaceApiMatcher, type FaceDescriber } from './face-api-matcher';
import { FACE_MODEL_VERSION } from './face-model';
import type { FaceWorkerPool } from './face-worker-pool';
import {
  findMirroredTurn,
  findMissingAction,
  findOtherPerson,
  measureFrames,
  neutralDescriptor,
  requireOneFaceEach,
} from './liveness-decision';

export interface EmbeddedFaceVerifierOptions {
  /** Supplies the threshold and the distance, and describes images unless `describer` is set. */
  matcher?: FaceApiMatcher;
  /** Describes selfies and photos on file, e.g. a {@link FaceWorkerPool}. */
  describer?: FaceDescriber;
  registry?: SandboxRegistry;
}

/**
 * Face check on this machine: the selfie against the sandbox registry's photo on file for
 * the ID number, compared by descriptor distance. Stands in for FaceID `ImageRecognitionV2`.
 */
export class EmbeddedFaceVerifier implements FaceVerifier, LivenessVerifier {
  /** Descriptor of each photo on file by path, cached because a photo on file does not change. */
  private readonly photoDescriptors = new Map<string, Promise<Float32Array>>();

  private readonly matcher: FaceApiMatcher;
  private readonly describer: FaceDescriber;
  private readonly registry: SandboxRegistry;

  constructor(options: EmbeddedFaceVerifierOptions = {}) {
    this.matcher = options.matcher ?? new FaceApiMatcher();
    this.describer = options.describer ?? this.matcher;
    this.registry = options.registry ?? loadSandboxRegistry();
  }

  /** Compares the selfie with the photo on file. Expected failures are outcomes, not errors. */
  async compare(request: FaceComparisonRequest): Promise<FaceComparison> {
    const modelVersion = FACE_MODEL_VERSION;
    const photoPath = this.registry.photoPath(request.idNumber);
    if (!photoPath) return { outcome: 'no_photo_on_file', modelVersion };

    const selfie = await this.describer.describe(request.selfie);
    if (!selfie.readable) {
      return { outcome: 'unreadable_image', modelVersion, reason: selfie.reason };
    }
    if (selfie.faces === 0 || !selfie.descriptor) {
      return { outcome: selfie.faces > 1 ? 'multiple_faces' : 'no_face', modelVersion };
    }

    const onFile = await this.photoDescriptor(photoPath);
    const distance = this.matcher.compare(selfie.descriptor, onFile);
    return {
      outcome: this.matcher.isMatch(distance) ? 'match' : 'no_match',
      distance,
      threshold: this.matcher.threshold,
      modelVersion,
    };
  }

  /**
   * Checks challenge frames, then matches their neutral frames with the photo on file. The
   * checks run in this order and the first failure decides: every frame readable with one
   * face, every frame the same person as the first neutral frame, no turn frame a mirror
   * image of another frame, every action shown, and the match. All frames are described
   * at once, so a worker pool spreads them over its threads.
   */
  async verifyLiveness(request: LivenessRequest): Promise<LivenessDecision> {
    const modelVersion = FACE_MODEL_VERSION;
    if (!request.frames.some((frame) => !frame.action)) {
      throw new RangeError('liveness frames must include at least one neutral frame');
    }
    const photoPath = this.registry.photoPath(request.idNumber);
    if (!photoPath) return { outcome: 'no_photo_on_file', modelVersion, frames: [] };

    const descriptions = await Promise.all(
      request.frames.map((frame) => this.describer.describe(frame.image)),
    );
    const unreadable = descriptions.findIndex((description) => !description.readable);
    if (unreadable >= 0) {
      return { outcome: 'unreadable_image', frameIndex: unreadable, modelVersion, frames: [] };
    }
    const described = requireOneFaceEach(
      descriptions.filter((description) => description.readable),
      request.frames.map((frame) => frame.action),
    );
    if (!Array.isArray(described)) return { ...described, modelVersion, frames: [] };

    const frames = measureFrames(described);
    const failure =
      findOtherPerson(frames) ?? findMirroredTurn(described) ?? findMissingAction(frames);
    if (failure) return { ...failure, modelVersion, frames };

    const distance = this.matcher.compare(neutralDescriptor(described), await this.photoDescriptor(photoPath));
    const outcome = this.matcher.isMatch(distance) ? 'match' : 'no_match';
    return { outcome, distance, threshold: this.matcher.threshold, modelVersion, frames };
  }

  private photoDescriptor(photoPath: string): Promise<Float32Array> {
    let descriptor = this.photoDescriptors.get(photoPath);
    if (!descriptor) {
      descriptor = this.describePhotoOnFile(photoPath);
      // A failed read is not cached, so a fixed file is picked up on the next request.
      descriptor.catch(() => this.photoDescriptors.delete(photoPath));
      this.photoDescriptors.set(photoPath, descriptor);
    }
    return descriptor;
  }

  /** Throws when the photo on file is missing or lacks exactly one face: a registry fault. */
  private async describePhotoOnFile(photoPath: string): Promise<Float32Array> {
    const description = await this.describer.describe(await fs.readFile(photoPath));
    if (!description.readable) {
      throw new Error(`photo on file ${photoPath} is unreadable (${description.reason})`);
    }
    if (!description.descriptor) {
      throw new Error(`photo on file ${photoPath} must show one face, found ${description.faces}`);
    }
    return description.descriptor;
  }
}

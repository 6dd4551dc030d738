import { promises as fs } from 'fs';
import type { FaceComparison, FaceComparisonRequest, FaceVerifier } from '../ports/face';
import { loadSandboxRegistry, type SandboxRegistry } from '../identity/sandbox-registry';
import { FaceApiMatcher, type FaceDescriber } from './face-api-matcher';
import { FACE_MODEL_VERSION } from './face-model';
import type { FaceWorkerPool } from './face-worker-pool';

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
export class EmbeddedFaceVerifier implements FaceVerifier {
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

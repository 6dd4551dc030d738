import type { FaceComparison, FaceComparisonRequest, FaceVerifier } from '../ports/face';
import { FACEID_SAME_PERSON_SIM, IMAGE_RECOGNITION_RESULTS } from './faceid-result-codes';
import { tencentErrorCode, type FaceIdApi } from './faceid-client';
import { mapApiError, mapCode } from './provider-codes';

/** Names the service behind stored decisions, as the embedded matcher names its model. */
export const FACEID_MODEL_VERSION = 'tencentcloud-faceid-v20180301/ImageRecognitionV2';

/** Builds the `ImageRecognitionV2` request: the selfie in standard padded base64. */
export function imageRecognitionRequest(request: FaceComparisonRequest) {
  return {
    IdCard: request.idNumber.trim().toUpperCase(),
    Name: request.name.trim(),
    ImageBase64: Buffer.from(request.selfie).toString('base64'),
  };
}

/**
 * Maps an `ImageRecognitionV2` response. `distance` is `(100 - Sim) / 100` so that, as with the
 * embedded matcher, lower is more alike; the threshold is FaceID's fixed Sim of 70.
 */
export function mapImageRecognition(response: { Result?: string; Sim?: number }): FaceComparison {
  const modelVersion = FACEID_MODEL_VERSION;
  const mapped = mapCode(IMAGE_RECOGNITION_RESULTS, response.Result ?? '');
  const threshold = (100 - FACEID_SAME_PERSON_SIM) / 100;
  switch (mapped.code) {
    case 'MATCH':
    case 'FACE_NOT_MATCHED': {
      const distance = (100 - (response.Sim ?? 0)) / 100;
      const same = mapped.code === 'MATCH' && (response.Sim ?? 0) >= FACEID_SAME_PERSON_SIM;
      return { outcome: same ? 'match' : 'no_match', distance, threshold, modelVersion };
    }
    case 'FACE_NOT_FOUND':
      return { outcome: 'no_face', modelVersion };
    case 'IMAGE_INVALID':
      return { outcome: 'unreadable_image', modelVersion, reason: 'corrupt' };
    case 'NO_RECORD':
    case 'MISMATCH':
      return { outcome: 'no_photo_on_file', modelVersion };
    default:
      throw new Error(`FaceID ImageRecognitionV2 failed: ${mapped.code} (${mapped.providerCode})`);
  }
}

/** Selfie against the registry photo with FaceID `ImageRecognitionV2`. No liveness. */
export class TencentFaceVerifier implements FaceVerifier {
  constructor(private readonly client: FaceIdApi) {}

  async compare(request: FaceComparisonRequest): Promise<FaceComparison> {
    let response;
    try {
      response = await this.client.ImageRecognitionV2(imageRecognitionRequest(request));
    } catch (error) {
      const providerCode = tencentErrorCode(error);
      if (!providerCode) throw error;
      // FaceID also reports comparison failures as API errors with these codes.
      if (providerCode in IMAGE_RECOGNITION_RESULTS) return mapImageRecognition({ Result: providerCode });
      throw new Error(`FaceID ImageRecognitionV2 failed: ${mapApiError(providerCode).code} (${providerCode})`);
    }
    return mapImageRecognition(response);
  }
}

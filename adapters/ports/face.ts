/**
 * Selfie against the photo on file for an ID number. Production compares with the national
 * registry (FaceID `ImageRecognitionV2`); the embedded adapter matches against the sandbox
 * registry's photo with an on-device model.
 */
export interface FaceComparisonRequest {
  idNumber: string;
  name: string;
  selfie: Uint8Array;
}

export type FaceComparison =
  | {
      outcome: 'match' | 'no_match';
      /** Euclidean descriptor distance; lower is more alike. */
      distance: number;
      threshold: number;
      modelVersion: string;
    }
  | {
      outcome: 'no_face' | 'multiple_faces' | 'no_photo_on_file' | 'unreadable_image';
      modelVersion: string;
      /** Set with `unreadable_image`: the file is too large, not JPEG/PNG, or damaged. */
      reason?: 'too_large' | 'unsupported_format' | 'corrupt';
    };

export interface FaceVerifier {
  compare(request: FaceComparisonRequest): Promise<FaceComparison>;
}

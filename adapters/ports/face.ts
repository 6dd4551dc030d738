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

/** A movement the borrower is asked to make in front of the camera. */
export type LivenessAction = 'turn_left' | 'turn_right' | 'blink' | 'open_mouth';

/**
 * One captured frame. `action` names the challenge action the frame shows; a frame without
 * one is a neutral frame (facing the camera, eyes open, mouth closed). Frames are in
 * camera orientation, not mirrored like a selfie preview: for `turn_left` (the borrower's
 * own left) the nose moves toward the right edge of the image.
 */
export interface LivenessFrame {
  action?: LivenessAction;
  image: Uint8Array;
}

export interface LivenessRequest {
  idNumber: string;
  name: string;
  /** The challenge's actions, in the order they were asked for. */
  actions: LivenessAction[];
  frames: LivenessFrame[];
}

/** Face measurements of one frame, kept with the decision instead of the image. */
export interface FrameMeasurement {
  action?: LivenessAction;
  /** Nose offset from the face's midline, -1 (borrower's right) to 1 (borrower's left). */
  yaw: number;
  /** Mean eye aspect ratio of both eyes; about 0.3 open, under 0.2 closed. */
  eyeAspectRatio: number;
  /** Inner-lip gap over mouth width; near 0 closed. */
  mouthAspectRatio: number;
  /** Descriptor distance to the first frame. */
  distanceToFirstFrame: number;
}

export type LivenessOutcome =
  | 'match'
  | 'no_match'
  | 'no_face'
  | 'multiple_faces'
  | 'unreadable_image'
  | 'no_photo_on_file'
  | 'different_people'
  | 'mirrored_frame'
  | 'action_not_performed';

export interface LivenessDecision {
  outcome: LivenessOutcome;
  modelVersion: string;
  /** Distance between the frames' mean descriptor and the photo on file. */
  distance?: number;
  threshold?: number;
  /** 0-based index of the frame that failed a check, when one did. */
  frameIndex?: number;
  /** The action that was not seen, with `action_not_performed`. */
  failedAction?: LivenessAction;
  /** One entry a frame for every frame that was measured. */
  frames: FrameMeasurement[];
}

/** Challenge-and-response liveness plus the match against the photo on file. */
export interface LivenessVerifier {
  verifyLiveness(request: LivenessRequest): Promise<LivenessDecision>;
}

/**
 * A face check run by the platform's own client flow (FaceID `DetectAuth` with the
 * `verify_mpsdk` plug-in, or WeChat `wx.requestFacialVerify`): the server starts a session,
 * the mini-program runs liveness and the comparison, and the server fetches the result.
 */
export interface HostedFaceStart {
  openId: string;
  idNumber: string;
  name: string;
  /** Our id for this check, sent to the provider and used again to fetch the result. */
  sequenceNo: string;
}

export interface HostedFaceSession {
  /** `BizToken` or `verify_id`, handed to the mini-program. */
  token: string;
  expiresInSeconds: number;
}

/** Stable outcome of a hosted check, whichever provider ran it. */
export type HostedFaceOutcome =
  | 'match'
  | 'no_match'
  | 'liveness_failed'
  | 'cancelled'
  | 'expired'
  | 'invalid_input'
  | 'no_record'
  | 'rate_limited'
  | 'unavailable';

export interface HostedFaceResult {
  outcome: HostedFaceOutcome;
  /** Message for the borrower, in Chinese. */
  message: string;
  /** The provider's own result code, kept for support and audits. */
  providerCode: string;
  /** Provider similarity 0-100, where given. */
  similarity?: number;
}

export interface HostedFaceVerifier {
  start(request: HostedFaceStart): Promise<HostedFaceSession>;
  result(request: HostedFaceStart & { token: string }): Promise<HostedFaceResult>;
}

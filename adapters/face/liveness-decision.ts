import type { FrameMeasurement, LivenessAction, LivenessDecision } from '../ports/face';
import type { FaceDescription } from './face-api-matcher';
import { mirrorThumbnail, thumbnailCorrelation } from './face-thumbnail';
import { meanEyeAspectRatio, mouthAspectRatio, yawProxy, type Point } from './landmark-metrics';
import { LIVENESS_RULES } from './liveness-rules';

/** A frame with exactly one face, described. */
export interface DescribedFrame {
  action?: LivenessAction;
  descriptor: Float32Array;
  landmarks: Point[];
  thumbnail: Float32Array;
}

type Failure = Omit<LivenessDecision, 'modelVersion' | 'frames'>;

function euclidean(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return Math.sqrt(sum);
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Measures every frame; `distanceToFirstFrame` is against the first neutral frame. */
export function measureFrames(frames: DescribedFrame[]): FrameMeasurement[] {
  const anchor = frames.find((frame) => !frame.action) ?? frames[0];
  return frames.map((frame) => ({
    action: frame.action,
    yaw: yawProxy(frame.landmarks),
    eyeAspectRatio: meanEyeAspectRatio(frame.landmarks),
    mouthAspectRatio: mouthAspectRatio(frame.landmarks),
    distanceToFirstFrame: euclidean(frame.descriptor, anchor.descriptor),
  }));
}

/** Finds a frame whose face is another person than the neutral frame's. */
export function findOtherPerson(measurements: FrameMeasurement[]): Failure | undefined {
  const index = measurements.findIndex(
    (frame) => frame.distanceToFirstFrame > LIVENESS_RULES.maxDistanceToNeutral,
  );
  return index >= 0 ? { outcome: 'different_people', frameIndex: index } : undefined;
}

/**
 * Finds a head-turn frame that is the mirror image of another frame: flipping a left turn
 * is the cheapest way to fake a right turn from one photo. Only turn frames are tested,
 * because a frontal face resembles its own mirror image.
 */
export function findMirroredTurn(frames: DescribedFrame[]): Failure | undefined {
  for (let j = 0; j < frames.length; j++) {
    if (frames[j].action !== 'turn_left' && frames[j].action !== 'turn_right') continue;
    const mirrored = mirrorThumbnail(frames[j].thumbnail);
    for (let i = 0; i < frames.length; i++) {
      if (i === j) continue;
      const mirrorCorrelation = thumbnailCorrelation(frames[i].thumbnail, mirrored);
      const directCorrelation = thumbnailCorrelation(frames[i].thumbnail, frames[j].thumbnail);
      if (mirrorCorrelation >= LIVENESS_RULES.minMirrorCorrelation && mirrorCorrelation > directCorrelation) {
        // The later of the two frames is the copy that was made.
        return { outcome: 'mirrored_frame', frameIndex: Math.max(i, j) };
      }
    }
  }
  return undefined;
}

/** Checks whether one frame shows its action, measured against the neutral frames' means. */
export function showsAction(frame: FrameMeasurement, neutral: FrameMeasurement[]): boolean {
  const yawChange = frame.yaw - mean(neutral.map((item) => item.yaw));
  const neutralEyes = mean(neutral.map((item) => item.eyeAspectRatio));
  const neutralMouth = mean(neutral.map((item) => item.mouthAspectRatio));
  switch (frame.action) {
    case 'turn_left':
      return yawChange >= LIVENESS_RULES.minTurnYawChange;
    case 'turn_right':
      return yawChange <= -LIVENESS_RULES.minTurnYawChange;
    case 'blink':
      return (
        frame.eyeAspectRatio <= LIVENESS_RULES.maxClosedEyeAspectRatio &&
        frame.eyeAspectRatio <= neutralEyes * LIVENESS_RULES.maxBlinkEyeRatioToNeutral
      );
    case 'open_mouth':
      return (
        frame.mouthAspectRatio >= LIVENESS_RULES.minOpenMouthAspectRatio &&
        frame.mouthAspectRatio - neutralMouth >= LIVENESS_RULES.minMouthOpening
      );
    default:
      return true;
  }
}

/** Finds the first action frame that does not show its action. */
export function findMissingAction(measurements: FrameMeasurement[]): Failure | undefined {
  const neutral = measurements.filter((frame) => !frame.action);
  const index = measurements.findIndex((frame) => frame.action && !showsAction(frame, neutral));
  if (index < 0) return undefined;
  return { outcome: 'action_not_performed', frameIndex: index, failedAction: measurements[index].action };
}

/** Returns the frames with exactly one face, or the first frame's failure. */
export function requireOneFaceEach(
  descriptions: FaceDescription[],
  actions: (LivenessAction | undefined)[],
): DescribedFrame[] | Failure {
  const frames: DescribedFrame[] = [];
  for (let index = 0; index < descriptions.length; index++) {
    const description = descriptions[index];
    if (description.faces === 0) return { outcome: 'no_face', frameIndex: index };
    if (description.faces > 1) return { outcome: 'multiple_faces', frameIndex: index };
    const { descriptor, landmarks, thumbnail } = description;
    if (!descriptor || !landmarks || !thumbnail) return { outcome: 'no_face', frameIndex: index };
    frames.push({ action: actions[index], descriptor, landmarks, thumbnail });
  }
  return frames;
}

/** Returns the mean descriptor of the neutral frames, the face compared with the photo on file. */
export function neutralDescriptor(frames: DescribedFrame[]): Float32Array {
  const neutral = frames.filter((frame) => !frame.action);
  const sum = new Float32Array(neutral[0].descriptor.length);
  for (const frame of neutral) frame.descriptor.forEach((value, i) => (sum[i] += value));
  return sum.map((value) => value / neutral.length);
}

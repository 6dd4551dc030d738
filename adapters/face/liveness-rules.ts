import type { LivenessAction } from '../ports/face';

/**
 * Thresholds of the embedded liveness check, on the measurements of `landmark-metrics.ts`.
 * NOTE: set from the five reference photos and warped copies of them (see docs/identity.md),
 * not from filmed head turns, blinks or open mouths; recalibrate on real captures.
 */
export const LIVENESS_RULES = {
  minFrames: 3,
  maxFrames: 6,
  /** Minimum yaw change from the neutral frames for a head turn. */
  minTurnYawChange: 0.25,
  /** Eye aspect ratio at or under which the eyes count as closed. */
  maxClosedEyeAspectRatio: 0.2,
  /** A blink must also bring the eye aspect ratio to at most this share of the neutral one. */
  maxBlinkEyeRatioToNeutral: 0.75,
  /** Mouth aspect ratio at or above which the mouth counts as open. */
  minOpenMouthAspectRatio: 0.3,
  /** An open mouth must also exceed the neutral mouth aspect ratio by this much. */
  minMouthOpening: 0.2,
  /**
   * Largest descriptor distance from the neutral frame for a frame of the same person.
   * Warped turns of one person measured up to 0.56; different people measured 0.64-0.83.
   */
  maxDistanceToNeutral: 0.6,
  /**
   * Correlation of eye-aligned thumbnails at or above which one frame is taken as the
   * mirror image of another. Mirrored copies measured 0.90-1.00, other frame pairs at most
   * 0.77.
   */
  minMirrorCorrelation: 0.85,
} as const;

/** Every action a challenge can ask for. */
export const LIVENESS_ACTIONS: readonly LivenessAction[] = ['turn_left', 'turn_right', 'blink', 'open_mouth'];

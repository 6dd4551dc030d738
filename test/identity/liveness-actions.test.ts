import { beforeAll, describe, expect, it } from 'vitest';
import type { FrameMeasurement } from '../../adapters/ports/face';
import { meanEyeAspectRatio, mouthAspectRatio, yawProxy, type Point } from '../../adapters/face/landmark-metrics';
import { showsAction } from '../../adapters/face/liveness-decision';
import { pickActions } from '../../services/face/face-challenge';
import { framesOf } from './liveness-frames';

/**
 * Blinks and open mouths cannot be made from the still photos, so these tests move the
 * lid and lip landmarks of a real detection and check the measurements and the rules.
 */
let landmarks: Point[];

function measure(points: Point[], action?: FrameMeasurement['action']): FrameMeasurement {
  return {
    action,
    yaw: yawProxy(points),
    eyeAspectRatio: meanEyeAspectRatio(points),
    mouthAspectRatio: mouthAspectRatio(points),
    distanceToFirstFrame: 0,
  };
}

/** Moves the upper and lower lid points of both eyes toward each eye's corner line. */
function closeEyes(points: Point[], openShare: number): Point[] {
  const moved = points.map((point) => ({ ...point }));
  for (const [corner1, upper1, upper2, corner2, lower1, lower2] of [[36, 37, 38, 39, 40, 41], [42, 43, 44, 45, 46, 47]]) {
    const midY = (points[corner1].y + points[corner2].y) / 2;
    for (const index of [upper1, upper2, lower1, lower2]) moved[index].y = midY + (points[index].y - midY) * openShare;
  }
  return moved;
}

/** Lowers the lower inner-lip points by a share of the mouth width. */
function openMouth(points: Point[], share: number): Point[] {
  const moved = points.map((point) => ({ ...point }));
  const width = Math.abs(points[64].x - points[60].x);
  for (const index of [65, 66, 67]) moved[index].y = points[index].y + width * share;
  return moved;
}

beforeAll(async () => {
  landmarks = (await framesOf('Paul2.jpeg')).landmarks;
});

describe('liveness action rules', () => {
  it('measures open eyes and a closed mouth on a real face', () => {
    const neutral = measure(landmarks);
    expect(neutral.eyeAspectRatio).toBeGreaterThan(0.25);
    expect(neutral.mouthAspectRatio).toBeLessThan(0.1);
  });

  it('sees a blink when the lids close', () => {
    const neutral = [measure(landmarks)];
    expect(showsAction(measure(closeEyes(landmarks, 0.2), 'blink'), neutral)).toBe(true);
    expect(showsAction(measure(landmarks, 'blink'), neutral)).toBe(false);
    expect(showsAction(measure(closeEyes(landmarks, 0.85), 'blink'), neutral)).toBe(false);
  });

  it('sees an open mouth', () => {
    const neutral = [measure(landmarks)];
    expect(showsAction(measure(openMouth(landmarks, 0.5), 'open_mouth'), neutral)).toBe(true);
    expect(showsAction(measure(landmarks, 'open_mouth'), neutral)).toBe(false);
    expect(showsAction(measure(openMouth(landmarks, 0.1), 'open_mouth'), neutral)).toBe(false);
  });

  it('reads turns relative to the neutral yaw', () => {
    const neutral = [{ ...measure(landmarks), yaw: -0.2 }];
    expect(showsAction({ ...measure(landmarks, 'turn_left'), yaw: 0.1 }, neutral)).toBe(true);
    expect(showsAction({ ...measure(landmarks, 'turn_left'), yaw: 0.0 }, neutral)).toBe(false);
    expect(showsAction({ ...measure(landmarks, 'turn_right'), yaw: -0.5 }, neutral)).toBe(true);
    expect(showsAction({ ...measure(landmarks, 'turn_right'), yaw: 0.1 }, neutral)).toBe(false);
  });

  it('ignores roll when reading yaw', () => {
    const angle = 0.3;
    const rotated = landmarks.map(({ x, y }) => ({
      x: x * Math.cos(angle) - y * Math.sin(angle),
      y: x * Math.sin(angle) + y * Math.cos(angle),
    }));
    expect(yawProxy(rotated)).toBeCloseTo(yawProxy(landmarks), 10);
  });

  it('picks 2 or 3 distinct actions', () => {
    const sequence = [0, 0, 0];
    const actions = pickActions(() => sequence.shift()!);
    expect(actions).toEqual(['turn_left', 'turn_right']);
    for (let round = 0; round < 50; round++) {
      const picked = pickActions();
      expect(new Set(picked).size).toBe(picked.length);
      expect(picked.length === 2 || picked.length === 3).toBe(true);
    }
  });
});

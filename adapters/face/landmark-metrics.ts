/**
 * Measurements on the 68-point landmark layout of iBUG 300-W, which face-api's
 * `faceLandmark68Net` outputs: jaw 0-16, nose tip 30, eyes 36-41 and 42-47 (corner, two
 * upper lid points, corner, two lower lid points), inner lips 60-67.
 */
export interface Point {
  x: number;
  y: number;
}

export const LANDMARK_COUNT = 68;
const JAW_FIRST = 0;
const JAW_LAST = 16;
const NOSE_TIP = 30;
const EYE_IMAGE_LEFT = [36, 37, 38, 39, 40, 41];
const EYE_IMAGE_RIGHT = [42, 43, 44, 45, 46, 47];
const INNER_LIP_CORNERS = [60, 64];
/** Upper and lower inner-lip points facing each other. */
const INNER_LIP_PAIRS: [number, number][] = [[61, 67], [62, 66], [63, 65]];

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function assertLayout(landmarks: readonly Point[]): void {
  if (landmarks.length !== LANDMARK_COUNT) {
    throw new RangeError(`expected ${LANDMARK_COUNT} landmarks, got ${landmarks.length}`);
  }
}

/**
 * Returns the eye aspect ratio of Soukupová and Čech (2016): the two lid-to-lid distances
 * over twice the corner-to-corner width. It falls toward 0 as the eye closes.
 */
export function eyeAspectRatio(landmarks: readonly Point[], eye: readonly number[]): number {
  const [p1, p2, p3, p4, p5, p6] = eye.map((index) => landmarks[index]);
  return (distance(p2, p6) + distance(p3, p5)) / (2 * distance(p1, p4));
}

/** Returns the mean eye aspect ratio of both eyes. */
export function meanEyeAspectRatio(landmarks: readonly Point[]): number {
  assertLayout(landmarks);
  return (eyeAspectRatio(landmarks, EYE_IMAGE_LEFT) + eyeAspectRatio(landmarks, EYE_IMAGE_RIGHT)) / 2;
}

/** Returns the mean inner-lip gap over the inner mouth width; about 0 with lips together. */
export function mouthAspectRatio(landmarks: readonly Point[]): number {
  assertLayout(landmarks);
  const gaps = INNER_LIP_PAIRS.map(([upper, lower]) => distance(landmarks[upper], landmarks[lower]));
  const width = distance(landmarks[INNER_LIP_CORNERS[0]], landmarks[INNER_LIP_CORNERS[1]]);
  return gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length / width;
}

/**
 * Returns a yaw proxy from -1 to 1: where the nose tip falls along the line between the
 * two ends of the jaw outline, 0 at the middle. It rises as the nose moves toward the
 * image's right edge, which in an unmirrored camera frame is the borrower turning to their
 * own left. Projecting on the jaw line keeps a tilted (rolled) head from reading as a turn.
 */
export function yawProxy(landmarks: readonly Point[]): number {
  assertLayout(landmarks);
  const start = landmarks[JAW_FIRST];
  const end = landmarks[JAW_LAST];
  const nose = landmarks[NOSE_TIP];
  const axis = { x: end.x - start.x, y: end.y - start.y };
  const lengthSquared = axis.x * axis.x + axis.y * axis.y;
  const along = ((nose.x - start.x) * axis.x + (nose.y - start.y) * axis.y) / lengthSquared;
  return 2 * along - 1;
}

import type { LivenessFrame } from '../../adapters/ports/face';
import { LIVENESS_RULES } from '../../adapters/face/liveness-rules';
import type { LivenessAction, LivenessFrameInput } from '../../core/api';
import { LoanError } from '../../core/errors';

/** Largest liveness frame accepted, decoded; six frames stay under the 6 MB request limit. */
export const MAX_FRAME_BYTES = 700 * 1024;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Decodes base64 image bytes, rejecting text that is not base64 or decodes too large. */
export function decodeImageBase64(text: string, field: string, maxBytes: number): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact) || compact.length % 4 !== 0) {
    throw new LoanError(
      'INVALID_INPUT',
      `${field} is not valid base64: send the JPEG or PNG bytes base64-encoded, without a data: prefix.`,
      field,
    );
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > maxBytes) {
    const limit = maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`;
    throw new LoanError('INVALID_INPUT', `照片过大（超过${limit}），请重新拍摄。`, field, { maxBytes });
  }
  return bytes;
}

/** Collapses runs of one action, so two frames of the same turn count as one step. */
function actionSteps(frames: LivenessFrameInput[]): LivenessAction[] {
  const steps: LivenessAction[] = [];
  for (const frame of frames) {
    if (frame.action && steps[steps.length - 1] !== frame.action) steps.push(frame.action);
  }
  return steps;
}

/**
 * Checks the frames against the challenge: 3 to 6 frames, at least one neutral, and the
 * action frames showing exactly the challenge's actions in its order. Throws INVALID_INPUT
 * naming the rule, because the client built the request wrongly.
 */
export function assertFramesFitChallenge(actions: LivenessAction[], frames: LivenessFrameInput[]): void {
  const { minFrames, maxFrames } = LIVENESS_RULES;
  if (frames.length < Math.max(minFrames, actions.length + 1) || frames.length > maxFrames) {
    throw new LoanError(
      'INVALID_INPUT',
      `frames must hold ${Math.max(minFrames, actions.length + 1)} to ${maxFrames} frames for this challenge, got ${frames.length}.`,
      'frames',
    );
  }
  if (!frames.some((frame) => !frame.action)) {
    throw new LoanError('INVALID_INPUT', 'frames must include a neutral frame (no action) facing the camera.', 'frames');
  }
  const steps = actionSteps(frames);
  if (steps.join(',') !== actions.join(',')) {
    throw new LoanError(
      'INVALID_INPUT',
      `frame actions must follow the challenge order ${actions.join(', ')}; got ${steps.join(', ') || 'none'}.`,
      'frames',
      { expectedActions: actions },
    );
  }
}

/** Decodes every frame; the bytes live only in memory for the length of the request. */
export function decodeFrames(frames: LivenessFrameInput[]): LivenessFrame[] {
  return frames.map((frame, index) => ({
    action: frame.action,
    image: decodeImageBase64(frame.imageBase64, `frames.${index}.imageBase64`, MAX_FRAME_BYTES),
  }));
}

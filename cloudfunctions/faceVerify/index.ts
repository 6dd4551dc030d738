import { z } from 'zod';
import type { FaceChallenge, FaceVerifyResult, LivenessAction } from '../../core/api';
import { defineFunction } from '../../services/platform/handler';
import { verifyFace } from '../../services/face/verify-face';
import { verifyLiveness } from '../../services/face/verify-liveness';
import { issueChallenge } from '../../services/face/face-challenge';
import { LIVENESS_ACTIONS, LIVENESS_RULES } from '../../adapters/face/liveness-rules';

// Base64 of a 4 MB image is about 5.6 million characters.
const MAX_SELFIE_BASE64_CHARS = 5_600_000;
// Base64 of a 700 KB frame is about 956,000 characters.
const MAX_FRAME_BASE64_CHARS = 960_000;

const selfieVerify = z.strictObject({
  action: z.literal('verify'),
  selfieBase64: z
    .string({ error: 'selfieBase64 must be the JPEG or PNG bytes as base64 text' })
    .min(100, { error: 'selfieBase64 is too short to be a photo' })
    .max(MAX_SELFIE_BASE64_CHARS, { error: 'selfieBase64 is larger than 4 MB: send a smaller photo' }),
});

const frame = z.strictObject({
  action: z
    .enum(LIVENESS_ACTIONS as [string, ...string[]], {
      error: `frame action must be one of: ${LIVENESS_ACTIONS.join(', ')}; omit it for a neutral frame`,
    })
    .optional(),
  imageBase64: z
    .string({ error: 'imageBase64 must be the JPEG or PNG bytes as base64 text' })
    .min(100, { error: 'imageBase64 is too short to be a photo' })
    .max(MAX_FRAME_BASE64_CHARS, { error: 'imageBase64 is larger than 700 KB: send a smaller frame' }),
});

const livenessVerify = z.strictObject({
  action: z.literal('verify'),
  nonce: z.string({ error: 'nonce must be the nonce of a challenge' }).min(8).max(64),
  frames: z
    .array(frame, { error: 'frames must be a list of frames' })
    .min(LIVENESS_RULES.minFrames, { error: `frames must hold at least ${LIVENESS_RULES.minFrames} frames` })
    .max(LIVENESS_RULES.maxFrames, { error: `frames must hold at most ${LIVENESS_RULES.maxFrames} frames` }),
});

const input = z.union([z.strictObject({ action: z.literal('challenge') }), livenessVerify, selfieVerify], {
  error:
    'send {action:"challenge"}, then {action:"verify", nonce, frames}; ' +
    '{action:"verify", selfieBase64} works only in the sandbox',
});

/**
 * Face verification: a liveness challenge, the challenge's frames against the photo on
 * file, or (sandbox only) one selfie against the photo on file.
 */
export const main = defineFunction({
  name: 'faceVerify',
  caller: 'required',
  input,
  run(request, { caller, services }): Promise<FaceChallenge | FaceVerifyResult> {
    if (request.action === 'challenge') return issueChallenge(services, caller!);
    if ('nonce' in request) {
      return verifyLiveness(services, caller!, {
        nonce: request.nonce,
        frames: request.frames.map((item) => ({
          action: item.action as LivenessAction | undefined,
          imageBase64: item.imageBase64,
        })),
      });
    }
    return verifyFace(services, caller!, request.selfieBase64);
  },
});

import { z } from 'zod';
import { defineFunction } from '../../services/platform/handler';
import { verifyFace } from '../../services/face/verify-face';

// Base64 of a 4 MB image is about 5.6 million characters.
const MAX_SELFIE_BASE64_CHARS = 5_600_000;

const input = z.strictObject({
  action: z.literal('verify', { error: 'action must be "verify"' }),
  selfieBase64: z
    .string({ error: 'selfieBase64 must be the JPEG or PNG bytes as base64 text' })
    .min(100, { error: 'selfieBase64 is too short to be a photo' })
    .max(MAX_SELFIE_BASE64_CHARS, { error: 'selfieBase64 is larger than 4 MB: send a smaller photo' }),
});

/** Face verification: a selfie against the photo on file for the borrower's ID number. */
export const main = defineFunction({
  name: 'faceVerify',
  caller: 'required',
  input,
  run: (request, { caller, services }) => verifyFace(services, caller!, request.selfieBase64),
});

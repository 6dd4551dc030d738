import type { FaceVerifyResult } from '../../core/api';
import { businessDate } from '../../core/dates';
import { LoanError } from '../../core/errors';
import type { Caller } from '../platform/caller';
import type { Services } from '../container';
import { FACE_ATTEMPTS_PER_DAY, requireUser } from '../account/account-status';
import { readPii } from '../privacy/user-pii';
import { consumeFaceAttempt, faceAttemptsUsed } from './face-attempts';
import { recordFaceCheck, wipeImages } from './face-check-record';
import { decodeImageBase64 } from './face-frames';
import { FACE_FAILURE_MESSAGES } from './face-messages';

export { FACE_CHECKS } from './face-check-record';

/** Largest selfie accepted, decoded. */
export const MAX_SELFIE_BYTES = 4 * 1024 * 1024;

/** Decodes a base64 selfie, rejecting text that is not base64 or is too large. */
export function decodeSelfie(selfieBase64: string): Buffer {
  return decodeImageBase64(selfieBase64, 'selfieBase64', MAX_SELFIE_BYTES);
}

/** Below this descriptor distance a selfie is a copy of the photo on file, not a capture. */
export const PHOTO_ON_FILE_COPY_DISTANCE = 0.01;

/**
 * Compares one selfie with the photo on file, without liveness. A printed photo or a photo
 * on a screen passes it, so it runs only with the sandbox tools on (the embedded setup);
 * otherwise the request fails with PRECONDITION_FAILED pointing to the challenge flow. An
 * attempt is counted before the comparison runs, at most 5 a business day. The selfie is
 * never stored: the decision, the distance and the model version are.
 */
export async function verifyFace(services: Services, caller: Caller, selfieBase64: string): Promise<FaceVerifyResult> {
  if (!services.config.sandboxTools) {
    throw new LoanError(
      'PRECONDITION_FAILED',
      'Single-selfie face checks are disabled: request a challenge ({action:"challenge"}) and send its frames.',
      'selfieBase64',
    );
  }
  const selfie = decodeSelfie(selfieBase64);
  const user = await requireUser(services, caller);
  if (user.stage !== 'identity_verified') {
    const today = businessDate(services.clock.now());
    return { passed: true, attemptsLeftToday: FACE_ATTEMPTS_PER_DAY - faceAttemptsUsed(user, today), stage: user.stage };
  }

  const attemptsLeftToday = await consumeFaceAttempt(services, caller.openId);
  const pii = readPii(services, user);
  let comparison;
  try {
    comparison = await services.face.compare({ idNumber: pii?.idNumber ?? '', name: pii?.name ?? '', selfie });
  } finally {
    wipeImages([selfie]);
  }
  // A live capture never matches a stored photo this closely (altered copies of one photo
  // measured 0.024 and up), so this is the photo on file itself, sent back as a selfie.
  const copyOfPhotoOnFile = 'distance' in comparison && comparison.distance < PHOTO_ON_FILE_COPY_DISTANCE;
  const passed = comparison.outcome === 'match' && !copyOfPhotoOnFile;
  await recordFaceCheck(services, {
    openId: caller.openId,
    method: 'selfie',
    // Only a recorded 'match' moves the account on, so a refused copy must not be recorded as one.
    outcome: copyOfPhotoOnFile ? 'photo_on_file_copy' : comparison.outcome,
    distance: 'distance' in comparison ? comparison.distance : null,
    threshold: 'threshold' in comparison ? comparison.threshold : null,
    modelVersion: comparison.modelVersion,
  });

  if (comparison.outcome === 'no_photo_on_file') {
    throw new LoanError('VERIFICATION_FAILED', '未找到该身份证号码的登记照片，无法完成人脸核验。');
  }
  let reason: FaceVerifyResult['reason'];
  let failure = '';
  if (copyOfPhotoOnFile) {
    reason = 'no_match';
    failure = '这张照片与登记照片完全相同，请拍摄本人的实时照片。';
  } else if (!passed) {
    reason = comparison.outcome as Exclude<typeof comparison.outcome, 'match' | 'no_photo_on_file'>;
    failure = FACE_FAILURE_MESSAGES[reason];
  }
  return {
    passed,
    distance: 'distance' in comparison ? comparison.distance : undefined,
    threshold: 'threshold' in comparison ? comparison.threshold : undefined,
    reason,
    message: passed ? '人脸核验通过。' : `${failure}今天还可以再试 ${attemptsLeftToday} 次。`,
    attemptsLeftToday,
    stage: passed ? 'face_verified' : 'identity_verified',
  };
}

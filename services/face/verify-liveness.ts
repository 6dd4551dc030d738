import type { FaceLivenessVerifyRequest, FaceVerifyResult } from '../../core/api';
import { businessDate } from '../../core/dates';
import { LoanError } from '../../core/errors';
import type { Caller } from '../platform/caller';
import type { Services } from '../container';
import { FACE_ATTEMPTS_PER_DAY, requireUser } from '../account/account-status';
import { readPii } from '../privacy/user-pii';
import { consumeFaceAttempt, faceAttemptsUsed } from './face-attempts';
import { useChallenge } from './face-challenge';
import { recordFaceCheck, wipeImages } from './face-check-record';
import { assertFramesFitChallenge, decodeFrames } from './face-frames';
import { faceFailureMessage } from './face-messages';

/**
 * Checks the frames of a liveness challenge and matches them with the photo on file. The
 * nonce is used up first: an unknown, used or expired nonce fails without costing a face
 * attempt, because no face is compared. Then one attempt is counted (5 a business day), the
 * frames are checked, and only the decision, distances and measurements are stored. The
 * decoded frames are overwritten once the decision is made.
 */
export async function verifyLiveness(
  services: Services,
  caller: Caller,
  request: Omit<FaceLivenessVerifyRequest, 'action'>,
): Promise<FaceVerifyResult> {
  if (!services.liveness) {
    throw new LoanError('INTERNAL', '活体检测服务未配置，请稍后再试。');
  }
  const user = await requireUser(services, caller);
  const today = businessDate(services.clock.now());
  if (user.stage !== 'identity_verified') {
    const attemptsLeftToday = FACE_ATTEMPTS_PER_DAY - faceAttemptsUsed(user, today);
    return { passed: true, attemptsLeftToday, stage: user.stage };
  }

  const challenge = await useChallenge(services, caller.openId, request.nonce);
  if (!challenge.ok) {
    return {
      passed: false,
      reason: challenge.reason,
      message: faceFailureMessage(challenge.reason),
      attemptsLeftToday: FACE_ATTEMPTS_PER_DAY - faceAttemptsUsed(user, today),
      stage: user.stage,
    };
  }
  assertFramesFitChallenge(challenge.actions, request.frames);
  const frames = decodeFrames(request.frames);
  const attemptsLeftToday = await consumeFaceAttempt(services, caller.openId);
  const pii = readPii(services, user);

  let decision;
  try {
    decision = await services.liveness.verifyLiveness({
      idNumber: pii?.idNumber ?? '',
      name: pii?.name ?? '',
      actions: challenge.actions,
      frames,
    });
  } finally {
    wipeImages(frames.map((frame) => frame.image));
  }

  await recordFaceCheck(services, {
    openId: caller.openId,
    method: 'liveness',
    outcome: decision.outcome,
    distance: decision.distance ?? null,
    threshold: decision.threshold ?? null,
    modelVersion: decision.modelVersion,
    liveness: {
      actions: challenge.actions,
      frames: decision.frames,
      frameIndex: decision.frameIndex,
      failedAction: decision.failedAction,
    },
  });
  if (decision.outcome === 'no_photo_on_file') {
    throw new LoanError('VERIFICATION_FAILED', '未找到该身份证号码的登记照片，无法完成人脸核验。');
  }
  const outcome = decision.outcome;
  if (outcome === 'match') {
    return {
      passed: true,
      distance: decision.distance,
      threshold: decision.threshold,
      message: '人脸核验通过。',
      attemptsLeftToday,
      stage: 'face_verified',
    };
  }
  return {
    passed: false,
    distance: decision.distance,
    threshold: decision.threshold,
    reason: outcome,
    frameIndex: decision.frameIndex,
    failedAction: decision.failedAction,
    message: `${faceFailureMessage(outcome, decision.failedAction)}今天还可以再试 ${attemptsLeftToday} 次。`,
    attemptsLeftToday,
    stage: 'identity_verified',
  };
}

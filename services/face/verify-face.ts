import { randomUUID } from 'node:crypto';
import type { FaceVerifyResult } from '../../core/api';
import { businessDate } from '../../core/dates';
import { LoanError } from '../../core/errors';
import type { Caller } from '../platform/caller';
import type { Services } from '../container';
import { FACE_ATTEMPTS_PER_DAY, requireUser } from '../account/account-status';
import { USERS, type UserDocument } from '../account/user-document';

export const FACE_CHECKS = 'face_checks';

/** Largest selfie accepted, decoded. */
export const MAX_SELFIE_BYTES = 4 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Decodes a base64 selfie, rejecting text that is not base64 or is too large. */
export function decodeSelfie(selfieBase64: string): Buffer {
  const compact = selfieBase64.replace(/\s+/g, '');
  if (!BASE64.test(compact) || compact.length % 4 !== 0) {
    throw new LoanError('INVALID_INPUT', 'selfieBase64 is not valid base64: send the JPEG or PNG bytes base64-encoded, without a data: prefix.', 'selfieBase64');
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_SELFIE_BYTES) {
    throw new LoanError('INVALID_INPUT', `照片过大（超过4 MB），请重新拍摄。`, 'selfieBase64', { maxBytes: MAX_SELFIE_BYTES });
  }
  return bytes;
}

const FAILURE_MESSAGES: Record<string, string> = {
  no_match: '人脸与身份证照片不一致。',
  no_face: '照片中没有检测到人脸，请正对镜头、光线充足后重拍。',
  multiple_faces: '照片中有多张人脸，请确保只有本人入镜。',
  unreadable_image: '无法识别这张照片，请上传 JPEG 或 PNG 格式的照片。',
};

/**
 * Compares a selfie with the photo on file for the borrower's ID number. An attempt is
 * counted before the comparison runs, at most 5 a business day. The selfie itself is
 * never stored: the decision, the distance and the model version are.
 */
export async function verifyFace(services: Services, caller: Caller, selfieBase64: string): Promise<FaceVerifyResult> {
  const selfie = decodeSelfie(selfieBase64);
  const user = await requireUser(services, caller);
  if (user.stage !== 'identity_verified') {
    return { passed: true, attemptsLeftToday: FACE_ATTEMPTS_PER_DAY - attemptsOn(user, today(services)), stage: user.stage };
  }

  const date = today(services);
  const attemptsUsed = await services.store.runTransaction(async (tx) => {
    const current = await tx.get<UserDocument>(USERS, caller.openId);
    if (!current) throw new LoanError('PRECONDITION_FAILED', '请先完成开户。');
    const used = attemptsOn(current, date);
    if (used >= FACE_ATTEMPTS_PER_DAY) {
      throw new LoanError('ATTEMPTS_EXHAUSTED', '今天的人脸识别次数已用完（每天5次），请明天再试。', undefined, {
        attemptsLeftToday: 0,
      });
    }
    await tx.update(USERS, caller.openId, { faceAttemptDate: date, faceAttempts: used + 1 });
    return used + 1;
  });
  const attemptsLeftToday = FACE_ATTEMPTS_PER_DAY - attemptsUsed;

  const comparison = await services.face.compare({ idNumber: user.idNumber ?? '', name: user.name ?? '', selfie });
  const passed = comparison.outcome === 'match';
  const checkId = `face_${randomUUID()}`;
  await services.store.runTransaction(async (tx) => {
    await tx.create(FACE_CHECKS, {
      _id: checkId,
      openId: caller.openId,
      outcome: comparison.outcome,
      distance: 'distance' in comparison ? comparison.distance : null,
      threshold: 'threshold' in comparison ? comparison.threshold : null,
      modelVersion: comparison.modelVersion,
      checkedAt: services.clock.now().toISOString(),
    });
    if (passed) await tx.update(USERS, caller.openId, { stage: 'face_verified' });
  });
  services.logger.info({ openId: caller.openId, outcome: comparison.outcome, checkId }, 'face check finished');

  if (comparison.outcome === 'no_photo_on_file') {
    throw new LoanError('VERIFICATION_FAILED', '未找到该身份证号码的登记照片，无法完成人脸核验。');
  }
  return {
    passed,
    distance: 'distance' in comparison ? comparison.distance : undefined,
    threshold: 'threshold' in comparison ? comparison.threshold : undefined,
    reason: passed ? undefined : (comparison.outcome as FaceVerifyResult['reason']),
    message: passed ? '人脸核验通过。' : `${FAILURE_MESSAGES[comparison.outcome] ?? ''}今天还可以再试 ${attemptsLeftToday} 次。`,
    attemptsLeftToday,
    stage: passed ? 'face_verified' : 'identity_verified',
  };
}

function today(services: Services): string {
  return businessDate(services.clock.now());
}

function attemptsOn(user: UserDocument, date: string): number {
  return user.faceAttemptDate === date ? user.faceAttempts : 0;
}

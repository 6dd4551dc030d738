import type { FaceFailureReason, FaceVerifyResult } from '@core/api';

/** Plain words for each reason a face check did not pass, when the server sends none. */
export const FACE_REASON_TEXT: Record<FaceFailureReason, string> = {
  no_match: '照片与身份证件登记的照片不一致。请本人正对镜头重新拍摄。',
  no_face: '照片中没有识别到人脸。请正对镜头，确保脸部完整、光线充足。',
  multiple_faces: '照片中有多张人脸。请确保画面中只有您本人。',
  unreadable_image: '无法识别这张照片。请换一张清晰的 JPG 或 PNG 照片。',
  different_people: '几张照片不是同一个人。请本人完成全部动作。',
  mirrored_frame: '照片是镜像翻转的。请使用原始拍摄的照片。',
  action_not_performed: '没有识别到要求的动作。请按提示完成动作后重新核验。',
  challenge_not_found: '核验已失效，请重新开始。',
  challenge_expired: '核验已超时，请重新开始。',
  challenge_used: '这次核验已经提交过，请重新开始。',
};

/** Tells how many attempts remain today, or that none do. */
export function attemptsText(attemptsLeftToday: number): string {
  return attemptsLeftToday > 0
    ? `今日还可核验 ${attemptsLeftToday} 次。`
    : '今日核验次数已用完，请明天再试。';
}

/**
 * Returns the server's message for a failed check as it is, because it already states the
 * attempts left. Without one, builds the fixed text of the reason and the attempts left.
 */
export function failureText(result: FaceVerifyResult): string {
  if (result.message) return result.message;
  const reasonText = FACE_REASON_TEXT[result.reason ?? 'no_match'];
  return `${reasonText}${attemptsText(result.attemptsLeftToday)}`;
}

import type { FaceFailureReason, LivenessAction } from '../../core/api';

const ACTION_NAMES: Record<LivenessAction, string> = {
  turn_left: '向左转头',
  turn_right: '向右转头',
  blink: '眨眼',
  open_mouth: '张嘴',
};

/** Message for each failure reason, telling the borrower what to do next. */
export const FACE_FAILURE_MESSAGES: Record<FaceFailureReason, string> = {
  no_match: '人脸与身份证照片不一致。',
  no_face: '照片中没有检测到人脸，请正对镜头、光线充足后重拍。',
  multiple_faces: '照片中有多张人脸，请确保只有本人入镜。',
  unreadable_image: '无法识别这张照片，请上传 JPEG 或 PNG 格式的照片。',
  different_people: '拍摄过程中检测到不同的人脸，请本人独自完成全部动作。',
  mirrored_frame: '检测到翻转的画面，请按提示实际转动头部。',
  action_not_performed: '未检测到指定动作，请按提示完成动作。',
  challenge_not_found: '动作校验已失效，请重新开始人脸核验。',
  challenge_expired: '动作校验已超时（2分钟内有效），请重新开始人脸核验。',
  challenge_used: '该次动作校验已使用过，请重新开始人脸核验。',
};

/** Returns the message for a failure, naming the action that was not seen when there is one. */
export function faceFailureMessage(reason: FaceFailureReason, failedAction?: LivenessAction): string {
  if (reason === 'action_not_performed' && failedAction) {
    return `未检测到“${ACTION_NAMES[failedAction]}”动作，请按提示完成动作。`;
  }
  return FACE_FAILURE_MESSAGES[reason];
}

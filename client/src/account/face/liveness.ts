import type { FaceChallenge, LivenessAction } from '@core/api';

/** Instruction for each action. Left and right are the borrower's own. */
export const ACTION_TEXT: Record<LivenessAction, string> = {
  turn_left: '请把头转向您的左侧，然后拍照',
  turn_right: '请把头转向您的右侧，然后拍照',
  blink: '请闭上双眼，请他人帮忙拍照或点击拍照后立即闭眼',
  open_mouth: '请张大嘴巴，然后拍照',
};

export const NEUTRAL_TEXT = '请正对镜头，保持表情自然，然后拍照';

/** One frame to capture: neutral (no action) or one action of the challenge. */
export interface LivenessStep {
  action?: LivenessAction;
  instruction: string;
}

/**
 * Lists the frames to capture for a challenge: neutral frames first, then each action in
 * order. There is one neutral frame, or more when minFrames exceeds the number of actions.
 */
export function stepsFor(challenge: FaceChallenge): LivenessStep[] {
  const neutralCount = Math.max(1, challenge.minFrames - challenge.actions.length);
  const neutral = Array.from({ length: neutralCount }, () => ({ instruction: NEUTRAL_TEXT }));
  const actions = challenge.actions.map((action) => ({ action, instruction: ACTION_TEXT[action] }));
  return [...neutral, ...actions];
}

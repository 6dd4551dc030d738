import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { FaceChallenge, FaceVerifyResult, LivenessFrameInput } from '@core/api';
import { requestFaceChallenge, verifyLiveness } from '../../services/api';
import { messageOf } from '../../services/cloud-error';
import { FaceCapture } from '../../components/FaceCapture';
import { Notice } from '../../components/Notice';
import { stepsFor } from './liveness';

/** Each liveness frame may be at most 700 KB of decoded image. */
const MAX_FRAME_BYTES = 700 * 1024;

interface FlowProps {
  onResult: (result: FaceVerifyResult) => void;
}

type Phase =
  | { phase: 'idle' }
  | { phase: 'loading' }
  | { phase: 'capturing'; challenge: FaceChallenge; frames: LivenessFrameInput[] }
  | { phase: 'verifying' };

/**
 * The liveness challenge. The server picks 2 or 3 actions, and the borrower captures a
 * neutral frame and one frame per action in order. The frames go back with the challenge's
 * single-use nonce. A failed or expired challenge starts over with a new one.
 */
export function LivenessFlow({ onResult }: FlowProps) {
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const [failure, setFailure] = useState<string>();

  const start = async () => {
    setFailure(undefined);
    setState({ phase: 'loading' });
    try {
      setState({ phase: 'capturing', challenge: await requestFaceChallenge(), frames: [] });
    } catch (error) {
      setFailure(messageOf(error));
      setState({ phase: 'idle' });
    }
  };

  const submit = async (challenge: FaceChallenge, frames: LivenessFrameInput[]) => {
    setState({ phase: 'verifying' });
    try {
      onResult(await verifyLiveness(challenge.nonce, frames));
    } catch (error) {
      setFailure(messageOf(error));
    }
    setState({ phase: 'idle' });
  };

  if (state.phase === 'loading') return <Text className='spinner-text'>正在准备动作…</Text>;
  if (state.phase === 'verifying') return <Text className='spinner-text'>正在核验…</Text>;
  if (state.phase === 'idle') {
    return (
      <View>
        {failure ? <Notice kind='error' message={failure} /> : null}
        <Button className='btn btn-primary' id='face-start-liveness' onClick={start}>
          开始动作核验
        </Button>
      </View>
    );
  }

  const { challenge, frames } = state;
  const steps = stepsFor(challenge);
  const step = steps[frames.length];
  const capture = (imageBase64: string) => {
    const next = [...frames, { ...(step.action ? { action: step.action } : {}), imageBase64 }];
    if (next.length === steps.length) void submit(challenge, next);
    else setState({ phase: 'capturing', challenge, frames: next });
  };

  return (
    <View>
      <Text className='card-title' id='face-step'>
        第 {frames.length + 1} / {steps.length} 步：{step.instruction}
      </Text>
      {failure ? <Notice kind='error' message={failure} /> : null}
      <FaceCapture
        continuous
        maxBytes={MAX_FRAME_BYTES}
        onCapture={capture}
        onError={setFailure}
      />
    </View>
  );
}

import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AccountStatus, FaceVerifyResult } from '@core/api';
import { fetchAccountStatus } from '../../services/api';
import { ROUTES } from '../../services/routes';
import { useRemote } from '../../hooks/useRemote';
import { Screen } from '../../components/Screen';
import { Notice } from '../../components/Notice';
import { RemoteView } from '../../components/RemoteView';
import { attemptsText, failureText } from './face-messages';
import { LivenessFlow } from './LivenessFlow';
import { SelfieFlow } from './SelfieFlow';

function PassedView() {
  const next = () => Taro.redirectTo({ url: `${ROUTES.credit}?evaluate=1` });
  return (
    <>
      <Notice kind='success' message='人脸核验通过。' />
      <Button className='btn btn-primary' onClick={next}>
        获取额度
      </Button>
    </>
  );
}

function FaceStep({ status }: { status: AccountStatus }) {
  const [result, setResult] = useState<FaceVerifyResult>();
  const [mode, setMode] = useState<'liveness' | 'selfie'>('liveness');
  const attemptsLeft = result?.attemptsLeftToday ?? status.faceAttemptsLeftToday;

  if (status.stage === 'new') {
    return <Notice kind='info' message='请先开通借款账户，再进行人脸核验。' />;
  }
  if (result?.passed || status.stage === 'face_verified' || status.stage === 'credit_decided') {
    return <PassedView />;
  }
  const otherMode = mode === 'liveness' ? 'selfie' : 'liveness';
  return (
    <View>
      <Text className='muted'>
        请本人正对镜头，光线充足，不戴帽子和墨镜。
        {/* After a failed check its notice states the attempts left, so the hint does not repeat them. */}
        {result && !result.passed ? null : attemptsText(attemptsLeft)}
      </Text>
      {result && !result.passed ? (
        <Notice kind='error' message={failureText(result)} />
      ) : null}
      {attemptsLeft > 0 && mode === 'liveness' ? <LivenessFlow onResult={setResult} /> : null}
      {attemptsLeft > 0 && mode === 'selfie' ? <SelfieFlow onResult={setResult} /> : null}
      {attemptsLeft > 0 ? (
        <Text className='link hint' id='face-switch-mode' onClick={() => setMode(otherMode)}>
          {mode === 'liveness' ? '改为上传一张照片核验' : '改为动作核验'}
        </Text>
      ) : null}
    </View>
  );
}

/**
 * Face check: a liveness challenge (a neutral frame and 2 or 3 actions) or, where the
 * server allows it, one photo. The page compares it with the photo on file and shows the
 * result and the attempts left today.
 */
export default function FacePage() {
  const { state, reload } = useRemote(fetchAccountStatus);
  return (
    <Screen title='人脸核验'>
      <RemoteView state={state} onRetry={reload}>
        {(status) => <FaceStep status={status} />}
      </RemoteView>
    </Screen>
  );
}

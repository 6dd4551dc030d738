import { Button, Image, View } from '@tarojs/components';
import { useState } from 'react';
import type { FaceVerifyResult } from '@core/api';
import { verifyFace } from '../../services/api';
import { messageOf } from '../../services/cloud-error';
import { FaceCapture } from '../../components/FaceCapture';
import { Notice } from '../../components/Notice';

interface FlowProps {
  onResult: (result: FaceVerifyResult) => void;
}

/**
 * One photo compared with the photo on file, without liveness. The server accepts it only
 * in the embedded sandbox. Elsewhere it rejects the photo with a message to use the challenge.
 */
export function SelfieFlow({ onResult }: FlowProps) {
  const [selfie, setSelfie] = useState<{ base64: string; previewUrl: string }>();
  const [verifying, setVerifying] = useState(false);
  const [failure, setFailure] = useState<string>();

  const submit = async () => {
    if (!selfie) return;
    setVerifying(true);
    setFailure(undefined);
    try {
      onResult(await verifyFace(selfie.base64));
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setVerifying(false);
    }
  };

  const capture = (base64: string, previewUrl: string) => {
    setFailure(undefined);
    setSelfie({ base64, previewUrl });
  };

  const blocked = !selfie || verifying;
  return (
    <View>
      {failure ? <Notice kind='error' message={failure} /> : null}
      {selfie ? <Image className='preview-image' src={selfie.previewUrl} mode='widthFix' /> : null}
      <FaceCapture disabled={verifying} onCapture={capture} onError={setFailure} />
      <Button
        className={`btn btn-primary ${blocked ? 'btn-disabled' : ''}`}
        id='face-submit'
        disabled={blocked || undefined}
        loading={verifying}
        onClick={submit}
      >
        {verifying ? '正在核验…' : '提交核验'}
      </Button>
    </View>
  );
}

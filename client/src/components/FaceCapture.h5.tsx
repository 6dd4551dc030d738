import { View, Button, Text } from '@tarojs/components';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { FaceCaptureProps } from './face-capture-props';

/** The server accepts a single selfie of at most 4 MB of decoded image. */
const MAX_IMAGE_BYTES = 4 * 1024 * 1024;
/** Camera frames are scaled down to this width, which keeps each under 700 KB. */
const FRAME_WIDTH_PX = 640;
const READ_FAILED = '无法读取这张照片，请换一张 JPG 或 PNG 照片重试。';
const CAMERA_FAILED = '无法打开摄像头，请改用“选择照片”。';

function readFileAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Size limit for people: "4 MB", "700 KB". */
function sizeText(bytes: number): string {
  const mebibyte = 1024 * 1024;
  return bytes >= mebibyte ? `${Math.floor(bytes / mebibyte)} MB` : `${Math.floor(bytes / 1024)} KB`;
}

function base64Of(dataUrl: string): string {
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}

/** Face capture in the browser: the camera where the browser offers one, or a photo file. */
export function FaceCapture(props: FaceCaptureProps) {
  const { disabled, continuous, onCapture, onError, maxBytes = MAX_IMAGE_BYTES } = props;
  const videoRef = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream>();
  const canUseCamera = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

  useEffect(() => () => stream?.getTracks().forEach((track) => track.stop()), [stream]);

  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!/^image\/(jpeg|png)$/.test(file.type) || file.size > maxBytes) {
      onError(`请选择不超过 ${sizeText(maxBytes)} 的 JPG 或 PNG 照片。`);
      return;
    }
    try {
      const dataUrl = await readFileAsDataUrl(file);
      onCapture(base64Of(dataUrl), dataUrl);
    } catch {
      onError(READ_FAILED);
    }
  };

  const openCamera = async () => {
    try {
      const media = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' } });
      setStream(media);
      if (videoRef.current) {
        videoRef.current.srcObject = media;
        await videoRef.current.play();
      }
    } catch {
      onError(CAMERA_FAILED);
    }
  };

  const snap = () => {
    const video = videoRef.current;
    if (!video || video.videoWidth === 0) return onError(CAMERA_FAILED);
    // The raw video frame is unmirrored, as the server expects, even if a preview mirrors it.
    const scale = Math.min(1, FRAME_WIDTH_PX / video.videoWidth);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
    const dataUrl = canvas.toDataURL('image/jpeg', 0.9);
    if (!continuous) {
      stream?.getTracks().forEach((track) => track.stop());
      setStream(undefined);
    }
    return onCapture(base64Of(dataUrl), dataUrl);
  };

  return (
    <View>
      <video
        ref={videoRef}
        className='camera'
        muted
        playsInline
        style={{ display: stream ? 'block' : 'none' }}
      />
      {stream ? (
        <Button
          className={`btn btn-primary ${disabled ? 'btn-disabled' : ''}`}
          disabled={disabled || undefined}
          onClick={snap}
        >
          拍照
        </Button>
      ) : null}
      {!stream && canUseCamera ? (
        <Button
          className={`btn btn-secondary ${disabled ? 'btn-disabled' : ''}`}
          disabled={disabled || undefined}
          onClick={openCamera}
        >
          打开摄像头
        </Button>
      ) : null}
      <label className='btn btn-primary' htmlFor='face-file'>
        <Text>选择或拍摄照片</Text>
      </label>
      <input
        id='face-file'
        type='file'
        accept='image/jpeg,image/png'
        capture='user'
        disabled={disabled}
        style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
        onChange={pickFile}
      />
    </View>
  );
}

import { View, Camera, Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FaceCaptureProps } from './face-capture-props';

const CAMERA_DENIED = '无法打开摄像头。请在小程序设置中允许使用摄像头后重试。';
const PHOTO_FAILED = '拍照失败，请保持光线充足后重试。';

/** Face capture on weapp and qq: the front camera and a shutter button. */
export function FaceCapture({ disabled, maxBytes, onCapture, onError }: FaceCaptureProps) {
  const takePhoto = () => {
    Taro.createCameraContext().takePhoto({
      // Liveness frames have a smaller size limit than a single selfie.
      quality: maxBytes !== undefined && maxBytes < 1024 * 1024 ? 'normal' : 'high',
      success: ({ tempImagePath }) => {
        Taro.getFileSystemManager().readFile({
          filePath: tempImagePath,
          encoding: 'base64',
          success: ({ data }) => onCapture(String(data), tempImagePath),
          fail: () => onError(PHOTO_FAILED),
        });
      },
      fail: () => onError(PHOTO_FAILED),
    });
  };

  return (
    <View>
      <Camera
        className='camera'
        devicePosition='front'
        flash='off'
        onError={() => onError(CAMERA_DENIED)}
      />
      <Button
        className={`btn btn-primary ${disabled ? 'btn-disabled' : ''}`}
        disabled={disabled || undefined}
        onClick={takePhoto}
      >
        拍照
      </Button>
    </View>
  );
}

import type { Client as FaceIdClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/faceid/v20180301/faceid_client';
import type { TencentConfig } from './tencent-config';

/** The FaceID calls the adapters use; tests pass a stub with the same shape. */
export type FaceIdApi = Pick<
  FaceIdClient,
  'IdCardVerification' | 'BankCard4EVerification' | 'ImageRecognitionV2' | 'DetectAuth' | 'GetDetectInfoEnhanced'
>;

/**
 * Builds the SDK's FaceID client. Only the FaceID service module is loaded, not the whole
 * SDK, so a bundle carries one service.
 */
export function createFaceIdClient(config: TencentConfig): FaceIdApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { faceid } = require('tencentcloud-sdk-nodejs/tencentcloud/services/faceid') as typeof import('tencentcloud-sdk-nodejs/tencentcloud/services/faceid');
  return new faceid.v20180301.Client({
    credential: config.credential,
    region: config.region,
    profile: { httpProfile: { endpoint: 'faceid.tencentcloudapi.com' } },
  });
}

/** Returns the `code` of a TencentCloudSDKHttpException, or undefined for other errors. */
export function tencentErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

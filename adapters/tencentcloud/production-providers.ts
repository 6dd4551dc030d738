import type { FaceVerifier, HostedFaceVerifier } from '../ports/face';
import type { IdentityVerifier } from '../ports/identity';
import type { SmsSender } from '../ports/sms';
import { createFaceIdClient } from './faceid-client';
import { TencentDetectAuth } from './tencent-detect-auth';
import { TencentFaceVerifier } from './tencent-face-verifier';
import { TencentIdentityVerifier } from './tencent-identity-verifier';
import { readTencentConfig } from './tencent-config';
import { createSmsClient, TencentSmsSender } from './tencent-sms-sender';

export interface ProductionProviders {
  identity?: IdentityVerifier;
  face?: FaceVerifier;
  hostedFace?: HostedFaceVerifier;
  sms?: SmsSender;
}

/**
 * Builds the Tencent Cloud adapters that the environment configures: FaceID identity and
 * face checks when TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are set, the hosted
 * flow when FACEID_RULE_ID is also set, and SMS when TENCENT_SMS_SDK_APP_ID and
 * TENCENT_SMS_SIGN_NAME are set. Returns none of them without credentials; nothing is
 * contacted until a call is made.
 */
export function productionProviders(env: NodeJS.ProcessEnv = process.env): ProductionProviders {
  const config = readTencentConfig(env);
  if (!config) return {};
  const faceId = createFaceIdClient(config);
  return {
    identity: new TencentIdentityVerifier(faceId),
    face: new TencentFaceVerifier(faceId),
    hostedFace: config.faceIdRuleId ? new TencentDetectAuth(faceId, config.faceIdRuleId) : undefined,
    sms: config.sms ? new TencentSmsSender(createSmsClient(config), config.sms) : undefined,
  };
}

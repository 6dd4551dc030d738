/**
 * Tencent Cloud settings from the environment. SCF injects TENCENTCLOUD_SECRETID,
 * TENCENTCLOUD_SECRETKEY and TENCENTCLOUD_SESSIONTOKEN for the function's role; elsewhere
 * set them by hand. Without both the id and the key no Tencent adapter is built.
 */
export interface TencentCredentials {
  secretId: string;
  secretKey: string;
  token?: string;
}

export interface TencentConfig {
  credential: TencentCredentials;
  /** Region for FaceID calls; default ap-guangzhou. */
  region: string;
  /** FaceID console `RuleId` for `DetectAuth`; the hosted flow needs it. */
  faceIdRuleId?: string;
  sms?: {
    sdkAppId: string;
    signName: string;
    /** Template id for each of our SMS templates, from TENCENT_SMS_TEMPLATES (JSON). */
    templateIds: Record<string, string>;
  };
}

/** Environment variables the production providers read. */
export const TENCENT_ENV = {
  secretId: 'TENCENTCLOUD_SECRETID',
  secretKey: 'TENCENTCLOUD_SECRETKEY',
  token: 'TENCENTCLOUD_SESSIONTOKEN',
  region: 'TENCENTCLOUD_REGION',
  faceIdRuleId: 'FACEID_RULE_ID',
  smsSdkAppId: 'TENCENT_SMS_SDK_APP_ID',
  smsSignName: 'TENCENT_SMS_SIGN_NAME',
  smsTemplates: 'TENCENT_SMS_TEMPLATES',
} as const;

function parseTemplates(text: string | undefined): Record<string, string> {
  if (!text) return {};
  const parsed: unknown = JSON.parse(text);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${TENCENT_ENV.smsTemplates} must be a JSON object such as {"verification_code":"123456"}`);
  }
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
}

/** Reads the Tencent settings, or returns undefined when no credentials are set. */
export function readTencentConfig(env: NodeJS.ProcessEnv = process.env): TencentConfig | undefined {
  const secretId = env[TENCENT_ENV.secretId];
  const secretKey = env[TENCENT_ENV.secretKey];
  if (!secretId || !secretKey) return undefined;
  const sdkAppId = env[TENCENT_ENV.smsSdkAppId];
  const signName = env[TENCENT_ENV.smsSignName];
  return {
    credential: { secretId, secretKey, token: env[TENCENT_ENV.token] || undefined },
    region: env[TENCENT_ENV.region] || 'ap-guangzhou',
    faceIdRuleId: env[TENCENT_ENV.faceIdRuleId] || undefined,
    sms: sdkAppId && signName
      ? { sdkAppId, signName, templateIds: parseTemplates(env[TENCENT_ENV.smsTemplates]) }
      : undefined,
  };
}

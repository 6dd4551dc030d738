/**
 * Our stable codes for results of outside identity, face and SMS providers. Provider codes
 * (FaceID `Result`, SMS `Code`, WeChat `verify_ret`) are mapped onto these, so callers and
 * stored records never depend on one provider's numbering.
 */
export type ProviderCode =
  | 'MATCH'
  | 'MISMATCH'
  | 'NAME_INVALID'
  | 'ID_NUMBER_INVALID'
  | 'CARD_INVALID'
  | 'PHONE_INVALID'
  | 'CARD_RESTRICTED'
  | 'NO_RECORD'
  | 'FACE_NOT_MATCHED'
  | 'FACE_NOT_FOUND'
  | 'IMAGE_INVALID'
  | 'LIVENESS_FAILED'
  | 'USER_CANCELLED'
  | 'SESSION_EXPIRED'
  | 'SENT'
  | 'RATE_LIMITED'
  | 'REJECTED_BY_CARRIER'
  | 'PROVIDER_CONFIG'
  | 'PROVIDER_UNAVAILABLE';

/** Borrower-facing message of each stable code, in Chinese. */
export const PROVIDER_MESSAGES: Record<ProviderCode, string> = {
  MATCH: '核验通过。',
  MISMATCH: '身份信息不一致，请核对后重新输入。',
  NAME_INVALID: '姓名格式不正确，请核对后重新输入。',
  ID_NUMBER_INVALID: '身份证号码有误，请核对后重新输入。',
  CARD_INVALID: '银行卡号有误，请核对后重新输入。',
  PHONE_INVALID: '手机号码有误，请核对后重新输入。',
  CARD_RESTRICTED: '该银行卡状态异常或受限，请更换本人名下的其他借记卡。',
  NO_RECORD: '未查询到该身份证号码的登记信息，请核对后重试。',
  FACE_NOT_MATCHED: '人脸与身份证照片不一致。',
  FACE_NOT_FOUND: '照片中没有检测到清晰的人脸，请正对镜头后重拍。',
  IMAGE_INVALID: '照片无法识别，请重新拍摄。',
  LIVENESS_FAILED: '活体检测未通过，请按提示完成动作后重试。',
  USER_CANCELLED: '您已取消人脸核验。',
  SESSION_EXPIRED: '核验已超时，请重新开始。',
  SENT: '短信已发送。',
  RATE_LIMITED: '操作过于频繁，请稍后再试。',
  REJECTED_BY_CARRIER: '短信无法发送到该号码，请更换手机号或稍后再试。',
  PROVIDER_CONFIG: '服务配置有误，请稍后再试。',
  PROVIDER_UNAVAILABLE: '核验服务暂时不可用，请稍后再试。',
};

/** A provider result mapped onto a stable code, keeping the provider's own code. */
export interface MappedResult {
  code: ProviderCode;
  message: string;
  providerCode: string;
}

/** Returns the mapped result for a provider code from a table, or the fallback code. */
export function mapCode(
  table: Readonly<Record<string, ProviderCode>>,
  providerCode: string,
  fallback: ProviderCode = 'PROVIDER_UNAVAILABLE',
): MappedResult {
  const code = table[providerCode] ?? fallback;
  return { code, message: PROVIDER_MESSAGES[code], providerCode };
}

/**
 * Maps a Tencent Cloud API error code (the `code` of `TencentCloudSDKHttpException`, e.g.
 * `AuthFailure.SignatureFailure`) by its documented prefix. Specific codes are looked up
 * first in `specific`.
 */
export function mapApiError(errorCode: string, specific: Readonly<Record<string, ProviderCode>> = {}): MappedResult {
  if (specific[errorCode]) return mapCode(specific, errorCode);
  const prefix = errorCode.split('.')[0];
  const byPrefix: Record<string, ProviderCode> = {
    AuthFailure: 'PROVIDER_CONFIG',
    UnauthorizedOperation: 'PROVIDER_CONFIG',
    InvalidParameter: 'PROVIDER_CONFIG',
    InvalidParameterValue: 'PROVIDER_CONFIG',
    MissingParameter: 'PROVIDER_CONFIG',
    LimitExceeded: 'RATE_LIMITED',
    RequestLimitExceeded: 'RATE_LIMITED',
    InternalError: 'PROVIDER_UNAVAILABLE',
    FailedOperation: 'PROVIDER_UNAVAILABLE',
  };
  return mapCode(byPrefix, prefix);
}

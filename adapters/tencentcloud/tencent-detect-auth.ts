import type { HostedFaceOutcome, HostedFaceResult, HostedFaceStart, HostedFaceSession, HostedFaceVerifier } from '../ports/face';
import { FACEID_SAME_PERSON_SIM } from './faceid-result-codes';
import { tencentErrorCode, type FaceIdApi } from './faceid-client';
import { PROVIDER_MESSAGES, type ProviderCode } from './provider-codes';

/** Lifetime of a `BizToken`, in seconds. */
export const BIZ_TOKEN_TTL_SECONDS = 7200;

/**
 * `GetDetectInfoEnhanced` `Text.ErrCode` values other than 0, such as 1001-1005 for
 * liveness, 15 for an expired token and 16 for the retry limit. An unlisted code falls back
 * to `LiveStatus` and `Comparestatus`. NOTE: taken from the result-code table of FaceID's
 * international edition, not yet checked against the mainland service.
 */
const DETECT_ERR_CODES: Readonly<Record<string, ProviderCode>> = {
  '1': 'PROVIDER_CONFIG',
  '2': 'PROVIDER_CONFIG',
  '3': 'PROVIDER_CONFIG',
  '4': 'PROVIDER_UNAVAILABLE',
  '8': 'PROVIDER_UNAVAILABLE',
  '9': 'PROVIDER_UNAVAILABLE',
  '10': 'PROVIDER_UNAVAILABLE',
  '11': 'PROVIDER_UNAVAILABLE',
  '15': 'SESSION_EXPIRED',
  '16': 'RATE_LIMITED',
  '1001': 'LIVENESS_FAILED',
  '1002': 'LIVENESS_FAILED',
  '1003': 'LIVENESS_FAILED',
  '1004': 'FACE_NOT_FOUND',
  '1005': 'LIVENESS_FAILED',
};

const OUTCOMES: Partial<Record<ProviderCode, HostedFaceOutcome>> = {
  MATCH: 'match',
  FACE_NOT_MATCHED: 'no_match',
  FACE_NOT_FOUND: 'liveness_failed',
  LIVENESS_FAILED: 'liveness_failed',
  SESSION_EXPIRED: 'expired',
  RATE_LIMITED: 'rate_limited',
};

export interface DetectInfoText {
  ErrCode?: number | null;
  LiveStatus?: number | null;
  Comparestatus?: number | null;
  Sim?: string | null;
}

/**
 * Maps `GetDetectInfoEnhanced` `Text`: a pass needs ErrCode 0 and Sim at least 70. A
 * missing Text means the borrower has not finished (or never started) the flow.
 */
export function mapDetectInfo(text: DetectInfoText | undefined | null): HostedFaceResult {
  if (!text || text.ErrCode === null || text.ErrCode === undefined) {
    return { outcome: 'cancelled', message: PROVIDER_MESSAGES.USER_CANCELLED, providerCode: 'no-result' };
  }
  const similarity = text.Sim ? Number(text.Sim) : undefined;
  const providerCode = String(text.ErrCode);
  let code: ProviderCode;
  if (text.ErrCode === 0) {
    code = (similarity ?? 0) >= FACEID_SAME_PERSON_SIM ? 'MATCH' : 'FACE_NOT_MATCHED';
  } else if (DETECT_ERR_CODES[providerCode]) {
    code = DETECT_ERR_CODES[providerCode];
  } else if (text.LiveStatus !== 0) {
    code = 'LIVENESS_FAILED';
  } else if (text.Comparestatus !== 0) {
    code = 'FACE_NOT_MATCHED';
  } else {
    code = 'PROVIDER_UNAVAILABLE';
  }
  return { outcome: OUTCOMES[code] ?? 'unavailable', message: PROVIDER_MESSAGES[code], providerCode, similarity };
}

/**
 * FaceID's hosted mini-program flow: `DetectAuth` returns a `BizToken` for the
 * `verify_mpsdk` plug-in, and `GetDetectInfoEnhanced` returns the result.
 */
export class TencentDetectAuth implements HostedFaceVerifier {
  constructor(
    private readonly client: FaceIdApi,
    private readonly ruleId: string,
  ) {}

  async start(request: HostedFaceStart): Promise<HostedFaceSession> {
    const response = await this.client.DetectAuth({
      RuleId: this.ruleId,
      IdCard: request.idNumber.trim().toUpperCase(),
      Name: request.name.trim(),
      Extra: request.sequenceNo,
    });
    if (!response.BizToken) throw new Error('FaceID DetectAuth returned no BizToken');
    return { token: response.BizToken, expiresInSeconds: BIZ_TOKEN_TTL_SECONDS };
  }

  async result(request: HostedFaceStart & { token: string }): Promise<HostedFaceResult> {
    try {
      // InfoType 1: text results only, so no image or video leaves FaceID.
      const response = await this.client.GetDetectInfoEnhanced({
        BizToken: request.token,
        RuleId: this.ruleId,
        InfoType: '1',
      });
      return mapDetectInfo(response.Text);
    } catch (error) {
      const providerCode = tencentErrorCode(error);
      if (!providerCode) throw error;
      const expired = providerCode.startsWith('InvalidParameterValue.BizToken');
      const code: ProviderCode = expired ? 'SESSION_EXPIRED' : 'PROVIDER_UNAVAILABLE';
      return { outcome: expired ? 'expired' : 'unavailable', message: PROVIDER_MESSAGES[code], providerCode };
    }
  }
}

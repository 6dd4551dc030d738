import type {
  HostedFaceOutcome,
  HostedFaceResult,
  HostedFaceSession,
  HostedFaceStart,
  HostedFaceVerifier,
} from '../ports/face';
import { PROVIDER_MESSAGES, type ProviderCode } from '../tencentcloud/provider-codes';
import { certHash } from './cert-hash';

const API_BASE = 'https://api.weixin.qq.com/cityservice/face/identify';

/** Posts JSON to a WeChat server API and returns the parsed body. Tests pass a stub. */
export type PostJson = (url: string, body: unknown) => Promise<Record<string, unknown>>;

/**
 * `verify_ret` of `queryverifyinfo`: 10000 is a pass; 900xx are client-side failures, most
 * of them the borrower cancelling or a camera problem; 10001-10004 are parameter, face
 * feature, ID mismatch and comparison failures.
 */
export function mapVerifyRet(errcode: number, verifyRet: number | undefined): { code: ProviderCode; providerCode: string } {
  if (errcode !== 0) return { code: 'PROVIDER_UNAVAILABLE', providerCode: `errcode ${errcode}` };
  const providerCode = `verify_ret ${verifyRet}`;
  if (verifyRet === 10000) return { code: 'MATCH', providerCode };
  if (verifyRet === 10001) return { code: 'PROVIDER_CONFIG', providerCode };
  if (verifyRet === 10002) return { code: 'FACE_NOT_FOUND', providerCode };
  if (verifyRet === 10003) return { code: 'MISMATCH', providerCode };
  if (verifyRet === 10004) return { code: 'FACE_NOT_MATCHED', providerCode };
  if (verifyRet !== undefined && verifyRet >= 90002 && verifyRet <= 90006) return { code: 'USER_CANCELLED', providerCode };
  if (verifyRet === 90017) return { code: 'SESSION_EXPIRED', providerCode };
  if (verifyRet !== undefined && verifyRet >= 90000 && verifyRet < 91000) return { code: 'LIVENESS_FAILED', providerCode };
  return { code: 'PROVIDER_UNAVAILABLE', providerCode };
}

const OUTCOMES: Partial<Record<ProviderCode, HostedFaceOutcome>> = {
  MATCH: 'match',
  FACE_NOT_MATCHED: 'no_match',
  MISMATCH: 'no_match',
  FACE_NOT_FOUND: 'liveness_failed',
  LIVENESS_FAILED: 'liveness_failed',
  USER_CANCELLED: 'cancelled',
  SESSION_EXPIRED: 'expired',
};

/**
 * WeChat facial verification 2.0, for mini-programs licensed to use it: `getverifyid`
 * starts a session for `wx.requestFacialVerify`, and `queryverifyinfo` with the cert hash
 * returns the result. There is no cloud call for these APIs, so `accessToken` must come
 * from the AppSecret.
 */
export class WechatFacialVerify implements HostedFaceVerifier {
  constructor(
    private readonly post: PostJson,
    private readonly accessToken: () => Promise<string>,
  ) {}

  async start(request: HostedFaceStart): Promise<HostedFaceSession> {
    const body = await this.post(`${API_BASE}/getverifyid?access_token=${await this.accessToken()}`, {
      out_seq_no: request.sequenceNo,
      cert_info: { cert_type: 'IDENTITY_CARD', cert_name: request.name.trim(), cert_no: request.idNumber.trim().toUpperCase() },
      openid: request.openId,
    });
    if (body.errcode !== 0 || typeof body.verify_id !== 'string') {
      throw new Error(`WeChat getverifyid failed: errcode ${String(body.errcode)} ${String(body.errmsg ?? '')}`);
    }
    return { token: body.verify_id, expiresInSeconds: Number(body.expires_in ?? 3600) };
  }

  async result(request: HostedFaceStart & { token: string }): Promise<HostedFaceResult> {
    const body = await this.post(`${API_BASE}/queryverifyinfo?access_token=${await this.accessToken()}`, {
      verify_id: request.token,
      out_seq_no: request.sequenceNo,
      cert_hash: certHash(request.name.trim(), request.idNumber.trim().toUpperCase()),
      openid: request.openId,
    });
    const verifyRet = typeof body.verify_ret === 'number' ? body.verify_ret : undefined;
    const mapped = mapVerifyRet(Number(body.errcode ?? -1), verifyRet);
    return {
      outcome: OUTCOMES[mapped.code] ?? 'unavailable',
      message: PROVIDER_MESSAGES[mapped.code],
      providerCode: mapped.providerCode,
    };
  }
}

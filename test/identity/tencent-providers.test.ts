import { describe, expect, it } from 'vitest';
import type { FaceIdApi } from '../../adapters/tencentcloud/faceid-client';
import { mapApiError } from '../../adapters/tencentcloud/provider-codes';
import { readTencentConfig } from '../../adapters/tencentcloud/tencent-config';
import { mapDetectInfo, TencentDetectAuth } from '../../adapters/tencentcloud/tencent-detect-auth';
import { mapImageRecognition, TencentFaceVerifier } from '../../adapters/tencentcloud/tencent-face-verifier';
import {
  bankCard4ERequest,
  mapBankCard4EResult,
  mapIdCardResult,
  TencentIdentityVerifier,
} from '../../adapters/tencentcloud/tencent-identity-verifier';
import { SmsSendError, TencentSmsSender } from '../../adapters/tencentcloud/tencent-sms-sender';

const ELEMENTS = { name: ' 张三 ', idNumber: '11010519491231002x', bankCard: '6222 0202 0000 1234 567', phone: '+86 138-0013-8000' };

/** A FaceID stand-in that records each request and returns a documented response shape. */
function stubFaceId(responses: Partial<Record<keyof FaceIdApi, unknown>>) {
  const calls: { method: string; request: unknown }[] = [];
  const handler = (method: keyof FaceIdApi) => async (request: unknown) => {
    calls.push({ method, request });
    const response = responses[method];
    if (response instanceof Error) throw response;
    return response;
  };
  const api = {
    IdCardVerification: handler('IdCardVerification'),
    BankCard4EVerification: handler('BankCard4EVerification'),
    ImageRecognitionV2: handler('ImageRecognitionV2'),
    DetectAuth: handler('DetectAuth'),
    GetDetectInfoEnhanced: handler('GetDetectInfoEnhanced'),
  } as unknown as FaceIdApi;
  return { api, calls };
}

/** Builds an error shaped like the SDK's TencentCloudSDKHttpException. */
function sdkError(code: string): Error {
  return Object.assign(new Error(`[TencentCloudSDKException] ${code}`), { code, requestId: 'req-1' });
}

describe('BankCard4EVerification', () => {
  it('builds a normalised request', () => {
    expect(bankCard4ERequest(ELEMENTS)).toEqual({
      Name: '张三',
      IdCard: '11010519491231002X',
      BankCard: '6222020200001234567',
      Phone: '13800138000',
      CertType: 0,
    });
  });

  it.each([
    ['0', { outcome: 'match' }],
    ['-1', { outcome: 'mismatch' }],
    ['-2', { outcome: 'mismatch', field: 'name' }],
    ['-3', { outcome: 'mismatch', field: 'idNumber' }],
    ['-4', { outcome: 'mismatch', field: 'bankCard' }],
    ['-5', { outcome: 'mismatch', field: 'phone' }],
    ['-6', { outcome: 'mismatch' }],
    ['-13', { outcome: 'mismatch', field: 'bankCard' }],
    ['-21', { outcome: 'mismatch', field: 'bankCard' }],
    ['-18', { outcome: 'unavailable', reason: 'PROVIDER_UNAVAILABLE (BankCard4EVerification -18)' }],
    ['-19', { outcome: 'unavailable', reason: 'RATE_LIMITED (BankCard4EVerification -19)' }],
    ['-99', { outcome: 'unavailable', reason: 'PROVIDER_UNAVAILABLE (BankCard4EVerification -99)' }],
  ])('maps result %s', (result, expected) => {
    expect(mapBankCard4EResult(result)).toEqual(expected);
  });

  it('sends the request and maps the response', async () => {
    const { api, calls } = stubFaceId({ BankCard4EVerification: { Result: '0', Description: '认证通过', RequestId: 'r' } });
    const verifier = new TencentIdentityVerifier(api);
    expect(await verifier.verifyFourElements(ELEMENTS)).toEqual({ outcome: 'match' });
    expect(calls[0].method).toBe('BankCard4EVerification');
  });

  it('turns an API error into unavailable', async () => {
    const { api } = stubFaceId({ BankCard4EVerification: sdkError('AuthFailure.SecretIdNotFound') });
    const result = await new TencentIdentityVerifier(api).verifyFourElements(ELEMENTS);
    expect(result).toEqual({ outcome: 'unavailable', reason: 'PROVIDER_CONFIG (BankCard4EVerification AuthFailure.SecretIdNotFound)' });
  });
});

describe('IdCardVerification', () => {
  it.each([
    ['0', { outcome: 'match' }],
    ['-1', { outcome: 'mismatch' }],
    ['-2', { outcome: 'invalid_input', field: 'idNumber' }],
    ['-3', { outcome: 'invalid_input', field: 'name' }],
    ['-4', { outcome: 'unavailable', reason: 'PROVIDER_UNAVAILABLE (IdCardVerification -4)' }],
    ['-5', { outcome: 'no_record' }],
    ['-6', { outcome: 'unavailable', reason: 'PROVIDER_UNAVAILABLE (IdCardVerification -6)' }],
    ['-7', { outcome: 'unavailable', reason: 'RATE_LIMITED (IdCardVerification -7)' }],
  ])('maps result %s', (result, expected) => {
    expect(mapIdCardResult(result)).toEqual(expected);
  });

  it('upper-cases the check character', async () => {
    const { api, calls } = stubFaceId({ IdCardVerification: { Result: '0' } });
    await new TencentIdentityVerifier(api).verifyIdCard('张三', '11010519491231002x');
    expect(calls[0].request).toEqual({ Name: '张三', IdCard: '11010519491231002X' });
  });
});

describe('ImageRecognitionV2', () => {
  it('passes at Sim 70 and above', () => {
    expect(mapImageRecognition({ Result: 'Success', Sim: 70 })).toMatchObject({ outcome: 'match', distance: 0.3 });
    expect(mapImageRecognition({ Result: 'Success', Sim: 69.99 })).toMatchObject({ outcome: 'no_match' });
  });

  it.each([
    ['FailedOperation.CompareLowSimilarity', 'no_match'],
    ['FailedOperation.ImageNoFace', 'no_face'],
    ['FailedOperation.ImageDecodeFailed', 'unreadable_image'],
    ['FailedOperation.IdPhotoNoExist', 'no_photo_on_file'],
  ])('maps %s', (result, outcome) => {
    expect(mapImageRecognition({ Result: result, Sim: 10 }).outcome).toBe(outcome);
  });

  it('sends the selfie as padded base64', async () => {
    const { api, calls } = stubFaceId({ ImageRecognitionV2: { Result: 'Success', Sim: 88.5, Description: '成功' } });
    const result = await new TencentFaceVerifier(api).compare({ idNumber: '11010519491231002X', name: '张三', selfie: new Uint8Array([1, 2, 3, 4]) });
    expect(calls[0].request).toEqual({ IdCard: '11010519491231002X', Name: '张三', ImageBase64: 'AQIDBA==' });
    expect(result.outcome).toBe('match');
  });

  it('maps a comparison failure thrown as an API error', async () => {
    const { api } = stubFaceId({ ImageRecognitionV2: sdkError('FailedOperation.ImageNoFace') });
    const result = await new TencentFaceVerifier(api).compare({ idNumber: 'x', name: 'y', selfie: new Uint8Array(4) });
    expect(result.outcome).toBe('no_face');
  });
});

describe('DetectAuth and GetDetectInfoEnhanced', () => {
  it('starts a session with the rule id', async () => {
    const { api, calls } = stubFaceId({ DetectAuth: { BizToken: 'biz-1', Url: '', RequestId: 'r' } });
    const hosted = new TencentDetectAuth(api, 'rule-7');
    const session = await hosted.start({ openId: 'o', idNumber: '11010519491231002x', name: '张三', sequenceNo: 'seq-1' });
    expect(session).toEqual({ token: 'biz-1', expiresInSeconds: 7200 });
    expect(calls[0].request).toEqual({ RuleId: 'rule-7', IdCard: '11010519491231002X', Name: '张三', Extra: 'seq-1' });
  });

  it.each([
    [{ ErrCode: 0, LiveStatus: 0, Comparestatus: 0, Sim: '92.10' }, 'match'],
    [{ ErrCode: 0, LiveStatus: 0, Comparestatus: 0, Sim: '55.00' }, 'no_match'],
    [{ ErrCode: 1002, LiveStatus: 1002, Comparestatus: null, Sim: null }, 'liveness_failed'],
    [{ ErrCode: 15, LiveStatus: null, Comparestatus: null, Sim: null }, 'expired'],
    [{ ErrCode: 3004, LiveStatus: 0, Comparestatus: 3004, Sim: '40' }, 'no_match'],
    [null, 'cancelled'],
  ])('maps Text %j', (text, outcome) => {
    expect(mapDetectInfo(text).outcome).toBe(outcome);
  });

  it('asks for text results only', async () => {
    const { api, calls } = stubFaceId({ GetDetectInfoEnhanced: { Text: { ErrCode: 0, Sim: '80' } } });
    const result = await new TencentDetectAuth(api, 'rule-7').result({ openId: 'o', idNumber: 'i', name: 'n', sequenceNo: 's', token: 'biz-1' });
    expect(calls[0].request).toEqual({ BizToken: 'biz-1', RuleId: 'rule-7', InfoType: '1' });
    expect(result).toMatchObject({ outcome: 'match', similarity: 80 });
  });
});

describe('SendSms', () => {
  const config = { sdkAppId: '1400006666', signName: '微粒测试', templateIds: { verification_code: '1110' } };

  it('builds the request in E.164 form', async () => {
    const requests: unknown[] = [];
    const client = {
      SendSms: async (request: unknown) => {
        requests.push(request);
        return { SendStatusSet: [{ SerialNo: 'sn-1', Code: 'Ok', Message: 'send success' }], RequestId: 'r' };
      },
    };
    const sender = new TencentSmsSender(client as never, config);
    expect(await sender.send({ phone: '13800138000', templateId: 'verification_code', params: ['123456', '5'] })).toEqual({ messageId: 'sn-1' });
    expect(requests[0]).toEqual({
      SmsSdkAppId: '1400006666',
      SignName: '微粒测试',
      TemplateId: '1110',
      TemplateParamSet: ['123456', '5'],
      PhoneNumberSet: ['+8613800138000'],
    });
  });

  it.each([
    ['LimitExceeded.PhoneNumberDailyLimit', 'RATE_LIMITED'],
    ['InvalidParameterValue.IncorrectPhoneNumber', 'PHONE_INVALID'],
    ['FailedOperation.PhoneNumberInBlacklist', 'REJECTED_BY_CARRIER'],
    ['FailedOperation.TemplateIncorrectOrUnapproved', 'PROVIDER_CONFIG'],
    ['Something.New', 'PROVIDER_UNAVAILABLE'],
  ])('maps send status %s', async (code, expected) => {
    const client = { SendSms: async () => ({ SendStatusSet: [{ Code: code, Message: 'x' }] }) };
    const sender = new TencentSmsSender(client as never, config);
    const error = await sender.send({ phone: '13800138000', templateId: 'verification_code', params: [] }).catch((e) => e);
    expect(error).toBeInstanceOf(SmsSendError);
    expect((error as SmsSendError).result).toMatchObject({ code: expected, providerCode: code });
  });

  it('rejects a template without an id', async () => {
    const sender = new TencentSmsSender({ SendSms: async () => ({}) } as never, config);
    await expect(sender.send({ phone: '13800138000', templateId: 'disbursed', params: [] })).rejects.toThrow(/TENCENT_SMS_TEMPLATES/);
  });
});

describe('provider configuration', () => {
  it('builds nothing without credentials', () => {
    expect(readTencentConfig({})).toBeUndefined();
  });

  it('maps API errors by prefix', () => {
    expect(mapApiError('RequestLimitExceeded.IPLimitExceeded').code).toBe('RATE_LIMITED');
    expect(mapApiError('InternalError').code).toBe('PROVIDER_UNAVAILABLE');
    expect(mapApiError('AuthFailure.SignatureExpire').code).toBe('PROVIDER_CONFIG');
  });
});

import type { Client as SmsClient } from 'tencentcloud-sdk-nodejs/tencentcloud/services/sms/v20210111/sms_client';
import type { SendSmsRequest } from 'tencentcloud-sdk-nodejs/tencentcloud/services/sms/v20210111/sms_models';
import type { SmsMessage, SmsSender } from '../ports/sms';
import { tencentErrorCode } from './faceid-client';
import { mapApiError, mapCode, type MappedResult, type ProviderCode } from './provider-codes';
import type { TencentConfig } from './tencent-config';

export type SmsApi = Pick<SmsClient, 'SendSms'>;

/**
 * `SendStatusSet[].Code` values of SMS API 2021-01-11. `Ok` is sent; an unlisted code maps
 * to PROVIDER_UNAVAILABLE and keeps its provider code.
 */
export const SEND_STATUS_CODES: Readonly<Record<string, ProviderCode>> = {
  Ok: 'SENT',
  'LimitExceeded.PhoneNumberDailyLimit': 'RATE_LIMITED',
  'LimitExceeded.PhoneNumberOneHourLimit': 'RATE_LIMITED',
  'LimitExceeded.PhoneNumberThirtySecondLimit': 'RATE_LIMITED',
  'LimitExceeded.PhoneNumberSameContentDailyLimit': 'RATE_LIMITED',
  'LimitExceeded.DeliveryFrequencyLimit': 'RATE_LIMITED',
  'InvalidParameterValue.IncorrectPhoneNumber': 'PHONE_INVALID',
  'FailedOperation.PhoneNumberInBlacklist': 'REJECTED_BY_CARRIER',
  'FailedOperation.SignatureIncorrectOrUnapproved': 'PROVIDER_CONFIG',
  'FailedOperation.TemplateIncorrectOrUnapproved': 'PROVIDER_CONFIG',
  'FailedOperation.ContainSensitiveWord': 'PROVIDER_CONFIG',
  'InvalidParameterValue.SdkAppIdNotExist': 'PROVIDER_CONFIG',
  'UnauthorizedOperation.RequestIpNotInWhitelist': 'PROVIDER_CONFIG',
};

/** A send that the provider refused, with our stable code and the provider's code. */
export class SmsSendError extends Error {
  constructor(readonly result: MappedResult) {
    super(`SMS not sent: ${result.code} (${result.providerCode})`);
    this.name = 'SmsSendError';
  }
}

/** Builds the `SendSms` request for one mainland number in E.164 form. */
export function sendSmsRequest(config: NonNullable<TencentConfig['sms']>, message: SmsMessage): SendSmsRequest {
  const templateId = config.templateIds[message.templateId];
  if (!templateId) {
    throw new Error(`no Tencent SMS template id for "${message.templateId}": add it to TENCENT_SMS_TEMPLATES`);
  }
  return {
    SmsSdkAppId: config.sdkAppId,
    SignName: config.signName,
    TemplateId: templateId,
    TemplateParamSet: [...message.params],
    PhoneNumberSet: [`+86${message.phone}`],
  };
}

/** Builds the SDK's SMS client; region is mandatory in API version 2021-01-11. */
export function createSmsClient(config: TencentConfig): SmsApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { sms } = require('tencentcloud-sdk-nodejs/tencentcloud/services/sms') as typeof import('tencentcloud-sdk-nodejs/tencentcloud/services/sms');
  return new sms.v20210111.Client({ credential: config.credential, region: 'ap-guangzhou' });
}

/** Text messages through Tencent Cloud SMS `SendSms`. A refused send throws {@link SmsSendError}. */
export class TencentSmsSender implements SmsSender {
  constructor(
    private readonly client: SmsApi,
    private readonly config: NonNullable<TencentConfig['sms']>,
  ) {}

  async send(message: SmsMessage): Promise<{ messageId: string }> {
    let response;
    try {
      response = await this.client.SendSms(sendSmsRequest(this.config, message));
    } catch (error) {
      const providerCode = tencentErrorCode(error);
      if (!providerCode) throw error;
      throw new SmsSendError(mapApiError(providerCode, SEND_STATUS_CODES));
    }
    const status = response.SendStatusSet?.[0];
    const mapped = mapCode(SEND_STATUS_CODES, status?.Code ?? 'missing SendStatusSet');
    if (mapped.code !== 'SENT') throw new SmsSendError(mapped);
    return { messageId: status?.SerialNo ?? response.RequestId ?? '' };
  }
}

import { CONSENT_VERSIONS, type ConsentKind } from '@core/api';

/** One consent screen: what the borrower agrees to, in plain words. */
export interface ConsentText {
  kind: ConsentKind;
  title: string;
  body: string;
}

/**
 * The four separate consents personal-information law requires before account opening,
 * in the order they are asked. Each is recorded with the version in CONSENT_VERSIONS.
 */
export const CONSENT_SCREENS: readonly ConsentText[] = [
  {
    kind: 'identity',
    title: '个人身份信息处理授权',
    body:
      '为开通借款账户，我们需要收集您的姓名、身份证号码、银行卡号和手机号码，' +
      '并交由银行卡验证服务核验四项信息是否一致。\n' +
      '这些信息仅用于身份核验、放款和还款，不会用于其他目的。',
  },
  {
    kind: 'biometrics',
    title: '人脸信息处理授权',
    body:
      '为确认是您本人操作，我们需要采集您的人脸照片，与您身份证件登记的照片比对。\n' +
      '人脸照片属于敏感个人信息。比对完成后原始照片即被删除，只保留比对结果。',
  },
  {
    kind: 'creditQuery',
    title: '征信及信用信息查询授权',
    body:
      '为评估您的借款额度，我们需要查询并使用您的信用信息和行为数据。\n' +
      '查询记录会被保存，您可以在“我的”页面查看已授权的项目。',
  },
  {
    kind: 'automatedDecision',
    title: '自动化决策说明',
    body:
      '您的额度和利率由信用评分模型自动评估，模型不使用性别和婚姻状况。\n' +
      '如果申请被拒绝或额度受限，我们会告诉您主要原因。',
  },
];

/** Version of each consent, as sent with the account-opening request. */
export function consentVersions(): Record<ConsentKind, string> {
  return { ...CONSENT_VERSIONS };
}

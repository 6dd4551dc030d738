import type { FeatureName } from './features';

/** An adverse-action reason: a stable code and plain text in Chinese and English. */
export interface ReasonText {
  code: string;
  zh: string;
  en: string;
}

/**
 * Reason text for each feature. The text names the risky side of the feature because every
 * feature is binned with event rates monotone in its value, so an applicant who loses points
 * on a feature sits on the riskier side of its best bin.
 */
export const REASON_TEXTS: Record<FeatureName, ReasonText> = {
  latestStatus: {
    code: 'LATEST_PAYMENT_LATE',
    zh: '最近一期还款逾期',
    en: 'Most recent payment was late',
  },
  worstStatus6m: {
    code: 'LATE_PAYMENT_6M',
    zh: '近六个月内有逾期还款',
    en: 'A payment was late in the last six months',
  },
  worstStatus3m: {
    code: 'LATE_PAYMENT_3M',
    zh: '近三个月内有逾期还款',
    en: 'A payment was late in the last three months',
  },
  monthsLate6m: {
    code: 'MONTHS_LATE_6M',
    zh: '近六个月内多次逾期还款',
    en: 'Payments were late in several of the last six months',
  },
  monthsInactive6m: {
    code: 'ACCOUNT_INACTIVE',
    zh: '近六个月内账户使用情况不利',
    en: 'Account use over the last six months adds risk',
  },
  statusTrend: {
    code: 'REPAYMENT_WORSENING',
    zh: '近期还款情况变差',
    en: 'Repayment has worsened in recent months',
  },
  utilisationLatest: {
    code: 'HIGH_UTILISATION',
    zh: '最近一期账单占信用额度比例高',
    en: 'Latest bill is high relative to the credit limit',
  },
  utilisationAvg6m: {
    code: 'HIGH_AVERAGE_UTILISATION',
    zh: '近六个月账单占信用额度比例高',
    en: 'Bills over six months were high relative to the credit limit',
  },
  paymentRatioLatest: {
    code: 'LOW_PAYMENT_RATIO',
    zh: '最近一期还款只覆盖上期账单的一小部分',
    en: 'Latest payment covered little of the previous bill',
  },
  paymentRatioAvg5m: {
    code: 'LOW_AVERAGE_PAYMENT_RATIO',
    zh: '近几个月还款只覆盖账单的一小部分',
    en: 'Recent payments covered little of the bills',
  },
  // NOTE: scorecard-v1 gives more points as bills rise; a retrained model whose billTrend6m
  // points fall with the value would need this text reversed.
  billTrend6m: {
    code: 'BILLS_FALLING',
    zh: '近六个月账单金额下降',
    en: 'Card bills fell over the last six months',
  },
  paymentLatest: {
    code: 'LOW_RECENT_PAYMENT',
    zh: '最近一期还款金额较低',
    en: 'Latest payment amount was low',
  },
  paymentPrevious: {
    code: 'LOW_PREVIOUS_PAYMENT',
    zh: '上一期还款金额较低',
    en: 'Payment the month before was low',
  },
  paymentAvg6m: {
    code: 'LOW_AVERAGE_PAYMENT',
    zh: '近六个月平均还款金额较低',
    en: 'Payments over six months were low',
  },
  limitBalance: {
    code: 'LOW_CREDIT_LIMIT',
    zh: '现有信用卡额度较低',
    en: 'Existing card credit limit is low',
  },
  age: {
    code: 'AGE_GROUP',
    zh: '所在年龄段的历史违约率较高',
    en: 'Age group has a higher historical default rate',
  },
  education: {
    code: 'EDUCATION_GROUP',
    zh: '所在学历组的历史违约率较高',
    en: 'Education group has a higher historical default rate',
  },
};

import type { FeatureName } from './features';

/** An adverse-action reason: a stable code and plain text in Chinese and English. */
export interface ReasonText {
  code: string;
  zh: string;
  en: string;
}

const text = (code: string, zh: string, en: string): ReasonText => ({ code, zh, en });

/** The six month-by-month repayment-status features, whose reason depends on the month's code. */
type StatusMonthFeature =
  | 'latestStatus'
  | 'previousStatus'
  | 'status3mAgo'
  | 'status4mAgo'
  | 'status5mAgo'
  | 'status6mAgo';

/** Every feature but the repayment-status months, which have no fixed reason text. */
type TextFeature = Exclude<FeatureName, StatusMonthFeature>;

/**
 * Reason text for each feature. A reason is given when the applicant's bin earns fewer points
 * than the feature's best bin. Where the text names a risky side, {@link RISKY_SIDES} records
 * it, and {@link featureReason} falls back to a neutral text when the fitted table or the
 * applicant's own value does not bear that side out. Month-by-month repayment status has no
 * entry: its text is built from {@link STATUS_MONTHS} by the applicant's code.
 */
export const REASON_TEXTS: Record<TextFeature, ReasonText> = {
  worstStatus6m: text(
    'LATE_PAYMENT_6M',
    '近六个月内有逾期还款',
    'A payment was late in the last six months',
  ),
  worstStatus3m: text(
    'LATE_PAYMENT_3M',
    '近三个月内有逾期还款',
    'A payment was late in the last three months',
  ),
  worstStatus2m: text(
    'LATE_PAYMENT_2M',
    '近两个月内有逾期还款',
    'A payment was late in the last two months',
  ),
  monthsLate6m: text(
    'MONTHS_LATE_6M',
    '近六个月内有逾期还款的月份',
    'Payments were late in one or more of the last six months',
  ),
  monthsLate3m: text(
    'MONTHS_LATE_3M',
    '近三个月内有逾期还款的月份',
    'Payments were late in one or more of the last three months',
  ),
  monthsLate2Plus6m: text(
    'SERIOUS_DELINQUENCY_6M',
    '近六个月内有两个月以上的逾期',
    'A payment was two or more months late in the last six months',
  ),
  monthsSinceLate: text('RECENT_DELINQUENCY', '距上次逾期时间较近', 'The last late payment was recent'),
  monthsInactive6m: text(
    'ACCOUNT_INACTIVE',
    '近六个月内账户使用情况不利',
    'Account use over the last six months adds risk',
  ),
  monthsPaidInFull6m: text(
    'FEW_MONTHS_PAID_IN_FULL',
    '近六个月内全额还款的月份较少',
    'Few bills were paid in full in the last six months',
  ),
  monthsRevolving6m: text(
    'REVOLVING_BALANCE',
    '近六个月内多次只还最低还款额',
    'Only the minimum was paid in several of the last six months',
  ),
  statusTrend: text('REPAYMENT_WORSENING', '近期还款情况变差', 'Repayment has worsened in recent months'),
  utilisationLatest: text(
    'HIGH_UTILISATION',
    '最近一期账单占信用额度比例不利',
    'Latest bill relative to the credit limit adds risk',
  ),
  utilisationPrevious: text(
    'PREVIOUS_UTILISATION',
    '上一期账单占信用额度比例不利',
    'Last month’s bill relative to the credit limit adds risk',
  ),
  utilisationAvg6m: text(
    'HIGH_AVERAGE_UTILISATION',
    '近六个月账单占信用额度比例高',
    'Bills over six months were high relative to the credit limit',
  ),
  utilisationMax6m: text(
    'HIGH_PEAK_UTILISATION',
    '近六个月最高账单占信用额度比例高',
    'The highest bill in six months was high relative to the credit limit',
  ),
  utilisationChange1m: text(
    'UTILISATION_CHANGE',
    '最近一个月账单金额变化不利',
    'The change in the bill over the last month adds risk',
  ),
  paymentRatioLatest: text(
    'LOW_PAYMENT_RATIO',
    '最近一期还款只覆盖上期账单的一小部分',
    'Latest payment covered little of the previous bill',
  ),
  paymentRatioPrevious: text(
    'LOW_PREVIOUS_PAYMENT_RATIO',
    '上一期还款只覆盖账单的一小部分',
    'The payment the month before covered little of its bill',
  ),
  paymentRatioAvg5m: text(
    'LOW_AVERAGE_PAYMENT_RATIO',
    '近几个月还款只覆盖账单的一小部分',
    'Recent payments covered little of the bills',
  ),
  paymentRatioMin5m: text(
    'LOW_MINIMUM_PAYMENT_RATIO',
    '近几个月中有一期还款远低于账单',
    'In one recent month the payment fell far short of the bill',
  ),
  monthsBillCovered5m: text(
    'FEW_BILLS_COVERED',
    '近几个月全额还清账单的次数较少',
    'Few recent bills were paid off in full',
  ),
  coveredStreak: text(
    'SHORT_FULL_PAYMENT_STREAK',
    '连续全额还清账单的期数较少',
    'The run of recent bills paid off in full is short',
  ),
  monthsZeroBill6m: text(
    'MONTHS_WITHOUT_BILL',
    '近六个月无账单的月份数不利',
    'The number of months without a bill adds risk',
  ),
  monthsZeroPayment6m: text(
    'MONTHS_WITHOUT_PAYMENT',
    '近六个月内多个月份没有还款',
    'No payment was made in several of the last six months',
  ),
  billTrend6m: text('BILLS_FALLING', '近六个月账单金额变化不利', 'The change in bills over six months adds risk'),
  paymentLatest: text('LOW_RECENT_PAYMENT', '最近一期还款金额较低', 'Latest payment amount was low'),
  paymentPrevious: text('LOW_PREVIOUS_PAYMENT', '上一期还款金额较低', 'Payment the month before was low'),
  paymentAvg6m: text('LOW_AVERAGE_PAYMENT', '近六个月平均还款金额较低', 'Payments over six months were low'),
  paymentToLimitLatest: text(
    'LOW_PAYMENT_TO_LIMIT',
    '最近一期还款金额相对额度较低',
    'Latest payment was small relative to the credit limit',
  ),
  paymentToLimit6m: text(
    'LOW_PAYMENTS_TO_LIMIT',
    '近六个月还款总额相对额度较低',
    'Payments over six months were small relative to the credit limit',
  ),
  balanceAfterPaymentRatio: text(
    'HIGH_BALANCE_AFTER_PAYMENT',
    '还款后剩余欠款占额度比例高',
    'The balance left after the latest payment is high relative to the limit',
  ),
  limitBalance: text('LOW_CREDIT_LIMIT', '现有信用卡额度较低', 'Existing card credit limit is low'),
  age: text('AGE_GROUP', '所在年龄段的历史违约率较高', 'Age group has a higher historical default rate'),
  education: text(
    'EDUCATION_GROUP',
    '所在学历组的历史违约率较高',
    'Education group has a higher historical default rate',
  ),
};

/** Short noun phrases for features that head or join an interaction reason, one per feature. */
const FEATURE_LABELS: Record<FeatureName, { zh: string; en: string }> = {
  latestStatus: { zh: '最近一期还款状态', en: 'latest repayment status' },
  previousStatus: { zh: '上一期还款状态', en: 'last month’s repayment status' },
  status3mAgo: { zh: '三个月前的还款状态', en: 'repayment status three months ago' },
  status4mAgo: { zh: '四个月前的还款状态', en: 'repayment status four months ago' },
  status5mAgo: { zh: '五个月前的还款状态', en: 'repayment status five months ago' },
  status6mAgo: { zh: '六个月前的还款状态', en: 'repayment status six months ago' },
  worstStatus6m: { zh: '近六个月最差还款状态', en: 'worst repayment status in six months' },
  worstStatus3m: { zh: '近三个月最差还款状态', en: 'worst repayment status in three months' },
  worstStatus2m: { zh: '近两个月最差还款状态', en: 'worst repayment status in two months' },
  monthsLate6m: { zh: '近六个月逾期月数', en: 'months late in six months' },
  monthsLate3m: { zh: '近三个月逾期月数', en: 'months late in three months' },
  monthsLate2Plus6m: { zh: '近六个月逾期两个月以上的月数', en: 'months two or more payments behind' },
  monthsSinceLate: { zh: '距最近一次逾期的月数', en: 'time since the last late payment' },
  monthsInactive6m: { zh: '无欠款的月份数', en: 'months without a balance' },
  monthsPaidInFull6m: { zh: '全额还款的月份数', en: 'months paid in full' },
  monthsRevolving6m: { zh: '只还最低还款额的月份数', en: 'months paying only the minimum' },
  statusTrend: { zh: '还款状态的变化趋势', en: 'repayment status trend' },
  utilisationLatest: { zh: '额度使用率', en: 'credit utilisation' },
  utilisationPrevious: { zh: '上月额度使用率', en: 'last month’s credit utilisation' },
  utilisationAvg6m: { zh: '近六个月平均额度使用率', en: 'average utilisation over six months' },
  utilisationMax6m: { zh: '近六个月最高额度使用率', en: 'peak utilisation over six months' },
  utilisationChange1m: { zh: '额度使用率的月度变化', en: 'change in utilisation' },
  paymentRatioLatest: { zh: '最近一期还款比例', en: 'share of the last bill repaid' },
  paymentRatioPrevious: { zh: '上一期还款比例', en: 'share of the bill before repaid' },
  paymentRatioAvg5m: { zh: '近五期总体还款比例', en: 'share of five bills repaid' },
  paymentRatioMin5m: { zh: '近五期最低还款比例', en: 'lowest share of a bill repaid' },
  monthsBillCovered5m: { zh: '足额还清账单的月份数', en: 'bills repaid in full' },
  coveredStreak: { zh: '连续足额还款的月份数', en: 'run of bills repaid in full' },
  monthsZeroBill6m: { zh: '无账单的月份数', en: 'months without a bill' },
  monthsZeroPayment6m: { zh: '未还款的月份数', en: 'months without a payment' },
  billTrend6m: { zh: '账单金额的变化趋势', en: 'bill trend' },
  paymentLatest: { zh: '最近一期还款金额', en: 'latest payment amount' },
  paymentPrevious: { zh: '上一期还款金额', en: 'previous payment amount' },
  paymentAvg6m: { zh: '近六个月平均还款金额', en: 'average payment over six months' },
  paymentToLimitLatest: { zh: '最近一期还款占额度的比例', en: 'latest payment against the limit' },
  paymentToLimit6m: { zh: '近六个月还款占额度的比例', en: 'six months of payments against the limit' },
  balanceAfterPaymentRatio: { zh: '还款后剩余欠款', en: 'balance left after payment' },
  limitBalance: { zh: '信用卡额度', en: 'card credit limit' },
  age: { zh: '年龄段', en: 'age group' },
  education: { zh: '学历组', en: 'education group' },
};

/**
 * Returns the reason text for points lost on a two-way characteristic: the combined text when
 * the applicant's row value shows risk of its own (a late status, a late month), else null.
 * Points a safe row loses cannot be put on either feature alone, so the next reason is given.
 */
export function interactionReasonFor(rowFeature: FeatureName, columnFeature: FeatureName, rowValue: number): ReasonText | null {
  return rowShowsRisk(rowFeature, rowValue) ? interactionReason(rowFeature, columnFeature) : null;
}

function rowShowsRisk(feature: FeatureName, value: number): boolean {
  if (isStatusMonth(feature)) return value >= 1;
  const check = FACT_CHECKS[feature];
  return check ? check(value) : true;
}

/**
 * Reason text for a two-way characteristic, built from the two features' labels, e.g.
 * "Latest repayment status combined with credit utilisation adds risk".
 */
export function interactionReason(rowFeature: FeatureName, columnFeature: FeatureName): ReasonText {
  const row = FEATURE_LABELS[rowFeature];
  const column = FEATURE_LABELS[columnFeature];
  const code = `${codeOf(rowFeature)}_WITH_${codeOf(columnFeature)}`;
  const en = `${capitalise(row.en)} combined with ${column.en} adds risk`;
  return { code, zh: `${row.zh}与${column.zh}的组合不利`, en };
}

/** The side of a feature's values that its reason text names as risky. */
export type RiskySide = 'high' | 'low';

/** Risky side named by each directional text in {@link REASON_TEXTS}; neutral texts are absent. */
export const RISKY_SIDES: Partial<Record<TextFeature, RiskySide>> = {
  monthsPaidInFull6m: 'low',
  monthsRevolving6m: 'high',
  statusTrend: 'high',
  utilisationAvg6m: 'high',
  utilisationMax6m: 'high',
  paymentRatioLatest: 'low',
  paymentRatioPrevious: 'low',
  paymentRatioAvg5m: 'low',
  paymentRatioMin5m: 'low',
  monthsBillCovered5m: 'low',
  coveredStreak: 'low',
  monthsZeroPayment6m: 'high',
  paymentLatest: 'low',
  paymentPrevious: 'low',
  paymentAvg6m: 'low',
  paymentToLimitLatest: 'low',
  paymentToLimit6m: 'low',
  balanceAfterPaymentRatio: 'high',
  limitBalance: 'low',
};

/**
 * Texts that state a late payment, a worsening or a missed payment, and the values for
 * which that is true of the applicant (status codes: n ≥ 1 is n months late).
 */
const FACT_CHECKS: Partial<Record<FeatureName, (value: number) => boolean>> = {
  worstStatus6m: (value) => value >= 1,
  worstStatus3m: (value) => value >= 1,
  worstStatus2m: (value) => value >= 1,
  monthsLate6m: (value) => value >= 1,
  monthsLate3m: (value) => value >= 1,
  monthsLate2Plus6m: (value) => value >= 1,
  monthsSinceLate: (value) => value < 6,
  statusTrend: (value) => value > 0,
  monthsZeroPayment6m: (value) => value >= 1,
};

/** Month of each repayment-status feature, as its reason texts name it. */
const STATUS_MONTHS: Record<StatusMonthFeature, { code: string; zh: string; en: string }> = {
  latestStatus: { code: 'LATEST', zh: '最近一期', en: 'the most recent bill' },
  previousStatus: { code: 'PREVIOUS', zh: '上一期', en: 'the bill a month earlier' },
  status3mAgo: { code: 'STATUS_3M_AGO', zh: '三个月前', en: 'the bill three months ago' },
  status4mAgo: { code: 'STATUS_4M_AGO', zh: '四个月前', en: 'the bill four months ago' },
  status5mAgo: { code: 'STATUS_5M_AGO', zh: '五个月前', en: 'the bill five months ago' },
  status6mAgo: { code: 'STATUS_6M_AGO', zh: '六个月前', en: 'the bill six months ago' },
};

function isStatusMonth(feature: FeatureName): feature is StatusMonthFeature {
  return Object.prototype.hasOwnProperty.call(STATUS_MONTHS, feature);
}

/** Position of an applicant's value in a feature's table. */
export interface ReasonPlacement {
  /** `bin` for an ordinary value range; `special` or `missing` for a bin of its own. */
  slot: 'bin' | 'special' | 'missing';
  /** Whether the fitted table's bad rate rises with the value; null for a single bin. */
  riskRisesWithValue: boolean | null;
}

/**
 * Returns the reason text for an applicant who lost points on a single feature, or null when
 * no true reason can be stated. A repayment-status month gives "late" for a code of 1 or
 * more, "minimum only" for 0, and no reason for paid in full or no balance. A text stating a
 * fact (a late payment, a missed payment) needs the applicant's value to show it. A text
 * naming a risky side turns neutral when the value sits in the missing bin or a special bin,
 * or when the table's risk runs the other way. A zero on the low side keeps its text.
 */
export function featureReason(feature: FeatureName, value: number, placement: ReasonPlacement): ReasonText | null {
  if (isStatusMonth(feature)) return statusMonthReason(STATUS_MONTHS[feature], value);
  const check = FACT_CHECKS[feature];
  if (check && !(Number.isFinite(value) && check(value))) return null;
  const side = RISKY_SIDES[feature];
  if (side === undefined) return REASON_TEXTS[feature];
  // Zero is the lowest value a payment, a payment ratio or a balance can take.
  if (placement.slot === 'special' && value === 0) return side === 'low' ? REASON_TEXTS[feature] : neutralReason(feature);
  const sideHolds = placement.riskRisesWithValue === (side === 'high');
  return placement.slot === 'bin' && sideHolds ? REASON_TEXTS[feature] : neutralReason(feature);
}

function statusMonthReason(month: { code: string; zh: string; en: string }, code: number): ReasonText | null {
  if (code >= 1) return text(`${month.code}_PAYMENT_LATE`, `${month.zh}账单还款逾期`, `Payment on ${month.en} was late`);
  if (code === 0) {
    return text(`${month.code}_MINIMUM_ONLY`, `${month.zh}账单只还了最低还款额`, `Only the minimum was paid on ${month.en}`);
  }
  return null;
}

/**
 * Returns a text that names the feature as a factor without a side, e.g. "Your peak
 * utilisation over six months lowered the score", so it claims nothing about the value.
 */
export function neutralReason(feature: FeatureName): ReasonText {
  const label = FEATURE_LABELS[feature];
  return text(`${codeOf(feature)}_RISK`, `“${label.zh}”这一项拉低了评分`, `Your ${label.en} lowered the score`);
}

/** UPPER_SNAKE code of a feature name, e.g. `utilisationMax6m` → `UTILISATION_MAX6M`. */
function codeOf(feature: FeatureName): string {
  return feature.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

function capitalise(phrase: string): string {
  return `${phrase[0].toUpperCase()}${phrase.slice(1)}`;
}

import { describe, expect, it } from 'vitest';
import {
  featureReason,
  interactionReason,
  interactionReasonFor,
  neutralReason,
  REASON_TEXTS,
} from '../../../core/scoring/reasons';

const rising = { slot: 'bin', riskRisesWithValue: true } as const;
const falling = { slot: 'bin', riskRisesWithValue: false } as const;

describe('featureReason', () => {
  it.each([
    [2, 'LATEST_PAYMENT_LATE', 'Payment on the most recent bill was late'],
    [1, 'LATEST_PAYMENT_LATE', 'Payment on the most recent bill was late'],
    [0, 'LATEST_MINIMUM_ONLY', 'Only the minimum was paid on the most recent bill'],
  ])('words latest status %i by its code', (code, reasonCode, en) => {
    const reason = featureReason('latestStatus', code, falling);
    expect(reason?.code).toBe(reasonCode);
    expect(reason?.en).toBe(en);
  });

  it.each([-1, -2])('gives no status reason for code %i', (code) => {
    expect(featureReason('status6mAgo', code, rising)).toBeNull();
  });

  it('states lateness only for a late applicant', () => {
    expect(featureReason('worstStatus6m', 0, rising)).toBeNull();
    expect(featureReason('worstStatus6m', 1, rising)).toEqual(REASON_TEXTS.worstStatus6m);
    expect(featureReason('monthsSinceLate', 6, falling)).toBeNull();
    expect(featureReason('monthsSinceLate', 2, falling)).toEqual(REASON_TEXTS.monthsSinceLate);
  });

  it('keeps a side text where the table agrees', () => {
    expect(featureReason('utilisationMax6m', 0.9, rising)).toEqual(REASON_TEXTS.utilisationMax6m);
    expect(featureReason('paymentLatest', 100, falling)).toEqual(REASON_TEXTS.paymentLatest);
  });

  it('goes neutral where the table disagrees', () => {
    const reason = featureReason('monthsRevolving6m', 0, falling);
    expect(reason?.code).toBe('MONTHS_REVOLVING6M_RISK');
    expect(reason?.en).toBe('Your months paying only the minimum lowered the score');
  });

  it('keeps a low text for a zero payment', () => {
    const reason = featureReason('paymentLatest', 0, { slot: 'special', riskRisesWithValue: true });
    expect(reason).toEqual(REASON_TEXTS.paymentLatest);
  });

  it('goes neutral for a special or missing value', () => {
    const special = featureReason('utilisationMax6m', 0, { slot: 'special', riskRisesWithValue: true });
    expect(special).toEqual(neutralReason('utilisationMax6m'));
    expect(special?.zh).toBe('“近六个月最高额度使用率”这一项拉低了评分');
    const missing = featureReason('paymentRatioLatest', Number.NaN, { slot: 'missing', riskRisesWithValue: false });
    expect(missing?.code).toBe('PAYMENT_RATIO_LATEST_RISK');
  });

  it('keeps neutral texts as they are', () => {
    expect(featureReason('utilisationLatest', 0, { slot: 'special', riskRisesWithValue: true })).toEqual(
      REASON_TEXTS.utilisationLatest,
    );
  });
});

describe('interactionReason', () => {
  it('codes the pair by feature names', () => {
    const reason = interactionReason('latestStatus', 'limitBalance');
    expect(reason.code).toBe('LATEST_STATUS_WITH_LIMIT_BALANCE');
    expect(reason.en).toBe('Latest repayment status combined with card credit limit adds risk');
    expect(reason.zh).toBe('最近一期还款状态与信用卡额度的组合不利');
  });
});

describe('interactionReasonFor', () => {
  it('gives the combined text for a late row', () => {
    const reason = interactionReasonFor('latestStatus', 'limitBalance', 2);
    expect(reason).toEqual(interactionReason('latestStatus', 'limitBalance'));
  });

  it.each([
    ['latestStatus', -1],
    ['latestStatus', 0],
    ['monthsLate2Plus6m', 0],
    ['monthsSinceLate', 6],
  ] as const)('gives no reason for a safe %s row', (rowFeature, rowValue) => {
    expect(interactionReasonFor(rowFeature, 'paymentAvg6m', rowValue)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { BehaviourProfile } from '../../../adapters/ports/credit-data';
import { deriveFeatures, FEATURE_NAMES } from '../../../core/scoring/features';

const base: BehaviourProfile = {
  limitBalance: 50_000,
  age: 30,
  education: 2,
  repaymentStatus: [2, 0, -1, -1, -2, 1],
  billAmounts: [25_000, 20_000, 10_000, 5_000, 0, 5_000],
  paymentAmounts: [4_000, 2_000, 1_000, 0, 500, 600],
};

describe('deriveFeatures', () => {
  it('returns every named feature', () => {
    expect(Object.keys(deriveFeatures(base)).sort()).toEqual([...FEATURE_NAMES].sort());
  });

  it('summarises repayment status', () => {
    const features = deriveFeatures(base);
    expect(features.latestStatus).toBe(2);
    expect(features.worstStatus6m).toBe(2);
    expect(features.worstStatus3m).toBe(2);
    expect(features.monthsLate6m).toBe(2);
    expect(features.monthsInactive6m).toBe(1);
    // (2 + 0 − 1) / 3 − (−1 − 2 + 1) / 3 = 1/3 + 2/3 = 1
    expect(features.statusTrend).toBeCloseTo(1, 12);
  });

  it('computes utilisation and payment ratios', () => {
    const features = deriveFeatures(base);
    expect(features.utilisationLatest).toBeCloseTo(0.5, 12);
    // mean bill 65,000 / 6 over a 50,000 limit
    expect(features.utilisationAvg6m).toBeCloseTo(65_000 / 6 / 50_000, 12);
    // September's payment of 4,000 against August's bill of 20,000
    expect(features.paymentRatioLatest).toBeCloseTo(0.2, 12);
    // payments 4,000+2,000+1,000+0+500 against bills 20,000+10,000+5,000+0+5,000
    expect(features.paymentRatioAvg5m).toBeCloseTo(7_500 / 40_000, 12);
    expect(features.billTrend6m).toBeCloseTo(20_000 / 50_000, 12);
    expect(features.paymentLatest).toBe(4_000);
    expect(features.paymentPrevious).toBe(2_000);
    expect(features.paymentAvg6m).toBeCloseTo(8_100 / 6, 12);
  });

  it('marks ratios over a zero previous bill as missing', () => {
    const profile = { ...base, billAmounts: [100, 0, 0, 0, 0, 0] };
    const features = deriveFeatures(profile);
    expect(Number.isNaN(features.paymentRatioLatest)).toBe(true);
    expect(Number.isNaN(features.paymentRatioAvg5m)).toBe(true);
  });

  it('marks ratios over a credit balance as missing', () => {
    const profile = { ...base, billAmounts: [100, -300, 0, 0, 0, 0] };
    expect(Number.isNaN(deriveFeatures(profile).paymentRatioLatest)).toBe(true);
  });

  it('marks utilisation with a zero limit as missing', () => {
    const features = deriveFeatures({ ...base, limitBalance: 0 });
    expect(Number.isNaN(features.utilisationLatest)).toBe(true);
    expect(Number.isNaN(features.utilisationAvg6m)).toBe(true);
    expect(Number.isNaN(features.billTrend6m)).toBe(true);
  });

  it('never returns an infinite value', () => {
    const zeros = [0, 0, 0, 0, 0, 0];
    const profile = { ...base, limitBalance: 0, billAmounts: zeros, paymentAmounts: zeros };
    for (const value of Object.values(deriveFeatures(profile))) {
      expect(value === Infinity || value === -Infinity).toBe(false);
    }
  });

  it('folds undocumented education codes into others', () => {
    for (const [code, expected] of [[0, 4], [1, 1], [3, 3], [4, 4], [5, 4], [6, 4]]) {
      expect(deriveFeatures({ ...base, education: code }).education).toBe(expected);
    }
  });

  it('rejects a series without six months', () => {
    expect(() => deriveFeatures({ ...base, billAmounts: [1, 2, 3] })).toThrow(
      'billAmounts must have 6 monthly values, got 3',
    );
  });

  it('counts months by repayment status', () => {
    // status [2, 0, −1, −1, −2, 1]
    const features = deriveFeatures(base);
    expect(features.previousStatus).toBe(0);
    expect(features.status6mAgo).toBe(1);
    expect(features.worstStatus2m).toBe(2);
    expect(features.monthsLate3m).toBe(1);
    expect(features.monthsLate2Plus6m).toBe(1);
    expect(features.monthsSinceLate).toBe(0);
    expect(features.monthsPaidInFull6m).toBe(2);
    expect(features.monthsRevolving6m).toBe(1);
  });

  it('marks a clean history as six months since late', () => {
    const features = deriveFeatures({ ...base, repaymentStatus: [-1, -1, 0, 0, -2, -1] });
    expect(features.monthsSinceLate).toBe(6);
    expect(features.monthsLate6m).toBe(0);
  });

  it('computes coverage of bills by payments', () => {
    // Pairs (payment t, bill t+1): 4,000/20,000, 2,000/10,000, 1,000/5,000, 0/0, 500/5,000.
    // Covered: only 0 against a bill of 0.
    const features = deriveFeatures(base);
    expect(features.paymentRatioPrevious).toBeCloseTo(0.2, 12);
    expect(features.paymentRatioMin5m).toBeCloseTo(0.1, 12);
    expect(features.monthsBillCovered5m).toBe(1);
    expect(features.coveredStreak).toBe(0);
    expect(features.monthsZeroBill6m).toBe(1);
    expect(features.monthsZeroPayment6m).toBe(1);
  });

  it('computes utilisation peaks and balances', () => {
    const features = deriveFeatures(base);
    expect(features.utilisationPrevious).toBeCloseTo(0.4, 12);
    expect(features.utilisationMax6m).toBeCloseTo(0.5, 12);
    expect(features.utilisationChange1m).toBeCloseTo(0.1, 12);
    expect(features.paymentToLimitLatest).toBeCloseTo(0.08, 12);
    expect(features.paymentToLimit6m).toBeCloseTo(8_100 / 50_000, 12);
    // (20,000 − 4,000) / 50,000
    expect(features.balanceAfterPaymentRatio).toBeCloseTo(0.32, 12);
  });
});

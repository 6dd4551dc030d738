import { describe, expect, it } from 'vitest';
import { creditLineFen, creditPolicy, DEFAULT_CREDIT_POLICY } from '../../core/scoring/policy';
import type { FeatureName } from '../../core/scoring/features';
import { interactionReason } from '../../core/scoring/reasons';
import { scoreProfile } from '../../core/scoring/scorecard';
import { scalingConstants } from '../../core/scoring/scaling';
import { deployedScorecard } from '../../services/deployed-scorecard';
import { loadTaiwanProfiles } from '../../scripts/lib/model-data';

const model = deployedScorecard();
const data = loadTaiwanProfiles();
const scores = data.profiles.map((profile) => scoreProfile(model, profile).displayScore);

describe('deployed scorecard-v3', () => {
  it('records version, date and training-data hash', () => {
    expect(model.version).toBe('scorecard-v3');
    expect(model.file.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(model.file.trainingDataSha256).toBe(data.sha256);
  });

  it('records cross-validated metrics', () => {
    const cv = model.file.metrics.crossValidation;
    expect(cv?.folds).toBe(5);
    expect(cv?.auc.mean).toBeGreaterThan(0.78);
    expect(cv?.ks.mean).toBeGreaterThan(0.43);
    expect(cv?.gini.mean).toBeCloseTo(2 * (cv?.auc.mean ?? 0) - 1, 3);
  });

  it('stores scaling consistent with its parameters', () => {
    const constants = scalingConstants(model.file.scaling);
    expect(model.file.scaling.factor).toBeCloseTo(constants.factor, 5);
    expect(model.file.scaling.offset).toBeCloseTo(constants.offset, 5);
  });

  it('stores the training score distribution', () => {
    const shares = model.file.scoreDistribution?.shares ?? [];
    expect(shares).toHaveLength(10);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  });

  it('declines a sensible share of applicants', () => {
    const declined = scores.filter((s) => s < DEFAULT_CREDIT_POLICY.declineBelowScore).length;
    const share = declined / scores.length;
    expect(share).toBeGreaterThan(0.12);
    expect(share).toBeLessThan(0.25);
  });

  it('declines riskier applicants than it approves', () => {
    let declined = 0;
    let declinedBads = 0;
    let approvedBads = 0;
    scores.forEach((score, i) => {
      if (score < DEFAULT_CREDIT_POLICY.declineBelowScore) {
        declined += 1;
        declinedBads += data.labels[i];
      } else {
        approvedBads += data.labels[i];
      }
    });
    const approved = scores.length - declined;
    expect(declinedBads / declined).toBeGreaterThan(2.5 * (approvedBads / approved));
  });

  it('words interaction reasons plainly', () => {
    for (const interaction of model.file.interactions ?? []) {
      const reason = interactionReason(interaction.rowFeature as FeatureName, interaction.columnFeature as FeatureName);
      expect(reason.zh, interaction.name).not.toMatch(/[A-Za-z]/);
      expect(reason.en, interaction.name).not.toMatch(/[a-z][A-Z]|\d/);
    }
  });

  it('blames lateness only on late payers', () => {
    const lateness = /PAYMENT_LATE$|LATE_PAYMENT|MONTHS_LATE|DELINQUENCY/;
    data.profiles.forEach((profile) => {
      if (profile.repaymentStatus.some((code) => code >= 1)) return;
      const codes = scoreProfile(model, profile).reasons.map((reason) => reason.code);
      expect(codes.filter((code) => lateness.test(code))).toEqual([]);
    });
  });

  it('gives every decline a reason', () => {
    data.profiles.forEach((profile, i) => {
      if (scores[i] >= DEFAULT_CREDIT_POLICY.declineBelowScore) return;
      expect(scoreProfile(model, profile).reasons.length, `profile ${i}`).toBeGreaterThan(0);
    });
  });

  it('names a risky side only where the value is on it', () => {
    data.profiles.forEach((profile) => {
      const codes = scoreProfile(model, profile).reasons.map((reason) => reason.code);
      if (Math.max(...profile.billAmounts) <= 0) expect(codes).not.toContain('HIGH_PEAK_UTILISATION');
      if (!profile.repaymentStatus.includes(0)) expect(codes).not.toContain('REVOLVING_BALANCE');
    });
  });

  it('keeps the 83 → 35,000 CNY line anchor', () => {
    expect(creditLineFen(83)).toBe(3_500_000);
    expect(creditPolicy(83).decision).toBe('approved');
  });
});

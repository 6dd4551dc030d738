import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_POLICY, creditPolicy } from '../../core/scoring/policy';
import { parseScorecard, scoreProfile } from '../../core/scoring/scorecard';
import { scalingConstants } from '../../core/scoring/scaling';
import modelJson from '../../model/scorecard-v1.json';
import { loadTaiwanProfiles } from '../../scripts/lib/model-data';

const model = parseScorecard(modelJson);
const data = loadTaiwanProfiles();

describe('committed scorecard', () => {
  it('records the hash of its training data', () => {
    expect(model.file.trainingDataSha256).toBe(data.sha256);
  });

  it('records holdout AUC and KS', () => {
    expect(model.file.metrics.holdoutAuc).toBeGreaterThan(0.75);
    expect(model.file.metrics.holdoutKs).toBeGreaterThan(0.38);
  });

  it('stores scaling consistent with its parameters', () => {
    const constants = scalingConstants(model.file.scaling);
    expect(model.file.scaling.factor).toBeCloseTo(constants.factor, 5);
    expect(model.file.scaling.offset).toBeCloseTo(constants.offset, 5);
  });

  it('has points monotone across bins', () => {
    for (const feature of model.file.features) {
      const points = feature.bins.map((bin) => bin.points);
      const rising = points.every((p, i) => i === 0 || p >= points[i - 1]);
      const falling = points.every((p, i) => i === 0 || p <= points[i - 1]);
      expect(rising || falling, feature.name).toBe(true);
    }
  });

  it('declines about a fifth of applicants', () => {
    const decisions = data.profiles.map((profile) =>
      creditPolicy(scoreProfile(model, profile).displayScore),
    );
    const declined = decisions.filter((d) => d.decision === 'declined').length;
    const share = declined / decisions.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.25);
  });

  it('declines riskier applicants than it approves', () => {
    let declinedBads = 0;
    let declined = 0;
    let approvedBads = 0;
    data.profiles.forEach((profile, i) => {
      const { displayScore } = scoreProfile(model, profile);
      if (displayScore < DEFAULT_CREDIT_POLICY.declineBelowScore) {
        declined += 1;
        declinedBads += data.labels[i];
      } else {
        approvedBads += data.labels[i];
      }
    });
    const approved = data.profiles.length - declined;
    expect(declinedBads / declined).toBeGreaterThan(2 * (approvedBads / approved));
  });
});

import { describe, expect, it } from 'vitest';
import type { BehaviourProfile } from '../../../adapters/ports/credit-data';
import { FEATURE_NAMES, type FeatureValues } from '../../../core/scoring/features';
import {
  MIN_REASON_POINTS,
  parseScorecard,
  scoreFeatures,
  scoreProfile,
} from '../../../core/scoring/scorecard';
import modelJson from '../../../model/scorecard-v1.json';
import modelV3Json from '../../../model/scorecard-v3.json';

const model = parseScorecard(modelJson);

/** Taiwan data row ID 1: two months late in each of the last two months, then paid. */
const delinquent: BehaviourProfile = {
  limitBalance: 20_000,
  age: 24,
  education: 2,
  repaymentStatus: [2, 2, -1, -1, -2, -2],
  billAmounts: [3_913, 3_102, 689, 0, 0, 0],
  paymentAmounts: [0, 689, 0, 0, 0, 0],
};

/** Taiwan data row ID 5 pattern, made cleaner: paid in full every month, high limit. */
const clean: BehaviourProfile = {
  limitBalance: 500_000,
  age: 45,
  education: 1,
  repaymentStatus: [-1, -1, -1, -1, -1, -1],
  billAmounts: [20_000, 18_000, 22_000, 15_000, 19_000, 17_000],
  paymentAmounts: [18_000, 22_000, 15_000, 19_000, 17_000, 16_000],
};

function clone(json: unknown): any {
  return JSON.parse(JSON.stringify(json));
}

describe('parseScorecard', () => {
  it('accepts the committed model', () => {
    expect(model.version).toBe('scorecard-v1');
    expect(model.characteristics.length).toBeGreaterThan(3);
  });

  it('rejects a non-object', () => {
    expect(() => parseScorecard('model')).toThrow(/Invalid scorecard file: \(root\)/);
  });

  it('rejects a missing intercept by name', () => {
    const broken = clone(modelJson);
    delete broken.intercept;
    expect(() => parseScorecard(broken)).toThrow(/intercept: /);
  });

  it('rejects an unknown feature name', () => {
    const broken = clone(modelJson);
    broken.features[0].name = 'maritalStatus';
    expect(() => parseScorecard(broken)).toThrow(/features\[0\]\.name: /);
  });

  it('rejects bins that leave a gap', () => {
    const broken = clone(modelJson);
    broken.features[0].bins[1].range[0] = 12_345;
    expect(() => parseScorecard(broken)).toThrow(
      /features\[0\]\.bins\[1\]\.range\[0\]: lower bound must be/,
    );
  });

  it('rejects a closed last bin', () => {
    const broken = clone(modelJson);
    const bins = broken.features[1].bins;
    bins[bins.length - 1].range[1] = 99;
    expect(() => parseScorecard(broken)).toThrow(/must be open-ended/);
  });

  it('rejects non-numeric points', () => {
    const broken = clone(modelJson);
    broken.features[0].bins[0].points = 'ten';
    expect(() => parseScorecard(broken)).toThrow(/features\[0\]\.bins\[0\]\.points: /);
  });

  it('rejects a malformed hash and date', () => {
    const broken = clone(modelJson);
    broken.trainingDataSha256 = 'abc';
    broken.createdAt = '2024-13-45';
    expect(() => parseScorecard(broken)).toThrow(/trainingDataSha256: must be 64 lowercase hex/);
    expect(() => parseScorecard(broken)).toThrow(/createdAt: /);
  });

  it('rejects inverted display anchors', () => {
    const broken = clone(modelJson);
    broken.displayScore.pointsAtHundred = broken.displayScore.pointsAtZero - 1;
    expect(() => parseScorecard(broken)).toThrow(/pointsAtHundred must be greater/);
  });
});

describe('scoreProfile', () => {
  it('scores a delinquent profile as risky', () => {
    const result = scoreProfile(model, delinquent);
    expect(result.probabilityOfDefault).toBeGreaterThan(0.4);
    expect(result.modelVersion).toBe('scorecard-v1');
  });

  it('gives reasons for a delinquent profile', () => {
    const result = scoreProfile(model, delinquent);
    const codes = result.reasons.map((reason) => reason.code);
    expect(codes).toContain('LATEST_PAYMENT_LATE');
    expect(result.reasons.length).toBeGreaterThanOrEqual(3);
    expect(result.reasons.length).toBeLessThanOrEqual(4);
    for (const reason of result.reasons) {
      expect(reason.zh.length).toBeGreaterThan(0);
      expect(reason.en.length).toBeGreaterThan(0);
      expect(reason.pointsBelowBest).toBeGreaterThanOrEqual(MIN_REASON_POINTS);
    }
    const losses = result.reasons.map((reason) => reason.pointsBelowBest);
    expect(losses).toEqual([...losses].sort((a, b) => b - a));
  });

  it('scores a clean profile above a delinquent one', () => {
    const good = scoreProfile(model, clean);
    const bad = scoreProfile(model, delinquent);
    expect(good.points).toBeGreaterThan(bad.points);
    expect(good.displayScore).toBeGreaterThan(bad.displayScore);
    expect(good.probabilityOfDefault).toBeLessThan(bad.probabilityOfDefault);
    expect(good.reasons.map((r) => r.code)).not.toContain('LATEST_PAYMENT_LATE');
  });

  it('returns an integer display score in 0–100', () => {
    for (const profile of [clean, delinquent]) {
      const { displayScore } = scoreProfile(model, profile);
      expect(Number.isInteger(displayScore)).toBe(true);
      expect(displayScore).toBeGreaterThanOrEqual(0);
      expect(displayScore).toBeLessThanOrEqual(100);
    }
  });

  it('sums bin points to the total', () => {
    const result = scoreProfile(model, delinquent);
    const { offset, factor } = model.constants;
    const pd = 1 / (1 + Math.exp((result.points - offset) / factor));
    expect(result.probabilityOfDefault).toBeCloseTo(pd, 12);
  });

  it('scores one profile within 50 µs', () => {
    const rounds = 20_000;
    for (let i = 0; i < 2_000; i += 1) scoreProfile(model, i % 2 ? clean : delinquent);
    const started = process.hrtime.bigint();
    for (let i = 0; i < rounds; i += 1) scoreProfile(model, i % 2 ? clean : delinquent);
    const microsEach = Number(process.hrtime.bigint() - started) / 1_000 / rounds;
    expect(microsEach).toBeLessThan(50);
  });
});

describe('scorecard-v3', () => {
  const v3 = parseScorecard(modelV3Json);

  it('parses with its interactions', () => {
    expect(v3.version).toBe('scorecard-v3');
    expect(v3.file.interactions?.length).toBeGreaterThan(0);
    expect(v3.characteristics.length).toBe(
      v3.file.features.length + (v3.file.interactions?.length ?? 0),
    );
  });

  it('rejects an interaction row that leaves a gap', () => {
    const broken = clone(modelV3Json);
    broken.interactions[0].rows[1].range[0] = 12_345;
    expect(() => parseScorecard(broken)).toThrow(
      /interactions\[0\]\.rows\[1\]\.range\[0\]: lower bound must be/,
    );
  });

  it('rejects a score distribution of the wrong length', () => {
    const broken = clone(modelV3Json);
    broken.scoreDistribution.shares.pop();
    expect(() => parseScorecard(broken)).toThrow(/scoreDistribution: shares must have one entry/);
  });

  it('rejects a missing version', () => {
    const broken = clone(modelV3Json);
    delete broken.version;
    expect(() => parseScorecard(broken)).toThrow(/version: /);
  });

  it('gives reasons in both languages for a decline', () => {
    const result = scoreProfile(v3, delinquent);
    expect(result.displayScore).toBeLessThan(40);
    expect(result.reasons.length).toBeGreaterThanOrEqual(1);
    expect(result.reasons.length).toBeLessThanOrEqual(4);
    for (const reason of result.reasons) {
      expect(reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(reason.en).toMatch(/^[A-Z]/);
      expect(reason.pointsBelowBest).toBeGreaterThanOrEqual(MIN_REASON_POINTS);
    }
    expect(result.reasons[0].feature).toMatch(/latestStatus|previousStatus|worstStatus/);
  });

  it('counts reason points against the best bin', () => {
    const result = scoreProfile(v3, delinquent);
    const reason = result.reasons[0];
    const characteristic = v3.characteristics.find((c) => c.name === reason.feature);
    expect(characteristic).toBeDefined();
    const losses = result.reasons.map((r) => r.pointsBelowBest);
    expect(losses).toEqual([...losses].sort((a, b) => b - a));
  });

  it('scores a clean profile above a delinquent one', () => {
    const good = scoreProfile(v3, clean);
    const bad = scoreProfile(v3, delinquent);
    expect(good.displayScore).toBeGreaterThan(bad.displayScore);
    expect(good.probabilityOfDefault).toBeLessThan(bad.probabilityOfDefault);
  });

  it('scores one profile within 50 µs', () => {
    const rounds = 20_000;
    for (let i = 0; i < 2_000; i += 1) scoreProfile(v3, i % 2 ? clean : delinquent);
    const started = process.hrtime.bigint();
    for (let i = 0; i < rounds; i += 1) scoreProfile(v3, i % 2 ? clean : delinquent);
    const microsEach = Number(process.hrtime.bigint() - started) / 1_000 / rounds;
    expect(microsEach).toBeLessThan(50);
  });
});

describe('special-value bins', () => {
  it('score a special value by its own points', () => {
    const file = clone(modelV3Json);
    const feature = file.features.find((f: { specials?: unknown[] }) => f.specials?.length);
    expect(feature).toBeDefined();
    feature.specials[0].points = 999;
    const scorecard = parseScorecard({ ...file, interactions: [], features: [feature] });
    const values = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 1])) as FeatureValues;
    values[feature.name as keyof FeatureValues] = feature.specials[0].value;
    expect(scoreFeatures(scorecard, values).points).toBe(999);
  });
});

import { describe, expect, it } from 'vitest';
import { parseScorecard, scoreFeatures } from '../../core/scoring/scorecard';
import { loadTaiwanProfiles } from '../../scripts/lib/model-data';
import { DEFAULT_TRAINING, rowValues, taiwanDataset, trainScorecard } from '../../scripts/lib/model-train';
import { binModelLogOdds } from '../../scripts/lib/model-engine';

const data = loadTaiwanProfiles();
const rows = data.profiles.map((_, i) => i).filter((i) => i % 10 === 3);
const profiles = rows.map((i) => data.profiles[i]);
const labels = rows.map((i) => data.labels[i]);
const options = {
  ...DEFAULT_TRAINING,
  folds: 2,
  engine: { ...DEFAULT_TRAINING.engine, l2Penalties: [30] },
  createdAt: '2024-06-01',
  target: 'default',
};
const startedMs = Date.now();
const result = trainScorecard(profiles, labels, data.sha256, options);
const elapsedMs = Date.now() - startedMs;

describe('trainScorecard', () => {
  it('loads the full dataset', () => {
    expect(data.profiles).toHaveLength(30_000);
    expect(data.labels.filter((label) => label === 1)).toHaveLength(6_636);
    expect(data.sha256).toBe('f7b7d22d1f8dd27dadb25d4b78d8a4ae7c441ab6cc12d1ea58c0efc54d4d1788');
  });

  it('trains on 3,000 rows with CV metrics', () => {
    expect(elapsedMs).toBeLessThan(20_000);
    const cv = result.file.metrics.crossValidation;
    expect(cv?.folds).toBe(2);
    expect(cv?.auc.mean).toBeGreaterThan(0.7);
    expect(cv?.ks.mean).toBeGreaterThan(0.3);
    expect(result.file.metrics.trainRows).toBe(3_000);
    expect(result.file.metrics.calibration).toHaveLength(10);
  });

  it('writes a file that parses', () => {
    expect(() => parseScorecard(result.file)).not.toThrow();
    expect(result.file.scoreDistribution?.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  });

  it('matches the core scorer to rounding', () => {
    const scorecard = parseScorecard(result.file);
    const dataset = taiwanDataset(profiles, labels, options);
    const { factor, offset } = scorecard.constants;
    for (let row = 0; row < 200; row += 1) {
      const points = scoreFeatures(scorecard, rowValues(dataset.columns, row)).points;
      const exact = offset - factor * binModelLogOdds(result.model, dataset.columns, row);
      // Each characteristic's points are rounded once, so the gap is at most k / 2.
      expect(Math.abs(points - exact)).toBeLessThanOrEqual(result.model.characteristics.length / 2);
    }
  });

  it('lowers points as risk rises', () => {
    // Bad rates are strictly monotone across the bins; points may tie where bins share a coefficient.
    const followsRisk = (bins: { points: number; eventRate: number }[]) => {
      const rising = bins[bins.length - 1].eventRate > bins[0].eventRate;
      return bins.every((bin, i) => i === 0 || (rising ? bin.points <= bins[i - 1].points : bin.points >= bins[i - 1].points));
    };
    for (const feature of result.file.features) {
      if (feature.binning !== 'monotone') continue;
      expect(followsRisk(feature.bins), feature.name).toBe(true);
    }
    for (const interaction of result.file.interactions ?? []) {
      if (interaction.columnBinning === 'categorical') continue;
      for (const row of interaction.rows) {
        if (row.bins.length > 1) expect(followsRisk(row.bins), interaction.name).toBe(true);
      }
    }
  });

  it('never uses sex or marital status', () => {
    const keys = Object.keys(data.profiles[0]).sort();
    expect(keys).toEqual([
      'age',
      'billAmounts',
      'education',
      'limitBalance',
      'paymentAmounts',
      'repaymentStatus',
    ]);
  });
});

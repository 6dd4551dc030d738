import { describe, expect, it } from 'vitest';
import { parseScorecard } from '../../core/scoring/scorecard';
import { loadTaiwanProfiles } from '../../scripts/lib/model-data';
import { DEFAULT_TRAINING, trainScorecard } from '../../scripts/lib/model-train';

const data = loadTaiwanProfiles();

describe('trainScorecard', () => {
  it('loads the full dataset', () => {
    expect(data.profiles).toHaveLength(30_000);
    expect(data.labels.filter((label) => label === 1)).toHaveLength(6_636);
    expect(data.sha256).toBe('f7b7d22d1f8dd27dadb25d4b78d8a4ae7c441ab6cc12d1ea58c0efc54d4d1788');
  });

  it('trains on 3,000 rows above AUC 0.70', () => {
    const rows = data.profiles.map((_, i) => i).filter((i) => i % 10 === 3);
    const startedMs = Date.now();
    const result = trainScorecard(
      rows.map((i) => data.profiles[i]),
      rows.map((i) => data.labels[i]),
      data.sha256,
      { ...DEFAULT_TRAINING, createdAt: '2024-06-01', target: 'default' },
    );
    expect(Date.now() - startedMs).toBeLessThan(20_000);
    expect(result.holdoutAuc).toBeGreaterThan(0.7);
    expect(result.holdoutKs).toBeGreaterThan(0.3);
    expect(result.file.metrics.trainRows).toBe(2_100);
    expect(result.file.metrics.holdoutRows).toBe(900);
    expect(() => parseScorecard(result.file)).not.toThrow();
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

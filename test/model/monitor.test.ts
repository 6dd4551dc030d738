import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../adapters/storage/sqlite-store';
import { deployedScorecard } from '../../services/deployed-scorecard';
import { CREDIT_DECISIONS_COLLECTION, driftReport, readLiveScores } from '../../scripts/lib/model-monitor';

const file = deployedScorecard().file;

/** Display scores that follow the training distribution: 1,000 rows spread by its shares. */
function scoresLikeTraining(): number[] {
  const distribution = file.scoreDistribution;
  if (!distribution) throw new Error('model has no score distribution');
  return distribution.shares.flatMap((share, i) =>
    Array(Math.round(share * 1_000)).fill(distribution.edges[i]),
  );
}

describe('driftReport', () => {
  it('calls the training distribution stable', () => {
    const report = driftReport(file, scoresLikeTraining());
    expect(report.level).toBe('stable');
    expect(report.psi).toBeLessThan(0.01);
  });

  it('flags scores piled in one bin as major drift', () => {
    const report = driftReport(file, Array(500).fill(5));
    expect(report.level).toBe('major');
    expect(report.psi).toBeGreaterThan(0.25);
  });

  it('reports no data for no decisions', () => {
    expect(driftReport(file, []).level).toBe('no data');
  });

  it('rejects a model without a score distribution', () => {
    const { scoreDistribution: _, ...bare } = file;
    expect(() => driftReport(bare, [50])).toThrow(/no scoreDistribution/);
  });
});

describe('readLiveScores', () => {
  it('pages through decisions of one model version', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    for (let i = 0; i < 250; i += 1) {
      await store.runTransaction((tx) =>
        tx.create(CREDIT_DECISIONS_COLLECTION, {
          _id: `cd_${String(i).padStart(4, '0')}`,
          displayScore: i % 100,
          modelVersion: i < 240 ? 'scorecard-v3' : 'scorecard-v2',
          reasons: i === 0 ? [{ code: 'NO_CREDIT_FILE' }] : [],
        }),
      );
    }
    const scores = await readLiveScores(store, 'scorecard-v3');
    expect(scores).toHaveLength(239);
    await store.close();
  });
});

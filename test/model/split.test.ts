import { describe, expect, it } from 'vitest';
import { stratifiedFolds, stratifiedSplit } from '../../scripts/lib/model-split';

describe('stratifiedSplit', () => {
  const labels = Array.from({ length: 1_000 }, (_, i) => (i % 5 === 0 ? 1 : 0));

  it('keeps the bad share in both parts', () => {
    const { train, holdout } = stratifiedSplit(labels, 0.7, 42);
    expect(train).toHaveLength(700);
    expect(holdout).toHaveLength(300);
    expect(train.filter((i) => labels[i] === 1)).toHaveLength(140);
    expect(holdout.filter((i) => labels[i] === 1)).toHaveLength(60);
  });

  it('uses every row exactly once', () => {
    const { train, holdout } = stratifiedSplit(labels, 0.7, 42);
    expect([...train, ...holdout].sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
  });

  it('repeats for the same seed', () => {
    expect(stratifiedSplit(labels, 0.7, 42)).toEqual(stratifiedSplit(labels, 0.7, 42));
    expect(stratifiedSplit(labels, 0.7, 42)).not.toEqual(stratifiedSplit(labels, 0.7, 43));
  });
});

describe('stratifiedFolds', () => {
  const labels = Array.from({ length: 1_000 }, (_, i) => (i % 5 === 0 ? 1 : 0));

  it('keeps the bad share in every fold', () => {
    const folds = stratifiedFolds(labels, 5, 42);
    for (let fold = 0; fold < 5; fold += 1) {
      const rows = labels.flatMap((_, i) => (folds[i] === fold ? [i] : []));
      expect(rows).toHaveLength(200);
      expect(rows.filter((i) => labels[i] === 1)).toHaveLength(40);
    }
  });

  it('repeats for the same seed', () => {
    expect(stratifiedFolds(labels, 5, 42)).toEqual(stratifiedFolds(labels, 5, 42));
    expect(stratifiedFolds(labels, 5, 42)).not.toEqual(stratifiedFolds(labels, 5, 43));
  });

  it('rejects fewer than two folds', () => {
    expect(() => stratifiedFolds(labels, 1, 42)).toThrow(/at least 2/);
  });
});

/** Returns a seeded pseudo-random generator in [0, 1) (mulberry32), so splits repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(indices: number[], random: () => number): number[] {
  const result = [...indices];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/**
 * Splits row indices into train and holdout sets, keeping each label's share the same in both.
 * Each label's rows are shuffled with the seed and the first round(trainFraction × count) go
 * to training.
 */
export function stratifiedSplit(
  labels: readonly number[],
  trainFraction: number,
  seed: number,
): { train: number[]; holdout: number[] } {
  const random = seededRandom(seed);
  const train: number[] = [];
  const holdout: number[] = [];
  for (const label of [...new Set(labels)].sort()) {
    const rows = labels.flatMap((value, index) => (value === label ? [index] : []));
    const shuffled = shuffle(rows, random);
    const trainCount = Math.round(trainFraction * shuffled.length);
    train.push(...shuffled.slice(0, trainCount));
    holdout.push(...shuffled.slice(trainCount));
  }
  return { train: train.sort((a, b) => a - b), holdout: holdout.sort((a, b) => a - b) };
}

/**
 * Assigns each row to one of k folds, keeping each label's share the same in every fold: each
 * label's rows are shuffled with the seed and dealt to folds 0, 1, …, k − 1 in turn. Returns
 * the fold number of every row.
 */
export function stratifiedFolds(labels: ArrayLike<number>, folds: number, seed: number): number[] {
  if (!Number.isInteger(folds) || folds < 2) {
    throw new RangeError(`folds must be an integer of at least 2, got ${folds}`);
  }
  const random = seededRandom(seed);
  const assignment = new Array<number>(labels.length).fill(0);
  const all = Array.from(labels);
  for (const label of [...new Set(all)].sort()) {
    const rows = all.flatMap((value, index) => (value === label ? [index] : []));
    shuffle(rows, random).forEach((row, position) => {
      assignment[row] = position % folds;
    });
  }
  return assignment;
}

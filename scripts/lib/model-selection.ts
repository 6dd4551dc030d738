/** Pearson correlation of two equal-length columns; 0 when either is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i += 1) {
    meanA += a[i] / n;
    meanB += b[i] / n;
  }
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let i = 0; i < n; i += 1) {
    covariance += (a[i] - meanA) * (b[i] - meanB);
    varianceA += (a[i] - meanA) ** 2;
    varianceB += (b[i] - meanB) ** 2;
  }
  return varianceA === 0 || varianceB === 0 ? 0 : covariance / Math.sqrt(varianceA * varianceB);
}

export interface Candidate {
  name: string;
  informationValue: number;
  /** The feature's WOE-transformed training column. */
  woeColumn: ArrayLike<number>;
}

export interface Selection {
  kept: string[];
  /** Reason each other feature was dropped, by name. */
  dropped: Record<string, string>;
}

/**
 * Selects features with information value ≥ minIv, walking them from highest IV down. A
 * feature whose WOE column correlates beyond maxCorrelation (in absolute value) with one
 * already selected is dropped, so of each correlated pair the one with more IV stays.
 */
export function selectFeatures(
  candidates: readonly Candidate[],
  minIv: number,
  maxCorrelation: number,
): Selection {
  const kept: Candidate[] = [];
  const dropped: Record<string, string> = {};
  const byIv = [...candidates].sort((a, b) => b.informationValue - a.informationValue);
  for (const candidate of byIv) {
    if (candidate.informationValue < minIv) {
      dropped[candidate.name] = `IV ${candidate.informationValue.toFixed(4)} < ${minIv}`;
      continue;
    }
    const clash = kept.find(
      (other) => Math.abs(pearson(other.woeColumn, candidate.woeColumn)) > maxCorrelation,
    );
    if (clash) {
      const r = pearson(clash.woeColumn, candidate.woeColumn).toFixed(3);
      dropped[candidate.name] = `|r| with ${clash.name} = ${r} > ${maxCorrelation}`;
      continue;
    }
    kept.push(candidate);
  }
  return { kept: kept.map((c) => c.name), dropped };
}

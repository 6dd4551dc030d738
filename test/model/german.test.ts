import { describe, expect, it } from 'vitest';
import { crossValidate } from '../../scripts/lib/model-cv';
import { GERMAN_FEATURES, germanDataset, loadGermanData } from '../../scripts/lib/model-german';

const data = loadGermanData();

describe('German credit mapping', () => {
  it('loads 1,000 rows with 300 bad', () => {
    expect(data.labels).toHaveLength(1_000);
    expect(Array.from(data.labels).filter((label) => label === 1)).toHaveLength(300);
  });

  it('reads codes as numbers', () => {
    // Row 1: checking_status A11, purpose A43, credit_amount 1169 over 6 months.
    expect(data.columns.checking_status[0]).toBe(11);
    expect(data.columns.purpose[0]).toBe(43);
    expect(data.columns.monthly_amount[0]).toBeCloseTo(1_169 / 6, 9);
  });

  it('never uses sex or marital status', () => {
    expect(GERMAN_FEATURES).not.toContain('personal_status_sex');
    expect(new Set(data.sex)).toEqual(new Set(['male', 'female']));
  });

  it('cross-validates above AUC 0.74', () => {
    const cv = crossValidate(germanDataset(data), 3, 42);
    const meanAuc = cv.folds.reduce((sum, fold) => sum + fold.auc, 0) / cv.folds.length;
    expect(meanAuc).toBeGreaterThan(0.74);
  });
});

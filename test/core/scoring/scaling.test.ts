import { describe, expect, it } from 'vitest';
import {
  oddsToPoints,
  pointsToProbability,
  scalingConstants,
} from '../../../core/scoring/scaling';

const constants = scalingConstants({ baseScore: 600, baseOdds: 50, pdo: 20 });

describe('scaling', () => {
  it('computes factor and offset', () => {
    // factor = 20 / ln 2 = 28.853901; offset = 600 − 28.853901 × ln 50 (3.912023) = 487.122876
    expect(constants.factor).toBeCloseTo(28.853901, 5);
    expect(constants.offset).toBeCloseTo(487.122876, 5);
  });

  it('gives the base score at the base odds', () => {
    expect(oddsToPoints(50, constants)).toBeCloseTo(600, 9);
  });

  it('adds PDO when the odds double', () => {
    expect(oddsToPoints(100, constants)).toBeCloseTo(620, 9);
    expect(oddsToPoints(25, constants)).toBeCloseTo(580, 9);
  });

  it('converts points back to probability of default', () => {
    // 600 points = odds 50:1, so PD = 1 / 51; the offset is odds 1:1, PD one half.
    expect(pointsToProbability(600, constants)).toBeCloseTo(1 / 51, 12);
    expect(pointsToProbability(constants.offset, constants)).toBeCloseTo(0.5, 12);
  });
});

import { describe, expect, it } from 'vitest';
import { informationValue, weightsOfEvidence } from '../../scripts/lib/model-woe';

// Two bins, 100 goods and 50 bads in all.
// Bin A: 30 goods, 10 bads → 0.30 of goods, 0.20 of bads
//   WOE = ln(0.30 / 0.20) = ln 1.5 = 0.405465
// Bin B: 70 goods, 40 bads → 0.70 of goods, 0.80 of bads
//   WOE = ln(0.70 / 0.80) = ln 0.875 = −0.133531
// IV = (0.30 − 0.20) × 0.405465 + (0.70 − 0.80) × (−0.133531)
//    = 0.040547 + 0.013353 = 0.053900
const table = [
  { goods: 30, bads: 10 },
  { goods: 70, bads: 40 },
];

describe('weight of evidence', () => {
  it('matches hand-computed values', () => {
    const [a, b] = weightsOfEvidence(table);
    expect(a).toBeCloseTo(0.405465, 6);
    expect(b).toBeCloseTo(-0.133531, 6);
  });

  it('computes information value', () => {
    expect(informationValue(table)).toBeCloseTo(0.0539, 6);
  });

  it('stays finite for a bin without bads', () => {
    // Bin with 20 goods, 0 bads gets 0.5 added to both: ln((20.5/100) / (0.5/50)) = ln 20.5
    const [woe] = weightsOfEvidence([
      { goods: 20, bads: 0 },
      { goods: 80, bads: 50 },
    ]);
    expect(woe).toBeCloseTo(Math.log(20.5), 9);
  });

  it('gives zero for a bin at the average rate', () => {
    const woes = weightsOfEvidence([
      { goods: 40, bads: 10 },
      { goods: 80, bads: 20 },
    ]);
    expect(woes[0]).toBeCloseTo(0, 12);
    expect(woes[1]).toBeCloseTo(0, 12);
  });
});

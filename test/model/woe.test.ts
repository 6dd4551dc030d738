import { describe, expect, it } from 'vitest';
import { DEFAULT_BINNING } from '../../scripts/lib/model-binning';
import { informationValue, weightsOfEvidence } from '../../scripts/lib/model-woe';
import { buildWoeTable, woeOf } from '../../scripts/lib/model-woe-table';

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

  it('gives zero for an empty bin', () => {
    const woes = weightsOfEvidence([
      { goods: 0, bads: 0 },
      { goods: 80, bads: 20 },
    ]);
    expect(woes[0]).toBe(0);
  });
});

describe('buildWoeTable', () => {
  // Value 0 (special): 10 goods, 10 bads. Value 1: 36 goods, 4 bads. Value 2: 28 goods, 12 bads.
  // Totals 74 goods, 26 bads.
  // WOE special = ln((10/74) / (10/26)) = ln(26/74)   = −1.045969
  // WOE bin 1   = ln((36/74) / (4/26))  = ln(936/296) =  1.151256
  // WOE bin 2   = ln((28/74) / (12/26)) = ln(728/888) = −0.198671
  // IV = (0.135135 − 0.384615)(−1.045969) + (0.486486 − 0.153846)(1.151256)
  //    + (0.378378 − 0.461538)(−0.198671) = 0.260948 + 0.382954 + 0.016522 = 0.660424
  const values = [...Array(20).fill(0), ...Array(40).fill(1), ...Array(40).fill(2)];
  const labels = [
    ...Array(10).fill(0), ...Array(10).fill(1),
    ...Array(36).fill(0), ...Array(4).fill(1),
    ...Array(28).fill(0), ...Array(12).fill(1),
  ];
  const table = buildWoeTable('x', values, labels, {
    ...DEFAULT_BINNING,
    minBinFraction: 0.05,
    specialValues: [0],
  });

  it('matches hand-computed WOE', () => {
    expect(table.specials[0].woe).toBeCloseTo(-1.045969, 6);
    expect(table.bins[0].woe).toBeCloseTo(1.151256, 6);
    expect(table.bins[1].woe).toBeCloseTo(-0.198671, 6);
  });

  it('matches hand-computed IV', () => {
    expect(table.informationValue).toBeCloseTo(0.660424, 5);
  });

  it('looks values up by bin', () => {
    expect(woeOf(table, 0)).toBeCloseTo(-1.045969, 6);
    expect(woeOf(table, 0.5)).toBeCloseTo(1.151256, 6);
    expect(woeOf(table, 7)).toBeCloseTo(-0.198671, 6);
    expect(woeOf(table, NaN)).toBe(0);
  });
});

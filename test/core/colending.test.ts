import { describe, expect, it } from 'vitest';
import { PLATFORM_MIN_SHARE_PPM, splitByWeights, splitInstallmentPrincipal, splitPrincipal } from '../../core/colending';
import { buildDrawSchedule } from '../../core/schedule';

describe('splitPrincipal', () => {
  it('splits 99.99 yuan 70/30 with the leftover fen to the platform', () => {
    // 9999 × 30% = 2999.7 and 9999 × 70% = 6999.3: the larger remainder (0.7) takes the fen.
    expect(splitPrincipal(9999, 700_000)).toEqual([3000, 6999]);
  });

  it('keeps the platform at 30% when rounding would not', () => {
    // 101 × 30% = 30.3 and 101 × 70% = 70.7: largest remainder gives [30, 71], which is
    // 29.7%; the platform is raised to ceil(30.3) = 31.
    expect(splitPrincipal(101, 700_000)).toEqual([31, 70]);
  });

  it('never lets the platform fall below 30%', () => {
    for (let principalFen = 1; principalFen <= 5_000; principalFen += 7) {
      for (const sharePpm of [0, 250_000, 500_000, 699_999, 700_000]) {
        const [platformFen, partnerFen] = splitPrincipal(principalFen, sharePpm);
        expect(platformFen + partnerFen).toBe(principalFen);
        expect(platformFen * 1_000_000).toBeGreaterThanOrEqual(principalFen * PLATFORM_MIN_SHARE_PPM);
      }
    }
  });

  it('rejects a partner share above 70%', () => {
    expect(() => splitPrincipal(10_000, 700_001)).toThrow(/70%/);
  });
});

describe('splitInstallmentPrincipal', () => {
  it('adds up to each funder share exactly', () => {
    const installments = buildDrawSchedule({
      principalFen: 1_234_500,
      dailyRatePpm: 500,
      drawDate: '2026-01-10',
      termMonths: 20,
      repaymentDay: 10,
    });
    const [platform, partner] = splitInstallmentPrincipal(installments, [370_351, 864_149]);
    expect(platform.reduce((sum, value) => sum + value, 0)).toBe(370_351);
    expect(partner.reduce((sum, value) => sum + value, 0)).toBe(864_149);
    installments.forEach((row, index) => expect(platform[index] + partner[index]).toBe(row.principalFen));
  });
});

describe('splitByWeights', () => {
  it('splits interest in proportion to exact accruals', () => {
    // 155 fen over exact accruals 4,650,000 and 10,850,000 micro-fen (30/70): 46.5 and 108.5;
    // equal remainders go to the earlier party.
    expect(splitByWeights(155, [4_650_000n, 10_850_000n])).toEqual([47, 108]);
  });

  it('returns zeros for zero weights and a zero amount', () => {
    expect(splitByWeights(0, [0, 0])).toEqual([0, 0]);
  });
});

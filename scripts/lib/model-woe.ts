/** Good and bad counts of one bin. */
export interface BinCounts {
  goods: number;
  bads: number;
}

/**
 * Weight of evidence of each bin, `ln((goods_i / totalGoods) / (bads_i / totalBads))`, so a
 * positive WOE means safer than average. A bin with no goods or no bads gets 0.5 added to
 * both counts to keep the logarithm finite. An empty bin gets 0, the population average.
 */
export function weightsOfEvidence(bins: readonly BinCounts[]): number[] {
  const totalGoods = bins.reduce((sum, bin) => sum + bin.goods, 0);
  const totalBads = bins.reduce((sum, bin) => sum + bin.bads, 0);
  return bins.map((bin) => {
    if (bin.goods + bin.bads === 0) return 0;
    const adjust = bin.goods === 0 || bin.bads === 0 ? 0.5 : 0;
    const goodShare = (bin.goods + adjust) / totalGoods;
    const badShare = (bin.bads + adjust) / totalBads;
    return Math.log(goodShare / badShare);
  });
}

/** Information value, `Σ (goods_i/totalGoods − bads_i/totalBads) × WOE_i`. */
export function informationValue(bins: readonly BinCounts[]): number {
  const totalGoods = bins.reduce((sum, bin) => sum + bin.goods, 0);
  const totalBads = bins.reduce((sum, bin) => sum + bin.bads, 0);
  const woes = weightsOfEvidence(bins);
  return bins.reduce(
    (sum, bin, index) => sum + (bin.goods / totalGoods - bin.bads / totalBads) * woes[index],
    0,
  );
}

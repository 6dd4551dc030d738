import { checkDrawAmount } from '../loan/borrow/amount';

const RANGE = (maxText: string) =>
  `借款金额需在 ¥500.00 至 ${maxText} 之间，且为 ¥100.00 的整数倍。`;

describe('checkDrawAmount', () => {
  it.each([
    ['500', 3_000_000, 50_000],
    ['10000', 3_000_000, 1_000_000],
    ['30,000', 3_000_000, 3_000_000],
    ['40000', 20_000_000, 4_000_000],
    [' 1200 ', 3_000_000, 120_000],
  ])('accepts %p yuan with %p fen available', (text, availableFen, amountFen) => {
    expect(checkDrawAmount(text, availableFen)).toEqual({ ok: true, amountFen });
  });

  it.each([
    ['', 3_000_000, '请输入借款金额。'],
    ['abc', 3_000_000, '借款金额请输入数字，例如 5000。'],
    ['-500', 3_000_000, '借款金额请输入数字，例如 5000。'],
    ['499', 3_000_000, RANGE('¥30,000.00')],
    ['550', 3_000_000, RANGE('¥30,000.00')],
    ['500.01', 3_000_000, RANGE('¥30,000.00')],
    ['40100', 20_000_000, RANGE('¥40,000.00')],
    ['30100', 3_000_000, '借款金额不能超过可用额度 ¥30,000.00。'],
    ['500', 40_000, '可用额度 ¥400.00 低于单笔最低借款 ¥500.00，暂不能借款。'],
  ])('rejects %p yuan with %p fen available', (text, availableFen, message) => {
    expect(checkDrawAmount(text, availableFen)).toEqual({ ok: false, message });
  });
});

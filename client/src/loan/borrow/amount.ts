import { LoanError } from '@core/errors';
import { parseYuan } from '@core/money';
import { AMOUNT_STEP_FEN, DRAW_MAX_FEN, DRAW_MIN_FEN, assertDrawFen } from '@core/limits';
import { formatMoney } from '../../services/format';

/** A checked draw amount: fen when valid, otherwise a message for the borrower. */
export type AmountCheck = { ok: true; amountFen: number } | { ok: false; message: string };

/**
 * Checks the typed amount (yuan) with the core's draw limits: 500–40,000 yuan, whole
 * hundreds, and never above the available line. Messages are in Chinese for the form.
 */
export function checkDrawAmount(input: string, availableFen: number): AmountCheck {
  if (input.trim() === '') return { ok: false, message: '请输入借款金额。' };
  let amountFen: number;
  try {
    amountFen = parseYuan(input, 'amountFen');
  } catch {
    return { ok: false, message: '借款金额请输入数字，例如 5000。' };
  }
  try {
    assertDrawFen(amountFen, availableFen);
  } catch (error) {
    if (!(error instanceof LoanError)) throw error;
    return { ok: false, message: drawAmountMessage(error, availableFen) };
  }
  return { ok: true, amountFen };
}

function drawAmountMessage(error: LoanError, availableFen: number): string {
  const maxFen = Math.min(DRAW_MAX_FEN, availableFen);
  if (maxFen < DRAW_MIN_FEN) {
    return `可用额度 ${formatMoney(availableFen)} 低于单笔最低借款 ${formatMoney(DRAW_MIN_FEN)}，暂不能借款。`;
  }
  if (error.code === 'LIMIT_EXCEEDED' && availableFen < DRAW_MAX_FEN) {
    return `借款金额不能超过可用额度 ${formatMoney(availableFen)}。`;
  }
  return (
    `借款金额需在 ${formatMoney(DRAW_MIN_FEN)} 至 ${formatMoney(maxFen)} 之间，` +
    `且为 ${formatMoney(AMOUNT_STEP_FEN)} 的整数倍。`
  );
}

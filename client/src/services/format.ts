import { formatYuan } from '@core/money';
import { formatPercent } from '@core/agreement';

/**
 * Formats integer fen as yuan for display: 1000000 → "¥10,000.00". Every amount on screen
 * goes through this one function, which delegates the arithmetic to the core's formatYuan.
 */
export function formatMoney(fen: number): string {
  return `¥${formatYuan(fen, { thousands: true })}`;
}

/**
 * Formats a daily rate in parts per million as a percentage with at least two decimals:
 * 500 → "0.05%", 275 → "0.0275%". Integer arithmetic only, so no rounding happens.
 */
export function formatDailyRate(dailyRatePpm: number): string {
  return formatPercent(dailyRatePpm, 4);
}

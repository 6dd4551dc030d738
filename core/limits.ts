import { LoanError } from './errors';
import { formatYuan } from './money';

/**
 * Product limits. Amounts are fen; a draw and a line move in steps of 100 yuan. A line
 * of 200,000 yuan is also the regulatory cap per household for internet consumer loans.
 */
export const CREDIT_LINE_MIN_FEN = 50_000;
export const CREDIT_LINE_MAX_FEN = 20_000_000;
export const DRAW_MIN_FEN = 50_000;
export const DRAW_MAX_FEN = 4_000_000;
export const AMOUNT_STEP_FEN = 10_000;
export const TERM_MONTHS_OPTIONS: readonly number[] = [5, 10, 20];
export const DAILY_RATE_MIN_PPM = 200;
export const DAILY_RATE_MAX_PPM = 500;
/** All-in APR cap: 24% a year, in basis points. */
export const APR_MAX_BPS = 2_400;

/** Throws LoanError unless a credit line is 500–200,000 yuan in multiples of 100 yuan. */
export function assertCreditLineFen(lineFen: number): void {
  const [minFen, maxFen] = [CREDIT_LINE_MIN_FEN, CREDIT_LINE_MAX_FEN];
  assertAmountInRange(lineFen, 'creditLineFen', 'Credit line', minFen, maxFen);
}

/**
 * Throws LoanError unless a draw is 500–40,000 yuan in multiples of 100 yuan and at most
 * `availableLineFen`. Exceeding a maximum is LIMIT_EXCEEDED, other faults INVALID_INPUT.
 */
export function assertDrawFen(drawFen: number, availableLineFen: number): void {
  assertAmountInRange(drawFen, 'principalFen', 'Draw amount', DRAW_MIN_FEN, DRAW_MAX_FEN);
  if (drawFen > availableLineFen) {
    throw new LoanError(
      'LIMIT_EXCEEDED',
      `Draw amount ${formatYuan(drawFen)} yuan exceeds the available line of ` +
        `${formatYuan(Math.max(0, availableLineFen))} yuan; choose a smaller amount.`,
      'principalFen',
      { availableLineFen },
    );
  }
}

/** Throws LoanError INVALID_INPUT unless the term is 5, 10 or 20 monthly installments. */
export function assertTermMonths(termMonths: number): void {
  if (!TERM_MONTHS_OPTIONS.includes(termMonths)) {
    throw new LoanError(
      'INVALID_INPUT',
      `Term must be ${TERM_MONTHS_OPTIONS.join(', ')} monthly installments; got ${termMonths}.`,
      'termMonths',
    );
  }
}

/** Throws LoanError INVALID_INPUT unless the daily rate is 200–500 ppm (0.02%–0.05%). */
export function assertDailyRatePpm(dailyRatePpm: number): void {
  const valid =
    Number.isInteger(dailyRatePpm) &&
    dailyRatePpm >= DAILY_RATE_MIN_PPM &&
    dailyRatePpm <= DAILY_RATE_MAX_PPM;
  if (!valid) {
    throw new LoanError(
      'INVALID_INPUT',
      `Daily rate must be a whole number from ${DAILY_RATE_MIN_PPM} to ${DAILY_RATE_MAX_PPM} ` +
        `parts per million; got ${dailyRatePpm}.`,
      'dailyRatePpm',
    );
  }
}

/** Throws LoanError LIMIT_EXCEEDED when an APR is above 24%. */
export function assertAprBps(aprBps: number): void {
  if (!(aprBps <= APR_MAX_BPS)) {
    throw new LoanError(
      'LIMIT_EXCEEDED',
      `APR ${(aprBps / 100).toFixed(2)}% is above the 24.00% cap; lower the rate.`,
      'dailyRatePpm',
      { aprBps },
    );
  }
}

function assertAmountInRange(
  amountFen: number,
  field: string,
  label: string,
  minFen: number,
  maxFen: number,
): void {
  const minYuan = formatYuan(minFen, { thousands: true });
  const maxYuan = formatYuan(maxFen, { thousands: true });
  const range = `${minYuan} to ${maxYuan} yuan`;
  if (!Number.isSafeInteger(amountFen) || amountFen < minFen) {
    throw new LoanError('INVALID_INPUT', `${label} must be ${range}; got ${amountFen} fen.`, field);
  }
  if (amountFen > maxFen) {
    const message = `${label} must be ${range}; got ${formatYuan(amountFen)} yuan.`;
    throw new LoanError('LIMIT_EXCEEDED', message, field);
  }
  if (amountFen % AMOUNT_STEP_FEN !== 0) {
    throw new LoanError(
      'INVALID_INPUT',
      `${label} must be a multiple of 100 yuan; got ${formatYuan(amountFen)} yuan.`,
      field,
    );
  }
}

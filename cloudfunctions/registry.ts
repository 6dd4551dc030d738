import type { CloudContext } from '../services/platform/caller';
import { main as account } from './account';
import { main as faceVerify } from './faceVerify';
import { main as creditLine } from './creditLine';
import { main as loanQuote } from './loanQuote';
import { main as draw } from './draw';
import { main as loans } from './loans';
import { main as repay } from './repay';
import { main as accrueDaily } from './accrueDaily';
import { main as autoDebitRetry } from './autoDebitRetry';

export type CloudFunctionMain = (event: unknown, context?: CloudContext) => Promise<unknown>;

/** Functions a signed-in mini-program user may call. */
export const USER_FUNCTIONS: Record<string, CloudFunctionMain> = {
  account,
  faceVerify,
  creditLine,
  loanQuote,
  draw,
  loans,
  repay,
};

/** Functions run by timer triggers, never by a user. */
export const TIMER_FUNCTIONS: Record<string, CloudFunctionMain> = { accrueDaily, autoDebitRetry };

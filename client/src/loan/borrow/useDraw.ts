import { useRef, useState } from 'react';
import type { DrawView, LoanQuote } from '@core/api';
import { drawLoan, fetchLoanDetail } from '../../services/api';
import { CloudError, messageOf } from '../../services/cloud-error';
import { newIdempotencyKey } from '../../services/idempotency';

/**
 * Phase of a draw: not sent, money moving, finished (active or cancelled), or failed. A
 * failure with `requote` set cannot be retried: the quote's terms or agreement are out of
 * date, so the borrower must fetch a new quote and accept its agreement.
 */
export type DrawPhase =
  | { phase: 'idle' }
  | { phase: 'sending' }
  | { phase: 'done'; draw: DrawView }
  | { phase: 'failed'; message: string; requote: boolean };

/** How often and how long to re-read a draw that is still disbursing. */
const POLL_INTERVAL_MS = 1500;
const POLL_ATTEMPTS = 20;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one draw with an idempotency key. The key is made when the borrower first confirms
 * a quote and kept for retries of that same quote, so a repeated tap or a retry after a
 * network failure never creates a second draw. A draw still disbursing is re-read until
 * it is active or cancelled. The draw carries the digest of the quote's loan agreement, which
 * the confirm screen shows and the borrower accepts before this is called. A second call
 * while one is in flight (a double tap) sends nothing.
 */
export function useDraw() {
  const [state, setState] = useState<DrawPhase>({ phase: 'idle' });
  const keyRef = useRef<{ quote: LoanQuote; key: string }>();
  const inFlightRef = useRef(false);

  const confirm = async (quote: LoanQuote) => {
    if (inFlightRef.current) return;
    inFlightRef.current = true;
    if (keyRef.current?.quote !== quote) {
      keyRef.current = { quote, key: newIdempotencyKey() };
    }
    setState({ phase: 'sending' });
    try {
      let draw = await drawLoan(quote.amountFen, quote.termMonths, keyRef.current.key, quote.agreement.digest);
      for (let attempt = 0; draw.status === 'disbursing' && attempt < POLL_ATTEMPTS; attempt += 1) {
        await wait(POLL_INTERVAL_MS);
        draw = await fetchLoanDetail(draw.drawId);
      }
      setState({ phase: 'done', draw });
    } catch (error) {
      const requote = error instanceof CloudError && error.field === 'agreementDigest';
      setState({ phase: 'failed', message: messageOf(error), requote });
    } finally {
      inFlightRef.current = false;
    }
  };

  const reset = () => setState({ phase: 'idle' });

  return { state, confirm, reset };
}

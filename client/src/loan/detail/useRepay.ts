import { useRef, useState } from 'react';
import type { RepaymentKind, RepaymentQuote, RepaymentView } from '@core/api';
import { payRepayment, quoteRepayment } from '../../services/api';
import { messageOf } from '../../services/cloud-error';
import { newIdempotencyKey } from '../../services/idempotency';

/** Steps of one repayment: quote today's amount, confirm it, pay, show the result. */
export type RepayStep =
  | { step: 'idle' }
  | { step: 'quoting'; kind: RepaymentKind }
  | { step: 'quoted'; quote: RepaymentQuote; error?: string }
  | { step: 'paying'; quote: RepaymentQuote }
  | { step: 'done'; repayment: RepaymentView }
  | { step: 'failed'; message: string };

/**
 * Repays a draw. The amount paid is exactly today's quoted amount, and one idempotency
 * key belongs to one quote, so retrying a confirmation never collects twice.
 */
export function useRepay(drawId: string, onPaid: (repayment: RepaymentView) => void) {
  const [state, setState] = useState<RepayStep>({ step: 'idle' });
  const keyRef = useRef<{ quote: RepaymentQuote; key: string }>();

  const start = async (kind: RepaymentKind) => {
    setState({ step: 'quoting', kind });
    try {
      setState({ step: 'quoted', quote: await quoteRepayment(drawId, kind) });
    } catch (error) {
      setState({ step: 'failed', message: messageOf(error) });
    }
  };

  const pay = async (quote: RepaymentQuote) => {
    if (keyRef.current?.quote !== quote) keyRef.current = { quote, key: newIdempotencyKey() };
    setState({ step: 'paying', quote });
    try {
      const repayment = await payRepayment(drawId, quote.kind, quote.amountFen, keyRef.current.key);
      setState({ step: 'done', repayment });
      if (repayment.status === 'succeeded') onPaid(repayment);
    } catch (error) {
      setState({ step: 'quoted', quote, error: messageOf(error) });
    }
  };

  const cancel = () => setState({ step: 'idle' });

  return { state, start, pay, cancel };
}

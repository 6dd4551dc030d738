import { View, Text, Button } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { CreditLineView, LoanQuote, TermMonths } from '@core/api';
import { AMOUNT_STEP_FEN, DRAW_MIN_FEN, TERM_MONTHS_OPTIONS } from '@core/limits';
import { quoteLoan } from '../../services/api';
import { messageOf } from '../../services/cloud-error';
import { formatMoney } from '../../services/format';
import { formatYuan } from '@core/money';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { checkDrawAmount } from './amount';

/** Writes an amount as the borrower would type it: 3000 for whole yuan, 3000.50 otherwise. */
function yuanInputText(amountFen: number): string {
  return amountFen % 100 === 0 ? String(amountFen / 100) : formatYuan(amountFen);
}

/** Amount label with the core's minimum draw and step in yuan: "借款金额（元，500 元起，100 元的整数倍）". */
const AMOUNT_LABEL = `借款金额（元，${yuanInputText(DRAW_MIN_FEN)} 元起，${yuanInputText(AMOUNT_STEP_FEN)} 元的整数倍）`;

interface BorrowFormProps {
  line: CreditLineView;
  /** Receives a fresh quote, or undefined when the amount or term changes after one. */
  onQuote: (quote: LoanQuote | undefined) => void;
  /** Amount and term to start from, such as those of the quote the borrower went back from. */
  initial?: { amountFen: number; termMonths: TermMonths };
  /** Quote the initial amount and term as soon as the form shows. */
  quoteOnMount?: boolean;
}

/** Amount (whole hundreds of yuan within the available line) and term, then a quote. */
export function BorrowForm({ line, onQuote, initial, quoteOnMount }: BorrowFormProps) {
  const [amountText, setAmountText] = useState(initial ? yuanInputText(initial.amountFen) : '');
  const [termMonths, setTermMonths] = useState<TermMonths>(
    initial?.termMonths ?? (TERM_MONTHS_OPTIONS[0] as TermMonths),
  );
  const [amountError, setAmountError] = useState<string>();
  const [quoting, setQuoting] = useState(false);
  const [failure, setFailure] = useState<string>();
  // Counts edits and requests, so a reply for an amount or term since changed is dropped.
  const requestRef = useRef(0);

  const changeAmount = (text: string) => {
    requestRef.current += 1;
    setAmountText(text);
    setAmountError(undefined);
    onQuote(undefined);
  };

  const chooseTerm = (term: TermMonths) => {
    requestRef.current += 1;
    setTermMonths(term);
    onQuote(undefined);
  };

  const checkOnBlur = () => {
    if (amountText === '') return;
    const check = checkDrawAmount(amountText, line.availableFen);
    setAmountError(check.ok ? undefined : check.message);
  };

  const requestQuote = async () => {
    const check = checkDrawAmount(amountText, line.availableFen);
    if (!check.ok) return setAmountError(check.message);
    requestRef.current += 1;
    const request = requestRef.current;
    setQuoting(true);
    setFailure(undefined);
    try {
      const quote = await quoteLoan(check.amountFen, termMonths);
      if (request === requestRef.current) onQuote(quote);
    } catch (error) {
      if (request === requestRef.current) setFailure(messageOf(error));
    } finally {
      setQuoting(false);
    }
    return undefined;
  };

  useEffect(() => {
    if (quoteOnMount) requestQuote();
    // Only on mount: later quotes follow the borrower's taps.
  }, []);

  return (
    <View className='card'>
      <Text className='muted'>可用额度 {formatMoney(line.availableFen)}</Text>
      <FormField
        id='borrow-amount'
        label={AMOUNT_LABEL}
        // 'digit' keeps a typed decimal point: 'number' drops it, so 600.0 would become 6000.
        type='digit'
        maxlength={8}
        placeholder='例如 5000'
        value={amountText}
        error={amountError}
        onChange={changeAmount}
        onBlur={checkOnBlur}
      />
      <Text className='field-label'>分期期数</Text>
      <View className='choices'>
        {TERM_MONTHS_OPTIONS.map((term) => (
          <View
            key={term}
            id={`borrow-term-${term}`}
            className={`choice ${term === termMonths ? 'choice-selected' : ''}`}
            onClick={() => chooseTerm(term as TermMonths)}
          >
            <Text>{term} 期</Text>
          </View>
        ))}
      </View>
      {failure ? <Notice kind='error' message={failure} /> : null}
      <Button
        className={`btn btn-secondary ${quoting ? 'btn-disabled' : ''}`}
        id='borrow-quote-button'
        loading={quoting}
        disabled={quoting || undefined}
        onClick={requestQuote}
      >
        查看还款计划
      </Button>
    </View>
  );
}

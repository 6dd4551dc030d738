import { View, Text, Button } from '@tarojs/components';
import { useState } from 'react';
import type { CreditLineView, LoanQuote, TermMonths } from '@core/api';
import { fetchCreditLine } from '../../services/api';
import { formatMoney } from '../../services/format';
import { useRemote } from '../../hooks/useRemote';
import { Screen } from '../../components/Screen';
import { RemoteView } from '../../components/RemoteView';
import { Notice } from '../../components/Notice';
import { BorrowForm } from './BorrowForm';
import { QuoteView } from './QuoteView';
import { DrawResult } from './DrawResult';
import { AgreementView } from './AgreementView';
import { useDraw } from './useDraw';

function BorrowFlow({ line }: { line: CreditLineView }) {
  const [quote, setQuote] = useState<LoanQuote>();
  const [confirming, setConfirming] = useState(false);
  const [accepted, setAccepted] = useState(false);
  // The form unmounts while the confirm screen shows, so its amount and term live here.
  const [formValues, setFormValues] = useState<{ amountFen: number; termMonths: TermMonths }>();
  const [quoteOnMount, setQuoteOnMount] = useState(false);
  const draw = useDraw();

  // Back to the form, which quotes the same amount and term again at once, because the old
  // quote's terms or agreement are out of date.
  const requote = () => {
    if (!quote) return;
    setFormValues({ amountFen: quote.amountFen, termMonths: quote.termMonths });
    setQuoteOnMount(true);
    setConfirming(false);
    setAccepted(false);
    setQuote(undefined);
    draw.reset();
  };

  if (draw.state.phase === 'sending') {
    return (
      <Text className='spinner-text' id='borrow-progress'>
        放款中，资金正在转入您的银行卡，请勿关闭页面…
      </Text>
    );
  }
  if (draw.state.phase === 'done') return <DrawResult draw={draw.state.draw} />;
  if (line.decision !== 'approved' || line.availableFen <= 0) {
    return <Notice kind='info' message='您当前没有可用额度，暂不能借款。' />;
  }
  if (confirming && quote) {
    return (
      <View className='card' id='borrow-confirm'>
        <Text className='card-title'>请核对借款信息</Text>
        <Text className='consent-text'>
          {`借款 ${formatMoney(quote.amountFen)}，分 ${quote.termMonths} 期，年化利率 ${quote.aprText}，`}
          {`还款总额 ${formatMoney(quote.totalRepaymentFen)}。款项将发放至您绑定的银行卡 ${quote.maskedBankCard}。`}
        </Text>
        <AgreementView
          agreement={quote.agreement}
          accepted={accepted}
          onToggle={() => setAccepted((previous) => !previous)}
        />
        {draw.state.phase === 'failed' ? (
          <Notice kind='error' message={draw.state.message} />
        ) : null}
        {draw.state.phase === 'failed' && draw.state.requote ? (
          <Button className='btn btn-primary' id='borrow-requote' onClick={requote}>
            重新查看还款计划
          </Button>
        ) : (
          <Button
            className={`btn btn-primary ${accepted ? '' : 'btn-disabled'}`}
            id='borrow-confirm-button'
            disabled={!accepted || undefined}
            onClick={() => {
              if (accepted) draw.confirm(quote);
            }}
          >
            {draw.state.phase === 'failed' ? '重试' : '确认借款'}
          </Button>
        )}
        <Button
          className='btn btn-secondary'
          onClick={() => {
            setFormValues({ amountFen: quote.amountFen, termMonths: quote.termMonths });
            setQuoteOnMount(false);
            setConfirming(false);
            setAccepted(false);
            draw.reset();
          }}
        >
          返回修改
        </Button>
      </View>
    );
  }
  return (
    <>
      <BorrowForm line={line} onQuote={setQuote} initial={formValues} quoteOnMount={quoteOnMount} />
      {quote ? (
        <>
          <QuoteView quote={quote} />
          <Button className='btn btn-primary' id='borrow-next' onClick={() => setConfirming(true)}>
            下一步：确认借款
          </Button>
        </>
      ) : null}
    </>
  );
}

/** Borrow: amount and term, the full schedule with the APR, confirmation, and the result. */
export default function BorrowPage() {
  const { state, reload } = useRemote(() => fetchCreditLine('show'));
  return (
    <Screen title='借钱'>
      <RemoteView state={state} onRetry={reload}>
        {(line) => <BorrowFlow line={line} />}
      </RemoteView>
    </Screen>
  );
}

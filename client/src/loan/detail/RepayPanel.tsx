import { View, Text, Button } from '@tarojs/components';
import type { LoanDetail, RepaymentQuote } from '@core/api';
import { formatMoney } from '../../services/format';
import { InfoRow } from '../../components/InfoRow';
import { Notice } from '../../components/Notice';
import type { RepayStep, useRepay } from './useRepay';

const KIND_TEXT = { due: '归还本期应还', payoff: '提前结清' } as const;

function QuoteConfirm({
  quote,
  error,
  repay,
}: {
  quote: RepaymentQuote;
  error?: string;
  repay: ReturnType<typeof useRepay>;
}) {
  return (
    <View className='card' id='repay-confirm'>
      <Text className='card-title'>
        {KIND_TEXT[quote.kind]}（{quote.businessDate}）
      </Text>
      <Text className='hero-amount' id='repay-amount'>
        {formatMoney(quote.amountFen)}
      </Text>
      <InfoRow label='本金' value={formatMoney(quote.principalFen)} />
      <InfoRow label='利息' value={formatMoney(quote.interestFen)} />
      <InfoRow label='罚息' value={formatMoney(quote.penaltyFen)} />
      <Text className='hint'>将从您绑定的银行卡扣款，金额以今日为准。</Text>
      {error ? <Notice kind='error' message={error} /> : null}
      <Button className='btn btn-primary' id='repay-pay' onClick={() => repay.pay(quote)}>
        确认还款 {formatMoney(quote.amountFen)}
      </Button>
      <Button className='btn btn-secondary' onClick={repay.cancel}>
        取消
      </Button>
    </View>
  );
}

/** Result of the last repayment attempt, if any. */
function RepayOutcome({ state }: { state: RepayStep }) {
  if (state.step === 'failed') return <Notice kind='error' message={state.message} />;
  if (state.step !== 'done') return null;
  const { repayment } = state;
  if (repayment.status === 'failed') {
    // The server's reason is a whole sentence that already states what to do next.
    const reason = repayment.failureReason ?? '扣款失败，请稍后重试。';
    return <Notice kind='error' message={`还款未成功：${reason}`} />;
  }
  const result = repayment.status === 'succeeded' ? '成功' : '处理中';
  return <Notice kind='success' message={`还款${result}：${formatMoney(repayment.amountFen)}。`} />;
}

/** Repayment actions of a loan detail: pay what is due, or pay the whole draw off today. */
export function RepayPanel({
  loan,
  repay,
}: {
  loan: LoanDetail;
  repay: ReturnType<typeof useRepay>;
}) {
  const { state } = repay;
  if (state.step === 'quoting') return <Text className='spinner-text'>正在计算今日应还金额…</Text>;
  if (state.step === 'paying')
    return (
      <Text className='spinner-text' id='repay-progress'>
        正在扣款，请稍候…
      </Text>
    );
  if (state.step === 'quoted')
    return <QuoteConfirm quote={state.quote} error={state.error} repay={repay} />;
  const outcome = <RepayOutcome state={state} />;
  if (loan.status !== 'active') return outcome;
  return (
    <View>
      {outcome}
      {loan.dueTodayFen > 0 ? (
        <Button className='btn btn-primary' id='repay-due' onClick={() => repay.start('due')}>
          归还本期 {formatMoney(loan.dueTodayFen)}
        </Button>
      ) : null}
      <Button className='btn btn-secondary' id='repay-payoff' onClick={() => repay.start('payoff')}>
        提前结清 {formatMoney(loan.payoffTodayFen)}
      </Button>
    </View>
  );
}

import { View, Text } from '@tarojs/components';
import type { LoanQuote } from '@core/api';
import { formatMoney } from '../../services/format';
import { InfoRow } from '../../components/InfoRow';
import { InstallmentTable } from '../../components/InstallmentTable';
import { RateSummary } from '../../components/RateSummary';

/** The quote before confirmation: APR first, then totals and every installment. */
export function QuoteView({ quote }: { quote: LoanQuote }) {
  return (
    <View className='card' id='borrow-quote'>
      <RateSummary aprText={quote.aprText} dailyRatePpm={quote.dailyRatePpm} />
      <InfoRow label='借款金额' value={formatMoney(quote.amountFen)} />
      <InfoRow label='期数' value={`${quote.termMonths} 期（每月 ${quote.repaymentDay} 日还款）`} />
      <InfoRow label='总利息' value={formatMoney(quote.totalInterestFen)} />
      <InfoRow label='还款总额' value={formatMoney(quote.totalRepaymentFen)} />
      <Text className='card-title'>还款计划</Text>
      <InstallmentTable installments={quote.installments} />
    </View>
  );
}

import { View, Text, Button } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { LoanSummary } from '@core/api';
import { listLoans } from '../../services/api';
import { formatMoney } from '../../services/format';
import { DRAW_STATUS_TEXT } from '../../services/loan-labels';
import { ROUTES } from '../../services/routes';
import { useRemote } from '../../hooks/useRemote';
import { Screen } from '../../components/Screen';
import { RemoteView } from '../../components/RemoteView';
import { InfoRow } from '../../components/InfoRow';

/**
 * Renders what the borrower pays next. For an overdue loan `nextDueFen` is what is due today,
 * penalty included, and `nextDueDate` is the missed due date, so no date is shown.
 */
function NextDueRow({ loan }: { loan: LoanSummary }) {
  if (loan.nextDueFen === undefined) return null;
  if (loan.overdue) {
    return (
      <InfoRow
        label='已逾期，今日应还'
        value={formatMoney(loan.nextDueFen)}
        valueClassName='status-overdue'
      />
    );
  }
  if (!loan.nextDueDate) return null;
  return <InfoRow label={`下期应还（${loan.nextDueDate}）`} value={formatMoney(loan.nextDueFen)} />;
}

function LoanCard({ loan }: { loan: LoanSummary }) {
  const open = () =>
    Taro.navigateTo({ url: `${ROUTES.loanDetail}?drawId=${encodeURIComponent(loan.drawId)}` });
  return (
    <View className='card loan-card' onClick={open}>
      <Text className='card-title'>
        {formatMoney(loan.principalFen)} · {DRAW_STATUS_TEXT[loan.status]}
        {loan.overdue ? <Text className='status-overdue'> 已逾期</Text> : null}
      </Text>
      <InfoRow label='借款日期' value={loan.drawDate} />
      <InfoRow label='剩余本金' value={formatMoney(loan.outstandingPrincipalFen)} />
      <NextDueRow loan={loan} />
      {loan.collecting ? <Text className='hint'>正在从银行卡扣款，金额稍后更新。</Text> : null}
      <Text className='link'>查看详情</Text>
    </View>
  );
}

function EmptyLoans() {
  return (
    <View className='card'>
      <Text className='card-title'>暂无借款</Text>
      <Text className='hint'>您还没有借过钱。借款后，每一笔的还款计划都会显示在这里。</Text>
      <Button className='btn btn-primary' onClick={() => Taro.navigateTo({ url: ROUTES.borrow })}>
        去借钱
      </Button>
    </View>
  );
}

/** Loans: every draw with its status, outstanding principal and next installment. */
export default function LoansPage() {
  const { state, reload } = useRemote(listLoans);
  useDidShow(() => {
    if (state.status !== 'loading') reload();
  });
  return (
    <Screen title='我的借款'>
      <RemoteView
        state={state}
        onRetry={reload}
        isEmpty={(loans) => loans.length === 0}
        renderEmpty={() => <EmptyLoans />}
      >
        {(loans) => loans.map((loan) => <LoanCard key={loan.drawId} loan={loan} />)}
      </RemoteView>
    </Screen>
  );
}

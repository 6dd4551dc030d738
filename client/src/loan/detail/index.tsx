import { View, Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AcceptedAgreement, LoanDetail, RepaymentView } from '@core/api';
import { businessDate } from '@core/dates';
import { fetchLoanDetail } from '../../services/api';
import { formatMoney } from '../../services/format';
import { DRAW_STATUS_TEXT } from '../../services/loan-labels';
import { useRemote } from '../../hooks/useRemote';
import { Screen } from '../../components/Screen';
import { RemoteView } from '../../components/RemoteView';
import { InfoRow } from '../../components/InfoRow';
import { Notice } from '../../components/Notice';
import { AgreementText } from '../../components/AgreementText';
import { InstallmentTable } from '../../components/InstallmentTable';
import { RateSummary } from '../../components/RateSummary';
import { RepayPanel } from './RepayPanel';
import { useRepay } from './useRepay';

/** Shows the accepted agreement's title, version and date, with its full text on request. */
function AgreementRow({ agreement }: { agreement: AcceptedAgreement }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <InfoRow
        label='借款合同'
        value={`《${agreement.title}》版本 ${agreement.version}，${businessDate(agreement.acceptedAt)} 同意`}
      />
      <Text className='link' id='loan-agreement-toggle' onClick={() => setOpen(!open)}>
        {open ? '收起合同' : '查看合同'}
      </Text>
      {open ? <AgreementText agreement={agreement} id='loan-agreement' /> : null}
    </>
  );
}

function DetailBody({ initial }: { initial: LoanDetail }) {
  const [loan, setLoan] = useState(initial);
  // After a payment the page keeps its result message and swaps in the updated loan.
  const refresh = async (repayment: RepaymentView) => {
    try {
      setLoan(repayment.loan ?? (await fetchLoanDetail(initial.drawId)));
    } catch (error) {
      console.error('could not refresh the loan after a payment', error);
    }
  };
  const repay = useRepay(loan.drawId, refresh);
  const overdueCount = loan.installments.filter((row) => row.status === 'overdue').length;
  return (
    <>
      <View className='card'>
        <Text className='card-title' id='loan-status'>
          {DRAW_STATUS_TEXT[loan.status]}
        </Text>
        <InfoRow label='借款金额' value={formatMoney(loan.principalFen)} />
        <InfoRow label='剩余本金' value={formatMoney(loan.outstandingPrincipalFen)} />
        <InfoRow label='借款日期' value={loan.drawDate} />
        <InfoRow label='收款银行卡' value={loan.maskedBankCard} />
        {loan.status === 'active' ? (
          <InfoRow
            label={`今日应还（${loan.businessDate}）`}
            value={formatMoney(loan.dueTodayFen)}
          />
        ) : null}
        {loan.status === 'active' ? (
          <InfoRow label='今日结清金额' value={formatMoney(loan.payoffTodayFen)} />
        ) : null}
        {overdueCount > 0 ? (
          <InfoRow label='逾期期数' value={`${overdueCount} 期`} valueClassName='status-overdue' />
        ) : null}
        {loan.cancelReason ? <InfoRow label='取消原因' value={loan.cancelReason} /> : null}
        {loan.collecting ? (
          <Notice kind='info' message='正在从银行卡扣款，结果稍后更新；扣款完成前不能再发起还款。' />
        ) : null}
        {loan.agreement ? <AgreementRow agreement={loan.agreement} /> : null}
        <RateSummary aprText={loan.aprText} dailyRatePpm={loan.dailyRatePpm} />
      </View>
      <RepayPanel loan={loan} repay={repay} />
      <View className='card'>
        <Text className='card-title'>还款计划</Text>
        <InstallmentTable installments={loan.installments} />
      </View>
    </>
  );
}

/** Loan detail: the schedule with paid, unpaid, overdue and penalty, and repayment. */
export default function LoanDetailPage() {
  const router = useRouter();
  const drawId = router.params.drawId ?? '';
  const { state, reload } = useRemote(() => fetchLoanDetail(drawId), [drawId]);
  return (
    <Screen title='借款详情'>
      <RemoteView state={state} onRetry={reload}>
        {(loan) => <DetailBody initial={loan} />}
      </RemoteView>
    </Screen>
  );
}

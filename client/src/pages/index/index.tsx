import { View, Text, Button } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { AccountStatus, CreditLineView, LoanSummary } from '@core/api';
import { fetchAccountStatus, fetchCreditLine, listLoans } from '../../services/api';
import { formatMoney } from '../../services/format';
import { ROUTES } from '../../services/routes';
import { useRemote } from '../../hooks/useRemote';
import { Screen } from '../../components/Screen';
import { RemoteView } from '../../components/RemoteView';
import { Notice } from '../../components/Notice';

interface HomeData {
  status: AccountStatus;
  line?: CreditLineView;
  /** True when a loan is overdue; false also when the loans list failed to load. */
  hasOverdue: boolean;
}

/**
 * Reports whether any of the borrower's loans is overdue. A failed loans list is logged and
 * treated as no overdue loan, so the rest of the home page still loads.
 */
async function checkOverdue(): Promise<boolean> {
  let loans: LoanSummary[];
  try {
    loans = await listLoans();
  } catch (error) {
    console.warn('home: loading the loans list failed, so no overdue notice is shown', error);
    return false;
  }
  return loans.some((loan) => loan.overdue);
}

async function loadHome(): Promise<HomeData> {
  const status = await fetchAccountStatus();
  if (!status.invited || status.stage !== 'credit_decided') {
    return { status, hasOverdue: false };
  }
  // Only a user with a credit decision can have loans, so only they need the list.
  const [line, hasOverdue] = await Promise.all([fetchCreditLine('show'), checkOverdue()]);
  return { status, line, hasOverdue };
}

const OVERDUE_MESSAGE = '您有逾期未还的借款，逾期会产生罚息，请尽快还款。';

const NEXT_STEP: Record<Exclude<AccountStatus['stage'], 'credit_decided'>, NextStep> = {
  new: { text: '开通借款账户，最高可借 20 万元', action: '立即开通', url: ROUTES.consent },
  identity_verified: {
    text: '账户已开通，完成人脸核验后即可获取额度',
    action: '去人脸核验',
    url: ROUTES.face,
  },
  face_verified: {
    text: '人脸核验已通过，查看您的借款额度',
    action: '获取额度',
    url: `${ROUTES.credit}?evaluate=1`,
  },
};

interface NextStep {
  text: string;
  action: string;
  url: string;
}

function go(url: string) {
  Taro.navigateTo({ url });
}

function LineCard({ line }: { line: CreditLineView }) {
  if (line.decision === 'declined') {
    return (
      <View className='card'>
        <Text className='card-title'>暂未获得额度</Text>
        <Text className='hint'>
          {line.reasons.map((reason) => reason.zh).join('；') || '综合评估未通过'}
        </Text>
        <Button className='btn btn-secondary' onClick={() => go(ROUTES.credit)}>
          查看详情
        </Button>
      </View>
    );
  }
  return (
    <View className='card'>
      <Text className='muted'>可借额度（元）</Text>
      <Text className='hero-amount'>{formatMoney(line.availableFen)}</Text>
      <Text className='hint'>
        总额度 {formatMoney(line.lineFen)} · 年化利率 {line.aprText}
      </Text>
      <Button className='btn btn-primary' onClick={() => go(ROUTES.borrow)}>
        借钱
      </Button>
      <Button className='btn btn-secondary' onClick={() => go(ROUTES.credit)}>
        额度详情
      </Button>
    </View>
  );
}

function HomeBody({ data }: { data: HomeData }) {
  const { status, line, hasOverdue } = data;
  if (!status.invited) {
    return (
      <Notice
        kind='info'
        message='微利贷目前仅对受邀用户开放，您暂未获得邀请。获得邀请后，这里会显示借款入口。'
      />
    );
  }
  if (status.stage !== 'credit_decided' || !line) {
    const next = NEXT_STEP[status.stage as keyof typeof NEXT_STEP];
    return (
      <View className='card'>
        <Text className='card-title'>{next.text}</Text>
        <Button className='btn btn-primary' onClick={() => go(next.url)}>
          {next.action}
        </Button>
      </View>
    );
  }
  return (
    <>
      {hasOverdue ? (
        <Notice
          kind='error'
          message={OVERDUE_MESSAGE}
          actionLabel='查看借款'
          onAction={() => go(ROUTES.loans)}
        />
      ) : null}
      <LineCard line={line} />
      <Button className='btn btn-secondary' onClick={() => go(ROUTES.loans)}>
        我的借款
      </Button>
    </>
  );
}

/** Home: the borrowing entry, which shows the available line or the next step to get one. */
export default function HomePage() {
  const { state, reload } = useRemote(loadHome);
  useDidShow(() => {
    if (state.status !== 'loading') reload();
  });
  return (
    <Screen title='微利贷'>
      <RemoteView state={state} onRetry={reload}>
        {(data) => <HomeBody data={data} />}
      </RemoteView>
      <Button className='btn btn-secondary' onClick={() => go(ROUTES.me)}>
        我的
      </Button>
    </Screen>
  );
}

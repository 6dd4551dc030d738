import { View, Text, Button } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { CreditLineView } from '@core/api';
import { businessDate } from '@core/dates';
import { fetchCreditLine } from '../../services/api';
import { formatMoney } from '../../services/format';
import { ROUTES } from '../../services/routes';
import { useRemote } from '../../hooks/useRemote';
import { Screen } from '../../components/Screen';
import { RemoteView } from '../../components/RemoteView';
import { InfoRow } from '../../components/InfoRow';
import { RateSummary } from '../../components/RateSummary';
import { Notice } from '../../components/Notice';

function Reasons({ line }: { line: CreditLineView }) {
  if (line.reasons.length === 0) return null;
  const title = line.decision === 'declined' ? '未获批的主要原因' : '影响额度的主要原因';
  return (
    <View className='card'>
      <Text className='card-title'>{title}</Text>
      {line.reasons.map((reason) => (
        <Text className='hint' key={reason.code}>
          · {reason.zh}
        </Text>
      ))}
    </View>
  );
}

function CreditBody({ line }: { line: CreditLineView }) {
  const approved = line.decision === 'approved';
  return (
    <>
      <View className='card'>
        <Text className='muted'>信用评分（0–100）</Text>
        <Text className='hero-amount'>{line.displayScore}</Text>
        {approved ? null : <Notice kind='info' message='很抱歉，本次评估暂未获得借款额度。' />}
      </View>
      {approved ? (
        <View className='card'>
          <InfoRow label='总额度' value={formatMoney(line.lineFen)} />
          <InfoRow label='已用额度' value={formatMoney(line.usedFen)} />
          <InfoRow label='可用额度' value={formatMoney(line.availableFen)} />
          <RateSummary aprText={line.aprText} dailyRatePpm={line.dailyRatePpm} />
        </View>
      ) : null}
      <Reasons line={line} />
      {approved && line.availableFen > 0 ? (
        <Button className='btn btn-primary' onClick={() => Taro.navigateTo({ url: ROUTES.borrow })}>
          去借钱
        </Button>
      ) : (
        <Button className='btn btn-secondary' onClick={() => Taro.reLaunch({ url: ROUTES.home })}>
          返回首页
        </Button>
      )}
      <Text className='hint'>
        评估日期 {businessDate(line.decidedAt)} · 模型版本 {line.modelVersion}
      </Text>
    </>
  );
}

/** Credit line: score, line, used and available, rates, and the reasons behind a decision. */
export default function CreditPage() {
  const router = useRouter();
  const action = router.params.evaluate === '1' ? 'evaluate' : 'show';
  const { state, reload } = useRemote(() => fetchCreditLine(action), [action]);
  return (
    <Screen title='我的额度'>
      <RemoteView state={state} onRetry={reload} loadingText='正在评估额度…'>
        {(line) => <CreditBody line={line} />}
      </RemoteView>
    </Screen>
  );
}

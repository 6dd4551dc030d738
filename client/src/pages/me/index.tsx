import { View, Text, Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AccountStatus } from '@core/api';
import { businessDate } from '@core/dates';
import { fetchAccountStatus } from '../../services/api';
import { CONSENT_SCREENS } from '../../services/consents';
import {
  FONT_SCALES,
  setFontScale,
  useFontScale,
  type FontScale,
} from '../../services/display-settings';
import { signOut } from '../../services/sign-out';
import { useRemote } from '../../hooks/useRemote';
import { Screen } from '../../components/Screen';
import { RemoteView } from '../../components/RemoteView';
import { InfoRow } from '../../components/InfoRow';
import { Notice } from '../../components/Notice';

const SCALE_LABELS: Record<FontScale, string> = { 1: '标准', 1.25: '大字', 1.5: '特大字' };

function consentTitle(kind: string): string {
  return CONSENT_SCREENS.find((screen) => screen.kind === kind)?.title ?? kind;
}

function AccountCard({ status }: { status: AccountStatus }) {
  if (status.stage === 'new') {
    return <Notice kind='info' message='您还没有开通借款账户。' />;
  }
  return (
    <>
      <View className='card'>
        <Text className='card-title'>账户信息</Text>
        <InfoRow label='姓名' value={status.maskedName ?? '—'} />
        <InfoRow label='身份证号' value={status.maskedIdNumber ?? '—'} />
        <InfoRow label='手机号码' value={status.maskedPhone ?? '—'} />
        <InfoRow label='银行卡' value={status.maskedBankCard ?? '—'} />
      </View>
      <View className='card'>
        <Text className='card-title'>已授权项目</Text>
        {status.consents.length === 0 ? <Text className='hint'>暂无授权记录。</Text> : null}
        {status.consents.map((consent) => (
          <InfoRow
            key={consent.kind}
            label={consentTitle(consent.kind)}
            value={`版本 ${consent.version} · ${businessDate(consent.acceptedAt)} 同意`}
          />
        ))}
      </View>
    </>
  );
}

function FontScaleChoice() {
  const scale = useFontScale();
  return (
    <View className='card'>
      <Text className='card-title'>字体大小（适老化）</Text>
      <View className='choices'>
        {FONT_SCALES.map((option) => (
          <View
            key={option}
            id={`font-scale-${option * 100}`}
            className={`choice ${option === scale ? 'choice-selected' : ''}`}
            onClick={() => setFontScale(option)}
          >
            <Text>{SCALE_LABELS[option]}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

/** Me: masked card and phone, recorded consents, font size, and sign-out. */
export default function MePage() {
  const { state, reload } = useRemote(fetchAccountStatus);
  const confirmSignOut = () => {
    Taro.showModal({ title: '退出登录', content: '确定退出吗？' }).then(
      ({ confirm }) => confirm && signOut(),
      () => signOut(),
    );
  };
  return (
    <Screen title='我的'>
      <RemoteView state={state} onRetry={reload}>
        {(status) => <AccountCard status={status} />}
      </RemoteView>
      <FontScaleChoice />
      <Button className='btn btn-danger' id='me-sign-out' onClick={confirmSignOut}>
        退出登录
      </Button>
    </Screen>
  );
}

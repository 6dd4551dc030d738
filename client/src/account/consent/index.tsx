import { View, Text, Button } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CONSENT_VERSIONS } from '@core/api';
import { CONSENT_SCREENS } from '../../services/consents';
import { acceptConsent } from '../../services/account-draft';
import { ROUTES } from '../../services/routes';
import { Screen } from '../../components/Screen';
import { AccountGate } from '../AccountGate';

/** Reads the `step` query parameter, falling back to the first screen. */
function stepOf(raw: string | undefined): number {
  const step = Number(raw);
  return Number.isInteger(step) && step >= 0 && step < CONSENT_SCREENS.length ? step : 0;
}

/**
 * Shows one consent per screen. Accepting moves to the next consent, then to the form. An
 * account that is already open skips the consents and goes on to its next step.
 */
export default function ConsentPage() {
  const router = useRouter();
  const step = stepOf(router.params.step);
  const screen = CONSENT_SCREENS[step];

  const accept = () => {
    acceptConsent(screen.kind);
    const next = step + 1;
    const url =
      next < CONSENT_SCREENS.length ? `${ROUTES.consent}?step=${next}` : ROUTES.openAccount;
    Taro.redirectTo({ url });
  };

  return (
    <Screen title={screen.title}>
      <AccountGate>
        {() => (
          <>
            <Text className='muted'>
              第 {step + 1} / {CONSENT_SCREENS.length} 项授权 · 版本 {CONSENT_VERSIONS[screen.kind]}
            </Text>
            <View className='card'>
              <Text className='consent-text'>{screen.body}</Text>
            </View>
            <Button className='btn btn-primary' onClick={accept}>
              同意并继续
            </Button>
            <Button
              className='btn btn-secondary'
              onClick={() => Taro.reLaunch({ url: ROUTES.home })}
            >
              不同意，返回首页
            </Button>
          </>
        )}
      </AccountGate>
    </Screen>
  );
}

import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, type ReactNode } from 'react';
import type { AccountStage } from '@core/api';
import { fetchAccountStatus } from '../services/api';
import { ROUTES } from '../services/routes';
import { useRemote } from '../hooks/useRemote';
import { RemoteView } from '../components/RemoteView';

/** Page that continues the journey of an account that is already open, by its stage. */
export const NEXT_STEP_URL: Record<Exclude<AccountStage, 'new'>, string> = {
  identity_verified: ROUTES.face,
  face_verified: `${ROUTES.credit}?evaluate=1`,
  credit_decided: ROUTES.credit,
};

function RedirectToNextStep({ stage }: { stage: Exclude<AccountStage, 'new'> }) {
  useEffect(() => {
    Taro.redirectTo({ url: NEXT_STEP_URL[stage] });
  }, [stage]);
  return <Text className='spinner-text'>账户已开通，正在前往下一步…</Text>;
}

/**
 * Loads the account status and renders `children` only while the account is still new.
 * An opened account (for example after a reload of an account-opening page) replaces
 * this page with its next step.
 */
export function AccountGate({ children }: { children: () => ReactNode }) {
  const { state, reload } = useRemote(fetchAccountStatus);
  return (
    <RemoteView state={state} onRetry={reload}>
      {(status) =>
        status.stage === 'new' ? children() : <RedirectToNextStep stage={status.stage} />
      }
    </RemoteView>
  );
}

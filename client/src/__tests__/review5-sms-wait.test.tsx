import { act, render, screen, fireEvent } from '@testing-library/react';
import { CloudError } from '../services/cloud-error';
import OpenAccountPage from '../account/open/index';
import { acceptConsent, clearConsents } from '../services/account-draft';
import { onCloud, pending, resetCloudDouble, cloudCalls } from '../../test/support/cloud-double';
import { resetTaroDouble } from '../../test/support/taro-double';
import { newUser } from '../../test/support/fixtures';

jest.mock('../services/cloud', () => require('../../test/support/cloud-double'));

const HOUR_SECONDS = 3600;

beforeEach(() => {
  resetCloudDouble();
  resetTaroDouble();
  clearConsents();
  for (const kind of ['identity', 'biometrics', 'creditQuery', 'automatedDecision'] as const) acceptConsent(kind);
});

afterEach(() => {
  jest.useRealTimers();
});

function sendCodeCalls() {
  return cloudCalls.filter((call) => call.data.action === 'sendCode');
}

/** Renders the form and taps "get code" into a rate limit of `retryAfterSeconds`. */
async function rateLimited(retryAfterSeconds: number) {
  onCloud('account', (data) => {
    if (data.action === 'status') return newUser;
    if (data.action === 'sendCode') {
      throw new CloudError('RATE_LIMITED', '今日验证码发送次数已达上限，请 5 小时后再试。', 'phone', 'r1', {
        reason: '今日验证码发送次数已达上限，',
        retryAfterSeconds,
      });
    }
    return pending();
  });
  render(<OpenAccountPage />);
  await screen.findByText('提交开户');
  const phone = document.querySelector('#open-phone input, input#open-phone') as HTMLInputElement;
  fireEvent.input(phone, { target: { value: '13087354852' } });
  fireEvent.blur(phone);
  fireEvent.click(screen.getByText('获取验证码'));
  await screen.findByText('今日验证码发送次数已达上限，请在按钮倒计时结束后再获取验证码。');
}

describe('SMS wait of hours', () => {
  it('labels a five-hour wait in hours', async () => {
    jest.useFakeTimers();
    await rateLimited(5 * HOUR_SECONDS);
    expect(screen.getByText('5 小时后可重发')).toBeTruthy();
    fireEvent.click(screen.getByText('5 小时后可重发'));
    expect(sendCodeCalls()).toHaveLength(1);
  });

  // A mini-program's timers stop while it is in the background, but the server's wait runs
  // on: after four hours away, one hour is left whatever the timers did.
  it('counts the wait from the clock', async () => {
    jest.useFakeTimers();
    await rateLimited(5 * HOUR_SECONDS);
    jest.setSystemTime(Date.now() + 4 * HOUR_SECONDS * 1000);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1_000);
    });
    expect(screen.getByText('60 分钟后可重发')).toBeTruthy();
  });

  it('allows a resend once the wait is over', async () => {
    jest.useFakeTimers();
    await rateLimited(2 * HOUR_SECONDS);
    jest.setSystemTime(Date.now() + 2 * HOUR_SECONDS * 1000);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1_000);
    });
    expect(screen.getByText('获取验证码')).toBeTruthy();
  });
});

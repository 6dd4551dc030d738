import { act, render, screen, fireEvent, waitFor } from '@testing-library/react';
import { CloudError } from '../services/cloud-error';
import { CONSENT_VERSIONS } from '../../../core/api';
import ConsentPage from '../account/consent/index';
import OpenAccountPage from '../account/open/index';
import { checkField } from '../account/open/form-state';
import { acceptConsent, clearConsents } from '../services/account-draft';
import { onCloud, pending, resetCloudDouble, cloudCalls } from '../../test/support/cloud-double';
import { navigation, resetTaroDouble, routeParams } from '../../test/support/taro-double';
import { newUser } from '../../test/support/fixtures';

jest.mock('../services/cloud', () => require('../../test/support/cloud-double'));

const PERSON = {
  name: '沈志',
  idNumber: '110108196804248343',
  cardNumber: '6228482272846313255',
  phone: '13087354852',
};

beforeEach(() => {
  resetCloudDouble();
  resetTaroDouble();
  clearConsents();
});

function acceptAllConsents() {
  for (const kind of ['identity', 'biometrics', 'creditQuery', 'automatedDecision'] as const) {
    acceptConsent(kind);
  }
}

function type(field: string, value: string) {
  const input = document.querySelector(
    `#open-${field} input, input#open-${field}`,
  ) as HTMLInputElement;
  fireEvent.input(input, { target: { value } });
  fireEvent.blur(input);
}

describe('consent screens', () => {
  it.each([
    ['0', '个人身份信息处理授权', '/account/consent/index?step=1'],
    ['1', '人脸信息处理授权', '/account/consent/index?step=2'],
    ['2', '征信及信用信息查询授权', '/account/consent/index?step=3'],
    ['3', '自动化决策说明', '/account/open/index'],
  ])('step %s shows one consent and moves on', async (step, title, next) => {
    onCloud('account', () => newUser);
    routeParams.step = step;
    render(<ConsentPage />);
    expect(await screen.findByText(title)).toBeTruthy();
    fireEvent.click(screen.getByText('同意并继续'));
    expect(navigation).toEqual([{ method: 'redirectTo', url: next }]);
  });

  it('returns home when a consent is declined', async () => {
    onCloud('account', () => newUser);
    render(<ConsentPage />);
    fireEvent.click(await screen.findByText('不同意，返回首页'));
    expect(navigation).toEqual([{ method: 'reLaunch', url: '/pages/index/index' }]);
  });

  it.each([
    ['identity_verified', '/account/face/index'],
    ['face_verified', '/loan/credit/index?evaluate=1'],
    ['credit_decided', '/loan/credit/index'],
  ] as const)('skips the consents of a %s account', async (stage, next) => {
    onCloud('account', () => ({ ...newUser, stage }));
    routeParams.step = '0';
    render(<ConsentPage />);
    await waitFor(() => expect(navigation).toEqual([{ method: 'redirectTo', url: next }]));
    expect(screen.queryByText('同意并继续')).toBeNull();
  });

  it('shows the status error with a retry', async () => {
    onCloud('account', () => {
      throw new CloudError('NETWORK_ERROR', '网络连接失败，请检查网络后重试。');
    });
    render(<ConsentPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试。')).toBeTruthy();
    expect(screen.queryByText('同意并继续')).toBeNull();
  });
});

type AccountHandler = (data: Record<string, unknown>) => unknown;

/** Returns a new account for the status request and passes other account actions to `handler`. */
function onAccount(handler: AccountHandler = () => pending()) {
  onCloud('account', (data) => (data.action === 'status' ? newUser : handler(data)));
}

/** Renders the open page and waits for the form, which follows the account status. */
async function renderForm() {
  render(<OpenAccountPage />);
  await screen.findByText('提交开户');
}

function fillPerson(code: string) {
  type('name', PERSON.name);
  type('idNumber', PERSON.idNumber);
  type('cardNumber', PERSON.cardNumber);
  type('phone', PERSON.phone);
  type('code', code);
}

function callsOf(action: string) {
  return cloudCalls.filter((call) => call.data.action === action);
}

describe('SMS code check', () => {
  it.each(['12345', '1234567', '12a456', '12 3456'])('rejects %j', (code) => {
    expect(checkField('code', code).error).toBe(
      '短信验证码应为 6 位数字，请核对短信后重新输入。',
    );
  });

  it('accepts six digits around spaces', () => {
    expect(checkField('code', ' 123456 ').error).toBeUndefined();
  });
});

describe('empty field check', () => {
  it.each([
    ['name', '请输入姓名。'],
    ['idNumber', '请输入身份证号码。'],
    ['cardNumber', '请输入银行卡号。'],
    ['phone', '请输入手机号码。'],
  ] as const)('asks for an empty %s', (field, message) => {
    expect(checkField(field, '').error).toBe(message);
    expect(checkField(field, '  ').error).toBe(message);
  });

  it('keeps the core message for a bad name', () => {
    expect(checkField('name', 'Paul').error).toMatch(/^姓名只能包含汉字/);
  });
});

describe('open account page', () => {
  it('sends the borrower to the consents first', async () => {
    onAccount();
    await renderForm();
    expect(navigation).toEqual([{ method: 'redirectTo', url: '/account/consent/index?step=0' }]);
  });

  it('sends an opened account on to the face check', async () => {
    acceptAllConsents();
    onCloud('account', () => ({ ...newUser, stage: 'identity_verified' }));
    render(<OpenAccountPage />);
    await waitFor(() =>
      expect(navigation).toEqual([{ method: 'redirectTo', url: '/account/face/index' }]),
    );
    expect(screen.queryByText('提交开户')).toBeNull();
  });

  it('shows an empty form with no messages', async () => {
    acceptAllConsents();
    onAccount();
    await renderForm();
    expect(document.querySelectorAll('.field-error')).toHaveLength(0);
  });

  it('checks each field inline with the core rules', async () => {
    acceptAllConsents();
    onAccount();
    await renderForm();
    type('name', 'Paul');
    type('idNumber', '110101900307803');
    type('cardNumber', '62284822');
    type('phone', '12345678901');
    expect(screen.getByText(/第一代身份证已于2013年1月1日停止使用/)).toBeTruthy();
    expect(screen.getByText(/银行卡号应为16至19位数字/)).toBeTruthy();
    expect(screen.getByText(/手机号码应为11位/)).toBeTruthy();
    expect(document.querySelectorAll('.field-error')).toHaveLength(4);
  });

  it('warns, without blocking, about a card failing the Luhn check', async () => {
    acceptAllConsents();
    onAccount();
    await renderForm();
    type('cardNumber', '6228482272846313256');
    expect(document.querySelectorAll('.field-error')).toHaveLength(0);
    expect(document.querySelector('.field .hint')?.textContent).toBeTruthy();
  });

  it('blocks submission until every field is valid', async () => {
    acceptAllConsents();
    onAccount();
    await renderForm();
    fireEvent.click(screen.getByText('提交开户'));
    expect(screen.getByText('请输入姓名。')).toBeTruthy();
    expect(screen.getByText('请输入身份证号码。')).toBeTruthy();
    expect(screen.getByText('请输入银行卡号。')).toBeTruthy();
    expect(screen.getByText('请输入手机号码。')).toBeTruthy();
    expect(screen.getByText('请输入短信验证码。')).toBeTruthy();
    expect(screen.queryByText(/姓名只能包含汉字/)).toBeNull();
    expect(screen.queryByText(/身份证号码应为18位/)).toBeNull();
    expect(callsOf('open')).toHaveLength(0);
  });

  it('asks for a name of only spaces on blur', async () => {
    acceptAllConsents();
    onAccount();
    await renderForm();
    type('name', '   ');
    expect(screen.getByText('请输入姓名。')).toBeTruthy();
  });

  it.each(['12345', '1'])('rejects the SMS code %s before sending', async (code) => {
    acceptAllConsents();
    onAccount();
    await renderForm();
    fillPerson(code);
    expect(screen.getByText('短信验证码应为 6 位数字，请核对短信后重新输入。')).toBeTruthy();
    fireEvent.click(screen.getByText('提交开户'));
    expect(screen.getByText('短信验证码应为 6 位数字，请核对短信后重新输入。')).toBeTruthy();
    expect(callsOf('open')).toHaveLength(0);
  });

  it('sends the code and shows where it went', async () => {
    acceptAllConsents();
    onAccount(() => ({
      maskedPhone: '130****4852',
      expiresInSeconds: 300,
      resendAfterSeconds: 60,
    }));
    await renderForm();
    type('phone', '13087354852');
    fireEvent.click(screen.getByText('获取验证码'));
    expect(await screen.findByText('验证码已发送至 130****4852')).toBeTruthy();
    expect(screen.getByText('60 秒后可重发')).toBeTruthy();
    expect(callsOf('sendCode')[0].data).toEqual({ action: 'sendCode', phone: '13087354852' });
  });

  it.each([
    [45, '45 秒后可重发'],
    [600, '10 分钟后可重发'],
    [7_200, '2 小时后可重发'],
  ])('counts down a %i s rate limit on the button', async (retryAfterSeconds, label) => {
    acceptAllConsents();
    onAccount(() => {
      throw new CloudError('RATE_LIMITED', `验证码发送过于频繁，请 ${retryAfterSeconds} 秒后再试。`, 'phone', 'r1', {
        reason: '验证码发送过于频繁，',
        retryAfterSeconds,
      });
    });
    await renderForm();
    type('phone', '13087354852');
    fireEvent.click(screen.getByText('获取验证码'));
    // The wait shows only on the button, which counts it down; the message names no number.
    expect(await screen.findByText('验证码发送过于频繁，请在按钮倒计时结束后再获取验证码。')).toBeTruthy();
    fireEvent.click(screen.getByText(label));
    expect(callsOf('sendCode')).toHaveLength(1);
  });

  it('clears the rate-limit message when the wait ends', async () => {
    jest.useFakeTimers();
    try {
      acceptAllConsents();
      onAccount(() => {
        throw new CloudError('RATE_LIMITED', '验证码发送过于频繁，请 2 秒后再试。', 'phone', 'r1', {
          reason: '验证码发送过于频繁，',
          retryAfterSeconds: 2,
        });
      });
      await renderForm();
      type('phone', '13087354852');
      fireEvent.click(screen.getByText('获取验证码'));
      expect(await screen.findByText('2 秒后可重发')).toBeTruthy();
      // Each second's timer starts after the render of the previous one.
      for (let second = 0; second < 2; second += 1) {
        await act(async () => {
          await jest.advanceTimersByTimeAsync(1_000);
        });
      }
      expect(screen.getByText('获取验证码')).toBeTruthy();
      expect(screen.queryByText('验证码发送过于频繁，请在按钮倒计时结束后再获取验证码。')).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('opens the account with normalised values and every consent', async () => {
    acceptAllConsents();
    onAccount(() => ({
      status: { ...newUser, stage: 'identity_verified' },
      warnings: [],
    }));
    await renderForm();
    fillPerson('123456');
    fireEvent.click(screen.getByText('提交开户'));
    await waitFor(() => expect(screen.queryByText('正在核验…')).toBeNull());
    expect(navigation).toEqual([{ method: 'redirectTo', url: '/account/face/index' }]);
    expect(callsOf('open')[0].data).toEqual({
      action: 'open',
      name: PERSON.name,
      idNumber: PERSON.idNumber,
      bankCard: PERSON.cardNumber,
      phone: PERSON.phone,
      code: '123456',
      consents: CONSENT_VERSIONS,
    });
  });

  it('shows a server error at the field it names', async () => {
    acceptAllConsents();
    onAccount(() => {
      throw new CloudError('VERIFICATION_FAILED', '验证码不正确，还可以再试 4 次。', 'code');
    });
    await renderForm();
    fillPerson('000000');
    fireEvent.click(screen.getByText('提交开户'));
    const message = await screen.findByText('验证码不正确，还可以再试 4 次。');
    expect(message.className).toContain('field-error');
  });

  it('shows progress while the four elements are verified', async () => {
    acceptAllConsents();
    onAccount(() => pending());
    await renderForm();
    fillPerson('123456');
    fireEvent.click(screen.getByText('提交开户'));
    expect(await screen.findByText('正在核验…')).toBeTruthy();
  });
});

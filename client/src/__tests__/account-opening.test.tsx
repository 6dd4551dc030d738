import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { CloudError } from '../services/cloud-error';
import { CONSENT_VERSIONS } from '../../../core/api';
import ConsentPage from '../account/consent/index';
import OpenAccountPage from '../account/open/index';
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
  ])('step %s shows one consent and moves on', (step, title, next) => {
    routeParams.step = step;
    render(<ConsentPage />);
    expect(screen.getByText(title)).toBeTruthy();
    fireEvent.click(screen.getByText('同意并继续'));
    expect(navigation).toEqual([{ method: 'redirectTo', url: next }]);
  });

  it('returns home when a consent is declined', () => {
    render(<ConsentPage />);
    fireEvent.click(screen.getByText('不同意，返回首页'));
    expect(navigation).toEqual([{ method: 'reLaunch', url: '/pages/index/index' }]);
  });
});

describe('open account page', () => {
  it('sends the borrower to the consents first', () => {
    render(<OpenAccountPage />);
    expect(navigation).toEqual([{ method: 'redirectTo', url: '/account/consent/index?step=0' }]);
  });

  it('shows an empty form with no messages', () => {
    acceptAllConsents();
    render(<OpenAccountPage />);
    expect(screen.getByText('提交开户')).toBeTruthy();
    expect(document.querySelectorAll('.field-error')).toHaveLength(0);
  });

  it('checks each field inline with the core rules', () => {
    acceptAllConsents();
    render(<OpenAccountPage />);
    type('name', 'Paul');
    type('idNumber', '110101900307803');
    type('cardNumber', '62284822');
    type('phone', '12345678901');
    expect(screen.getByText(/第一代身份证已于2013年1月1日停止使用/)).toBeTruthy();
    expect(screen.getByText(/银行卡号应为16至19位数字/)).toBeTruthy();
    expect(screen.getByText(/手机号码应为11位/)).toBeTruthy();
    expect(document.querySelectorAll('.field-error')).toHaveLength(4);
  });

  it('warns, without blocking, about a card failing the Luhn check', () => {
    acceptAllConsents();
    render(<OpenAccountPage />);
    type('cardNumber', '6228482272846313256');
    expect(document.querySelectorAll('.field-error')).toHaveLength(0);
    expect(document.querySelector('.field .hint')?.textContent).toBeTruthy();
  });

  it('blocks submission until every field is valid', () => {
    acceptAllConsents();
    render(<OpenAccountPage />);
    fireEvent.click(screen.getByText('提交开户'));
    expect(screen.getByText('请输入短信验证码。')).toBeTruthy();
    expect(cloudCalls).toHaveLength(0);
  });

  it('sends the code and shows where it went', async () => {
    acceptAllConsents();
    onCloud('account', () => ({
      maskedPhone: '130****4852',
      expiresInSeconds: 300,
      resendAfterSeconds: 60,
    }));
    render(<OpenAccountPage />);
    type('phone', '13087354852');
    fireEvent.click(screen.getByText('获取验证码'));
    expect(await screen.findByText('验证码已发送至 130****4852')).toBeTruthy();
    expect(screen.getByText('60 秒后可重发')).toBeTruthy();
    expect(cloudCalls[0].data).toEqual({ action: 'sendCode', phone: '13087354852' });
  });

  it('opens the account with normalised values and every consent', async () => {
    acceptAllConsents();
    onCloud('account', () => ({
      status: { ...newUser, stage: 'identity_verified' },
      warnings: [],
    }));
    render(<OpenAccountPage />);
    type('name', PERSON.name);
    type('idNumber', PERSON.idNumber);
    type('cardNumber', PERSON.cardNumber);
    type('phone', PERSON.phone);
    type('code', '123456');
    fireEvent.click(screen.getByText('提交开户'));
    await waitFor(() =>
      expect(navigation).toEqual([{ method: 'redirectTo', url: '/account/face/index' }]),
    );
    expect(cloudCalls[0].data).toEqual({
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
    onCloud('account', () => {
      throw new CloudError('VERIFICATION_FAILED', '验证码不正确，还可以再试 4 次。', 'code');
    });
    render(<OpenAccountPage />);
    type('name', PERSON.name);
    type('idNumber', PERSON.idNumber);
    type('cardNumber', PERSON.cardNumber);
    type('phone', PERSON.phone);
    type('code', '000000');
    fireEvent.click(screen.getByText('提交开户'));
    const message = await screen.findByText('验证码不正确，还可以再试 4 次。');
    expect(message.className).toContain('field-error');
  });

  it('shows progress while the four elements are verified', async () => {
    acceptAllConsents();
    onCloud('account', () => pending());
    render(<OpenAccountPage />);
    type('name', PERSON.name);
    type('idNumber', PERSON.idNumber);
    type('cardNumber', PERSON.cardNumber);
    type('phone', PERSON.phone);
    type('code', '123456');
    fireEvent.click(screen.getByText('提交开户'));
    expect(await screen.findByText('正在核验…')).toBeTruthy();
  });
});

import { render, screen, fireEvent } from '@testing-library/react';
import { CloudError } from '../services/cloud-error';
import HomePage from '../pages/index/index';
import { onCloud, pending, resetCloudDouble, cloudCalls } from '../../test/support/cloud-double';
import { navigation, resetTaroDouble } from '../../test/support/taro-double';
import {
  approvedLine,
  decidedUser,
  declinedLine,
  loanSummaries,
  newUser,
} from '../../test/support/fixtures';

jest.mock('../services/cloud', () => require('../../test/support/cloud-double'));

const OVERDUE = '您有逾期未还的借款，逾期会产生罚息，请尽快还款。';

beforeEach(() => {
  resetCloudDouble();
  resetTaroDouble();
});

describe('home page', () => {
  it('shows loading while the status is fetched', () => {
    onCloud('account', () => pending());
    render(<HomePage />);
    expect(screen.getByText('加载中…')).toBeTruthy();
  });

  it('shows the server message and retries', async () => {
    let fail = true;
    onCloud('account', () => {
      if (fail) throw new CloudError('INTERNAL', '服务繁忙，请稍后再试。');
      return newUser;
    });
    render(<HomePage />);
    expect(await screen.findByText('服务繁忙，请稍后再试。')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('立即开通')).toBeTruthy();
  });

  it('tells a user who is not invited so plainly', async () => {
    onCloud('account', () => ({ ...newUser, invited: false }));
    render(<HomePage />);
    expect(await screen.findByText(/您暂未获得邀请/)).toBeTruthy();
    expect(screen.queryByText('立即开通')).toBeNull();
  });

  it('offers account opening to a new invited user', async () => {
    onCloud('account', () => newUser);
    render(<HomePage />);
    fireEvent.click(await screen.findByText('立即开通'));
    expect(navigation).toEqual([{ method: 'navigateTo', url: '/account/consent/index' }]);
  });

  it('sends a face-verified user to the credit evaluation', async () => {
    onCloud('account', () => ({ ...newUser, stage: 'face_verified' }));
    render(<HomePage />);
    fireEvent.click(await screen.findByText('获取额度'));
    expect(navigation[0].url).toBe('/loan/credit/index?evaluate=1');
  });

  it('shows the available line of a decided user', async () => {
    onCloud('account', () => decidedUser);
    onCloud('creditLine', () => approvedLine);
    onCloud('loans', () => []);
    render(<HomePage />);
    expect(await screen.findByText('¥30,000.00')).toBeTruthy();
    expect(screen.getByText(/总额度 ¥35,000.00/)).toBeTruthy();
    expect(cloudCalls.map((call) => call.data)).toEqual([
      { action: 'status' },
      { action: 'show' },
      { action: 'list' },
    ]);
    fireEvent.click(screen.getByText('借钱'));
    expect(navigation[0].url).toBe('/loan/borrow/index');
  });

  it('shows the decline reasons instead of a line', async () => {
    onCloud('account', () => decidedUser);
    onCloud('creditLine', () => declinedLine);
    onCloud('loans', () => []);
    render(<HomePage />);
    expect(await screen.findByText('暂未获得额度')).toBeTruthy();
    expect(screen.getByText('近期有多次逾期还款；信用卡使用率过高')).toBeTruthy();
  });

  it('warns about an overdue loan', async () => {
    onCloud('account', () => decidedUser);
    onCloud('creditLine', () => approvedLine);
    onCloud('loans', () => loanSummaries);
    render(<HomePage />);
    const notice = await screen.findByText(OVERDUE);
    expect(notice.closest('.notice-error')).toBeTruthy();
    fireEvent.click(screen.getByText('查看借款'));
    expect(navigation).toEqual([{ method: 'navigateTo', url: '/loan/list/index' }]);
  });

  it('shows no notice without overdue loans', async () => {
    onCloud('account', () => decidedUser);
    onCloud('creditLine', () => approvedLine);
    onCloud('loans', () => loanSummaries.map((loan) => ({ ...loan, overdue: false })));
    render(<HomePage />);
    expect(await screen.findByText('¥30,000.00')).toBeTruthy();
    expect(screen.queryByText(OVERDUE)).toBeNull();
  });

  it('skips the loans list before a credit decision', async () => {
    onCloud('account', () => ({ ...newUser, stage: 'face_verified' }));
    render(<HomePage />);
    expect(await screen.findByText('获取额度')).toBeTruthy();
    expect(cloudCalls.map((call) => call.name)).toEqual(['account']);
  });

  it('keeps the home page when the loans list fails', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    onCloud('account', () => decidedUser);
    onCloud('creditLine', () => approvedLine);
    onCloud('loans', () => {
      throw new CloudError('INTERNAL', '服务繁忙，请稍后再试。');
    });
    render(<HomePage />);
    expect(await screen.findByText('¥30,000.00')).toBeTruthy();
    expect(screen.getByText('借钱')).toBeTruthy();
    expect(screen.queryByText(OVERDUE)).toBeNull();
    expect(screen.queryByText('服务繁忙，请稍后再试。')).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});

import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { CloudError } from '../services/cloud-error';
import MePage from '../pages/me/index';
import { setFontScale } from '../services/display-settings';
import { onCloud, pending, resetCloudDouble, resetCloud } from '../../test/support/cloud-double';
import Taro, { navigation, resetTaroDouble } from '../../test/support/taro-double';
import { decidedUser, newUser } from '../../test/support/fixtures';

jest.mock('../services/cloud', () => require('../../test/support/cloud-double'));

beforeEach(() => {
  resetCloudDouble();
  resetTaroDouble();
  setFontScale(1);
});

describe('me page', () => {
  it('shows loading', () => {
    onCloud('account', () => pending());
    render(<MePage />);
    expect(screen.getByText('加载中…')).toBeTruthy();
  });

  it('shows the server message on failure', async () => {
    onCloud('account', () => {
      throw new CloudError('INTERNAL', '服务繁忙，请稍后再试。');
    });
    render(<MePage />);
    expect(await screen.findByText('服务繁忙，请稍后再试。')).toBeTruthy();
  });

  it('says when no account is open yet', async () => {
    onCloud('account', () => newUser);
    render(<MePage />);
    expect(await screen.findByText('您还没有开通借款账户。')).toBeTruthy();
  });

  it('shows masked card, phone and the recorded consents', async () => {
    onCloud('account', () => decidedUser);
    render(<MePage />);
    expect(await screen.findByText('**** 3255')).toBeTruthy();
    expect(screen.getByText('130****4852')).toBeTruthy();
    expect(screen.getByText('1101**********8343')).toBeTruthy();
    expect(screen.getByText('个人身份信息处理授权')).toBeTruthy();
    expect(screen.getAllByText('版本 2026-12-01 · 2026-12-01 同意')).toHaveLength(2);
  });

  it('scales every font when an elder-friendly size is chosen', async () => {
    onCloud('account', () => decidedUser);
    const { container } = render(<MePage />);
    await screen.findByText('**** 3255');
    expect(container.querySelector('.screen')?.className).toContain('scale-100');
    fireEvent.click(screen.getByText('特大字'));
    expect(container.querySelector('.screen')?.className).toContain('scale-150');
    expect(Taro.setStorageSync).toHaveBeenCalledWith('display.fontScale', 1.5);
  });

  it('signs out after confirmation and returns home', async () => {
    onCloud('account', () => decidedUser);
    render(<MePage />);
    fireEvent.click(screen.getByText('退出登录'));
    await waitFor(() =>
      expect(navigation).toEqual([{ method: 'reLaunch', url: '/pages/index/index' }]),
    );
    expect(resetCloud).toHaveBeenCalled();
  });
});

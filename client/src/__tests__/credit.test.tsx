import { render, screen, fireEvent } from '@testing-library/react';
import { CloudError } from '../services/cloud-error';
import CreditPage from '../loan/credit/index';
import { onCloud, pending, resetCloudDouble, cloudCalls } from '../../test/support/cloud-double';
import { navigation, resetTaroDouble, routeParams } from '../../test/support/taro-double';
import { approvedLine, declinedLine } from '../../test/support/fixtures';

jest.mock('../services/cloud', () => require('../../test/support/cloud-double'));

beforeEach(() => {
  resetCloudDouble();
  resetTaroDouble();
});

describe('credit page', () => {
  it('shows loading during the evaluation', () => {
    onCloud('creditLine', () => pending());
    render(<CreditPage />);
    expect(screen.getByText('正在评估额度…')).toBeTruthy();
  });

  it('shows the server message on failure', async () => {
    onCloud('creditLine', () => {
      throw new CloudError('PRECONDITION_FAILED', '请先完成人脸核验。');
    });
    render(<CreditPage />);
    expect(await screen.findByText('请先完成人脸核验。')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });

  it('evaluates when opened after the face check', async () => {
    routeParams.evaluate = '1';
    onCloud('creditLine', () => approvedLine);
    render(<CreditPage />);
    await screen.findByText('83');
    expect(cloudCalls[0].data).toEqual({ action: 'evaluate' });
  });

  it('shows score, line, used, available, rates and reasons', async () => {
    onCloud('creditLine', () => approvedLine);
    render(<CreditPage />);
    expect(await screen.findByText('83')).toBeTruthy();
    expect(cloudCalls[0].data).toEqual({ action: 'show' });
    expect(screen.getByText('¥35,000.00')).toBeTruthy();
    expect(screen.getByText('¥5,000.00')).toBeTruthy();
    expect(screen.getByText('¥30,000.00')).toBeTruthy();
    expect(screen.getByText('18.25%').className).toContain('apr-value');
    expect(screen.getByText('日利率 0.05%')).toBeTruthy();
    expect(screen.getByText('影响额度的主要原因')).toBeTruthy();
    expect(screen.getByText('· 信用记录时间较短')).toBeTruthy();
    fireEvent.click(screen.getByText('去借钱'));
    expect(navigation[0].url).toBe('/loan/borrow/index');
  });

  it('shows every reason of a decline and no borrow button', async () => {
    onCloud('creditLine', () => declinedLine);
    render(<CreditPage />);
    expect(await screen.findByText('很抱歉，本次评估暂未获得借款额度。')).toBeTruthy();
    expect(screen.getByText('未获批的主要原因')).toBeTruthy();
    expect(screen.getByText('· 近期有多次逾期还款')).toBeTruthy();
    expect(screen.getByText('· 信用卡使用率过高')).toBeTruthy();
    expect(screen.queryByText('去借钱')).toBeNull();
    fireEvent.click(screen.getByText('返回首页'));
    expect(navigation).toEqual([{ method: 'reLaunch', url: '/pages/index/index' }]);
  });
});

import { render, screen, fireEvent } from '@testing-library/react';
import { CloudError } from '../services/cloud-error';
import LoansPage from '../loan/list/index';
import { onCloud, pending, resetCloudDouble } from '../../test/support/cloud-double';
import { navigation, resetTaroDouble } from '../../test/support/taro-double';
import { loanSummaries } from '../../test/support/fixtures';

jest.mock('../services/cloud', () => require('../../test/support/cloud-double'));

beforeEach(() => {
  resetCloudDouble();
  resetTaroDouble();
});

describe('loans page', () => {
  it('shows loading', () => {
    onCloud('loans', () => pending());
    render(<LoansPage />);
    expect(screen.getByText('加载中…')).toBeTruthy();
  });

  it('shows an empty state with a way to borrow', async () => {
    onCloud('loans', () => []);
    render(<LoansPage />);
    expect(await screen.findByText('暂无借款')).toBeTruthy();
    fireEvent.click(screen.getByText('去借钱'));
    expect(navigation[0].url).toBe('/loan/borrow/index');
  });

  it('shows the server message on failure', async () => {
    onCloud('loans', () => {
      throw new CloudError('UNAUTHENTICATED', '登录已过期，请重新进入小程序。');
    });
    render(<LoansPage />);
    expect(await screen.findByText('登录已过期，请重新进入小程序。')).toBeTruthy();
  });

  it('lists each draw with status and next installment', async () => {
    onCloud('loans', () => loanSummaries);
    render(<LoansPage />);
    expect(await screen.findByText(/¥10,000.00 · 还款中/)).toBeTruthy();
    expect(screen.getByText(/¥3,000.00 · 还款中/)).toBeTruthy();
    expect(screen.getByText('下期应还（2026-04-01）')).toBeTruthy();
    expect(screen.getByText('¥315.00')).toBeTruthy();
    expect(screen.getByText(/¥500.00 · 已结清/)).toBeTruthy();
    fireEvent.click(screen.getAllByText('查看详情')[0]);
    expect(navigation[0].url).toBe('/loan/detail/index?drawId=draw-1');
  });

  it('marks only the loan being collected', async () => {
    onCloud('loans', () => loanSummaries);
    render(<LoansPage />);
    await screen.findByText(/¥3,000.00 · 还款中/);
    expect(screen.getAllByText('正在从银行卡扣款，金额稍后更新。')).toHaveLength(1);
    const card = screen.getByText(/¥3,000.00 · 还款中/).closest('.loan-card');
    expect(card?.textContent).toContain('正在从银行卡扣款');
  });

  it('shows an overdue loan without the missed date', async () => {
    onCloud('loans', () => loanSummaries);
    render(<LoansPage />);
    expect(await screen.findByText('已逾期，今日应还')).toBeTruthy();
    expect(screen.getByText('¥2,157.00')).toBeTruthy();
    expect(screen.getByText('已逾期')).toBeTruthy();
    expect(screen.queryByText('下期应还（2026-03-10）')).toBeNull();
  });
});

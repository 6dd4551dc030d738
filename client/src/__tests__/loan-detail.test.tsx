import { render, screen, fireEvent } from '@testing-library/react';
import { CloudError } from '../services/cloud-error';
import LoanDetailPage from '../loan/detail/index';
import { onCloud, pending, resetCloudDouble, cloudCalls } from '../../test/support/cloud-double';
import { resetTaroDouble, routeParams } from '../../test/support/taro-double';
import { closedLoan, overdueLoan, payoffQuote, quote } from '../../test/support/fixtures';

jest.mock('../services/cloud', () => require('../../test/support/cloud-double'));

beforeEach(() => {
  resetCloudDouble();
  resetTaroDouble();
  routeParams.drawId = 'draw-1';
});

describe('loan detail page', () => {
  it('shows loading', () => {
    onCloud('loans', () => pending());
    render(<LoanDetailPage />);
    expect(screen.getByText('加载中…')).toBeTruthy();
  });

  it('shows the server message when the loan is missing', async () => {
    onCloud('loans', () => {
      throw new CloudError('NOT_FOUND', '没有找到这笔借款。');
    });
    render(<LoanDetailPage />);
    expect(await screen.findByText('没有找到这笔借款。')).toBeTruthy();
  });

  it('shows paid, overdue and penalty rows of the schedule', async () => {
    onCloud('loans', () => overdueLoan);
    render(<LoanDetailPage />);
    expect(await screen.findByText('还款中')).toBeTruthy();
    expect(cloudCalls[0].data).toEqual({ action: 'detail', drawId: 'draw-1' });
    expect(screen.getByText('已还清', { exact: false })).toBeTruthy();
    expect(screen.getAllByText('已逾期', { exact: false }).length).toBeGreaterThan(0);
    expect(screen.getByText('罚息 ¥45.00')).toBeTruthy();
    expect(screen.getByText('已还 ¥2,155.00')).toBeTruthy();
    expect(screen.getByText('今日应还（2026-03-15）')).toBeTruthy();
    expect(screen.getByText('1 期')).toBeTruthy();
  });

  it('names the accepted agreement on its business date', async () => {
    // 17:30 UTC on 10 January is already 11 January in Shanghai.
    const agreement = { ...quote.agreement, acceptedAt: '2026-01-10T17:30:00.000Z' };
    onCloud('loans', () => ({ ...overdueLoan, agreement }));
    render(<LoanDetailPage />);
    expect(await screen.findByText(`《个人借款合同》版本 ${quote.agreement.version}，2026-01-11 同意`)).toBeTruthy();
  });

  it('shows the accepted agreement text on request', async () => {
    const agreement = { ...quote.agreement, acceptedAt: '2026-01-10T02:00:00.000Z' };
    onCloud('loans', () => ({ ...overdueLoan, agreement }));
    render(<LoanDetailPage />);
    fireEvent.click(await screen.findByText('查看合同'));
    for (const section of quote.agreement.sections) {
      expect(screen.getByText(section.heading)).toBeTruthy();
      expect(screen.getByText(section.body)).toBeTruthy();
    }
    fireEvent.click(screen.getByText('收起合同'));
    expect(screen.queryByText(quote.agreement.sections[0].heading)).toBeNull();
  });

  it('says a collection is in progress', async () => {
    onCloud('loans', () => ({ ...overdueLoan, collecting: true }));
    render(<LoanDetailPage />);
    expect(await screen.findByText('正在从银行卡扣款，结果稍后更新；扣款完成前不能再发起还款。')).toBeTruthy();
  });

  it('shows no agreement row for a draw without one', async () => {
    onCloud('loans', () => overdueLoan);
    render(<LoanDetailPage />);
    await screen.findByText('还款中');
    expect(screen.queryByText('借款合同')).toBeNull();
  });

  it('pays off early with exactly the quoted amount', async () => {
    onCloud('loans', () => overdueLoan);
    onCloud('repay', (data) =>
      data.action === 'quote'
        ? payoffQuote
        : {
            repaymentId: 'rp-1',
            drawId: 'draw-1',
            status: 'succeeded',
            amountFen: 826_000,
            loan: closedLoan,
          },
    );
    render(<LoanDetailPage />);
    fireEvent.click(await screen.findByText('提前结清 ¥8,260.00'));
    expect(await screen.findByText('提前结清（2026-03-15）')).toBeTruthy();
    expect(screen.getByText('罚息')).toBeTruthy();
    fireEvent.click(screen.getByText('确认还款 ¥8,260.00'));
    expect(await screen.findByText('还款成功：¥8,260.00。')).toBeTruthy();
    expect(screen.getByText('已结清')).toBeTruthy();
    const pay = cloudCalls.find((call) => call.data.action === 'pay');
    expect(pay?.data).toMatchObject({ drawId: 'draw-1', kind: 'payoff', amountFen: 826_000 });
    expect(pay?.data.idempotencyKey).toEqual(expect.any(String));
    expect(screen.queryByText(/提前结清 ¥/)).toBeNull();
  });

  it('repays the installment due today', async () => {
    onCloud('loans', () => overdueLoan);
    onCloud('repay', (data) =>
      data.action === 'quote'
        ? {
            ...payoffQuote,
            kind: 'due',
            amountFen: 215_700,
            principalFen: 200_000,
            interestFen: 11_200,
          }
        : {
            repaymentId: 'rp-2',
            drawId: 'draw-1',
            status: 'failed',
            amountFen: 215_700,
            failureReason: '银行卡余额不足，扣款未成功。请存入足够金额后再还款。',
          },
    );
    render(<LoanDetailPage />);
    fireEvent.click(await screen.findByText('归还本期 ¥2,157.00'));
    fireEvent.click(await screen.findByText('确认还款 ¥2,157.00'));
    expect(
      await screen.findByText('还款未成功：银行卡余额不足，扣款未成功。请存入足够金额后再还款。'),
    ).toBeTruthy();
  });

  it('keeps the quote and shows the message when a payment is rejected', async () => {
    onCloud('loans', () => overdueLoan);
    onCloud('repay', (data) => {
      if (data.action === 'quote') return payoffQuote;
      throw new CloudError('CONFLICT', '今日应还金额已变化，请重新确认。');
    });
    render(<LoanDetailPage />);
    fireEvent.click(await screen.findByText('提前结清 ¥8,260.00'));
    fireEvent.click(await screen.findByText('确认还款 ¥8,260.00'));
    expect(await screen.findByText('今日应还金额已变化，请重新确认。')).toBeTruthy();
    expect(screen.getByText('确认还款 ¥8,260.00')).toBeTruthy();
  });
});

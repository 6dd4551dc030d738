import { act, render, screen, fireEvent, waitFor } from '@testing-library/react';
import { CloudError } from '../services/cloud-error';
import BorrowPage from '../loan/borrow/index';
import { onCloud, pending, resetCloudDouble, cloudCalls } from '../../test/support/cloud-double';
import { navigation, resetTaroDouble } from '../../test/support/taro-double';
import { activeDraw, approvedLine, quote } from '../../test/support/fixtures';

jest.mock('../services/cloud', () => require('../../test/support/cloud-double'));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

beforeEach(() => {
  resetCloudDouble();
  resetTaroDouble();
  onCloud('creditLine', () => approvedLine);
  onCloud('loanQuote', () => quote);
});

function typeAmount(text: string) {
  const input = document.querySelector(
    '#borrow-amount input, input#borrow-amount',
  ) as HTMLInputElement;
  fireEvent.input(input, { target: { value: text } });
}

function acceptAgreement() {
  fireEvent.click(screen.getByText('我已阅读并同意《个人借款合同》'));
}

function confirmButton(): HTMLElement {
  const button = document.querySelector('#borrow-confirm-button') as HTMLElement | null;
  if (!button) throw new Error('the confirm button is not on the page');
  return button;
}

async function quoteTenThousand() {
  render(<BorrowPage />);
  await screen.findByText('可用额度 ¥30,000.00');
  typeAmount('10000');
  fireEvent.click(screen.getByText('查看还款计划'));
  await screen.findByText('还款计划');
}

describe('borrow page', () => {
  it('labels the amount with minimum and step', async () => {
    render(<BorrowPage />);
    expect(await screen.findByText('借款金额（元，500 元起，100 元的整数倍）')).toBeTruthy();
  });

  it('shows loading while the line is fetched', () => {
    onCloud('creditLine', () => pending());
    render(<BorrowPage />);
    expect(screen.getByText('加载中…')).toBeTruthy();
  });

  it('shows the server message when the line fails', async () => {
    onCloud('creditLine', () => {
      throw new CloudError('PRECONDITION_FAILED', '请先完成额度评估。');
    });
    render(<BorrowPage />);
    expect(await screen.findByText('请先完成额度评估。')).toBeTruthy();
  });

  it('says there is nothing to borrow without available line', async () => {
    onCloud('creditLine', () => ({ ...approvedLine, usedFen: 3_500_000, availableFen: 0 }));
    render(<BorrowPage />);
    expect(await screen.findByText('您当前没有可用额度，暂不能借款。')).toBeTruthy();
  });

  it.each([
    ['', '请输入借款金额。'],
    ['1000.5', '借款金额需在 ¥500.00 至 ¥30,000.00 之间，且为 ¥100.00 的整数倍。'],
    ['450', '借款金额需在 ¥500.00 至 ¥30,000.00 之间，且为 ¥100.00 的整数倍。'],
    ['1050', '借款金额需在 ¥500.00 至 ¥30,000.00 之间，且为 ¥100.00 的整数倍。'],
    ['30100', '借款金额不能超过可用额度 ¥30,000.00。'],
  ])('rejects amount %p inline', async (text, message) => {
    render(<BorrowPage />);
    await screen.findByText('可用额度 ¥30,000.00');
    typeAmount(text);
    fireEvent.click(screen.getByText('查看还款计划'));
    expect(await screen.findByText(message)).toBeTruthy();
    expect(cloudCalls.filter((call) => call.name === 'loanQuote')).toHaveLength(0);
  });

  it('quotes the amount in fen with the chosen term', async () => {
    render(<BorrowPage />);
    await screen.findByText('可用额度 ¥30,000.00');
    typeAmount('10000');
    fireEvent.click(screen.getByText('10 期'));
    fireEvent.click(screen.getByText('查看还款计划'));
    await screen.findByText('还款计划');
    expect(cloudCalls.at(-1)).toEqual({
      name: 'loanQuote',
      data: { amountFen: 1_000_000, termMonths: 10 },
    });
  });

  it('shows every installment and the APR above the daily rate', async () => {
    await quoteTenThousand();
    for (const row of quote.installments) {
      expect(screen.getByText(`第 ${row.number} 期 · ${row.dueDate}`)).toBeTruthy();
    }
    expect(screen.getByText('利息 ¥155.00')).toBeTruthy();
    expect(screen.getByText('¥10,451.00')).toBeTruthy();
    const apr = screen.getByText('18.25%');
    const daily = screen.getByText('日利率 0.05%');
    expect(apr.className).toContain('apr-value');
    expect(daily.className).toContain('daily-rate');
    expect(apr.compareDocumentPosition(daily) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows progress while the money moves, then the result', async () => {
    let finish: (value: unknown) => void = () => undefined;
    onCloud(
      'draw',
      () =>
        new Promise((resolve) => {
          finish = resolve;
        }),
    );
    await quoteTenThousand();
    fireEvent.click(screen.getByText('下一步：确认借款'));
    expect(screen.getByText(/款项将发放至您绑定的银行卡 \*\*\*\* 3255。/)).toBeTruthy();
    acceptAgreement();
    fireEvent.click(screen.getByText('确认借款'));
    expect(await screen.findByText(/放款中/)).toBeTruthy();
    finish(activeDraw);
    expect(
      await screen.findByText(/借款成功，¥10,000.00 已发放至银行卡 \*\*\*\* 3255/),
    ).toBeTruthy();
    fireEvent.click(screen.getByText('查看借款详情'));
    expect(navigation.at(-1)?.url).toBe('/loan/detail/index?drawId=draw-1');
  });

  it('sends one idempotency key and reuses it on retry', async () => {
    let attempts = 0;
    onCloud('draw', () => {
      attempts += 1;
      if (attempts === 1) throw new CloudError('NETWORK_ERROR', '网络连接失败，请检查网络后重试。');
      return activeDraw;
    });
    await quoteTenThousand();
    fireEvent.click(screen.getByText('下一步：确认借款'));
    acceptAgreement();
    fireEvent.click(screen.getByText('确认借款'));
    expect(await screen.findByText('网络连接失败，请检查网络后重试。')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    await screen.findByText(/借款成功/);
    const draws = cloudCalls.filter((call) => call.name === 'draw');
    expect(draws).toHaveLength(2);
    expect(draws[0].data.idempotencyKey).toMatch(UUID);
    expect(draws[1].data.idempotencyKey).toBe(draws[0].data.idempotencyKey);
    expect(draws[0].data).toMatchObject({ amountFen: 1_000_000, termMonths: 5 });
    expect(draws[0].data.agreementDigest).toBe(quote.agreement.digest);
  });

  it('shows the loan agreement with the quoted figures', async () => {
    await quoteTenThousand();
    fireEvent.click(screen.getByText('下一步：确认借款'));
    expect(screen.getByText('个人借款合同')).toBeTruthy();
    expect(screen.getByText(`版本 ${quote.agreement.version}`)).toBeTruthy();
    for (const section of quote.agreement.sections) {
      expect(screen.getByText(section.heading)).toBeTruthy();
    }
    expect(screen.getByText(/借款本金 10,000.00 元，发放至借款人本人名下的银行卡 \*\*\*\* 3255/)).toBeTruthy();
    expect(screen.getByText(/按日利率 0.075%（正常日利率的 1.5 倍）/)).toBeTruthy();
  });

  it('sends no draw before the agreement is accepted', async () => {
    onCloud('draw', () => activeDraw);
    await quoteTenThousand();
    fireEvent.click(screen.getByText('下一步：确认借款'));
    fireEvent.click(screen.getByText('确认借款'));
    expect(cloudCalls.filter((call) => call.name === 'draw')).toHaveLength(0);
    acceptAgreement();
    acceptAgreement();
    fireEvent.click(screen.getByText('确认借款'));
    expect(cloudCalls.filter((call) => call.name === 'draw')).toHaveLength(0);
    acceptAgreement();
    fireEvent.click(screen.getByText('确认借款'));
    await screen.findByText(/借款成功/);
    expect(cloudCalls.filter((call) => call.name === 'draw')).toHaveLength(1);
  });

  it('sends a fresh quote after a changed agreement', async () => {
    const changed = '借款条件已更新（日期、利率或借款合同有变化），请重新查看还款计划并确认借款合同。';
    onCloud('draw', () => {
      throw new CloudError('CONFLICT', changed, 'agreementDigest');
    });
    await quoteTenThousand();
    fireEvent.click(screen.getByText('下一步：确认借款'));
    acceptAgreement();
    fireEvent.click(screen.getByText('确认借款'));
    expect(await screen.findByText(changed)).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
    fireEvent.click(screen.getByText('重新查看还款计划'));
    await screen.findByText('还款计划');
    const input = document.querySelector('#borrow-amount input, input#borrow-amount') as HTMLInputElement;
    expect(input.value).toBe('10000');
    const quotes = cloudCalls.filter((call) => call.name === 'loanQuote');
    expect(quotes).toHaveLength(2);
    expect(quotes[1].data).toEqual({ amountFen: 1_000_000, termMonths: 5 });
    fireEvent.click(screen.getByText('下一步：确认借款'));
    fireEvent.click(screen.getByText('确认借款'));
    expect(cloudCalls.filter((call) => call.name === 'draw')).toHaveLength(1);
  });

  it('keeps amount and term after going back', async () => {
    onCloud('loanQuote', (data) => ({ ...quote, termMonths: data.termMonths }));
    render(<BorrowPage />);
    await screen.findByText('可用额度 ¥30,000.00');
    typeAmount('10000');
    fireEvent.click(screen.getByText('10 期'));
    fireEvent.click(screen.getByText('查看还款计划'));
    await screen.findByText('还款计划');
    fireEvent.click(screen.getByText('下一步：确认借款'));
    fireEvent.click(screen.getByText('返回修改'));
    const input = document.querySelector('#borrow-amount input, input#borrow-amount') as HTMLInputElement;
    expect(input.value).toBe('10000');
    expect(screen.getByText('10 期').parentElement?.className).toContain('choice-selected');
  });

  it('disables confirm until ticked', async () => {
    await quoteTenThousand();
    fireEvent.click(screen.getByText('下一步：确认借款'));
    // The Taro button marks itself disabled with this class and ignores taps while it has it.
    expect(confirmButton().classList.contains('taro-btn-disabled')).toBe(true);
    acceptAgreement();
    expect(confirmButton().classList.contains('taro-btn-disabled')).toBe(false);
  });

  it('sends one draw on a double tap', async () => {
    onCloud('draw', () => activeDraw);
    await quoteTenThousand();
    fireEvent.click(screen.getByText('下一步：确认借款'));
    acceptAgreement();
    const button = confirmButton();
    // Two taps handled before React renders the sending state.
    act(() => {
      button.click();
      button.click();
    });
    await screen.findByText(/借款成功/);
    const draws = cloudCalls.filter((call) => call.name === 'draw');
    expect(draws).toHaveLength(1);
    expect(draws[0].data.agreementDigest).toBe(quote.agreement.digest);
  });

  it('sends no draw after re-quoting unticked', async () => {
    onCloud('draw', () => activeDraw);
    await quoteTenThousand();
    fireEvent.click(screen.getByText('下一步：确认借款'));
    acceptAgreement();
    fireEvent.click(screen.getByText('返回修改'));
    typeAmount('20000');
    fireEvent.click(screen.getByText('查看还款计划'));
    await screen.findByText('还款计划');
    fireEvent.click(screen.getByText('下一步：确认借款'));
    fireEvent.click(screen.getByText('确认借款'));
    expect(cloudCalls.filter((call) => call.name === 'draw')).toHaveLength(0);
  });

  it('asks for acceptance again after going back', async () => {
    onCloud('draw', () => activeDraw);
    await quoteTenThousand();
    fireEvent.click(screen.getByText('下一步：确认借款'));
    acceptAgreement();
    fireEvent.click(screen.getByText('返回修改'));
    fireEvent.click(screen.getByText('下一步：确认借款'));
    fireEvent.click(screen.getByText('确认借款'));
    expect(cloudCalls.filter((call) => call.name === 'draw')).toHaveLength(0);
  });

  it('explains a cancelled draw', async () => {
    onCloud('draw', () => ({ ...activeDraw, status: 'cancelled', cancelReason: '银行拒绝了这笔放款，借款已取消。' }));
    await quoteTenThousand();
    fireEvent.click(screen.getByText('下一步：确认借款'));
    acceptAgreement();
    fireEvent.click(screen.getByText('确认借款'));
    expect(await screen.findByText('银行拒绝了这笔放款，借款已取消。额度已恢复，您不需要支付任何利息。')).toBeTruthy();
  });

  it('re-reads a draw that is still disbursing', async () => {
    jest.useFakeTimers();
    try {
      onCloud('draw', () => ({ ...activeDraw, status: 'disbursing' }));
      onCloud('loans', () => ({
        ...activeDraw,
        payoffTodayFen: 0,
        dueTodayFen: 0,
        businessDate: '2026-01-10',
      }));
      await quoteTenThousand();
      fireEvent.click(screen.getByText('下一步：确认借款'));
      acceptAgreement();
      fireEvent.click(screen.getByText('确认借款'));
      await waitFor(() => expect(cloudCalls.some((call) => call.name === 'draw')).toBe(true));
      await act(async () => {
        await jest.advanceTimersByTimeAsync(1500);
      });
      expect(await screen.findByText(/借款成功/)).toBeTruthy();
      expect(cloudCalls.at(-1)).toEqual({
        name: 'loans',
        data: { action: 'detail', drawId: 'draw-1' },
      });
    } finally {
      jest.useRealTimers();
    }
  });
});

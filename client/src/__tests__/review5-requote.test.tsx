import { act, render, screen, fireEvent, waitFor } from '@testing-library/react';
import type { LoanQuote } from '@core/api';
import { CloudError } from '../services/cloud-error';
import BorrowPage from '../loan/borrow/index';
import { onCloud, resetCloudDouble, cloudCalls } from '../../test/support/cloud-double';
import { resetTaroDouble } from '../../test/support/taro-double';
import { approvedLine, quote } from '../../test/support/fixtures';

jest.mock('../services/cloud', () => require('../../test/support/cloud-double'));

const CHANGED = '借款条件已更新（日期、利率或借款合同有变化），请重新查看还款计划并确认借款合同。';

beforeEach(() => {
  resetCloudDouble();
  resetTaroDouble();
  onCloud('creditLine', () => approvedLine);
  onCloud('loanQuote', () => quote);
  onCloud('draw', () => {
    throw new CloudError('CONFLICT', CHANGED, 'agreementDigest');
  });
});

function amountInput(): HTMLInputElement {
  return document.querySelector('#borrow-amount input, input#borrow-amount') as HTMLInputElement;
}

/** Quotes 10,000 CNY, confirms it and gets the changed-agreement refusal. */
async function rejectedDraw() {
  render(<BorrowPage />);
  await screen.findByText('可用额度 ¥30,000.00');
  fireEvent.input(amountInput(), { target: { value: '10000' } });
  fireEvent.click(screen.getByText('查看还款计划'));
  await screen.findByText('还款计划');
  fireEvent.click(screen.getByText('下一步：确认借款'));
  fireEvent.click(screen.getByText('我已阅读并同意《个人借款合同》'));
  fireEvent.click(screen.getByText('确认借款'));
  expect(await screen.findByText(CHANGED)).toBeTruthy();
}

describe('re-quote after a changed agreement', () => {
  it('shows why the new quote failed', async () => {
    await rejectedDraw();
    const shrunk = '借款金额超过当前可用额度 ¥5,000.00，请减少金额。';
    onCloud('loanQuote', () => {
      throw new CloudError('LIMIT_EXCEEDED', shrunk, 'amountFen');
    });
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    fireEvent.click(screen.getByText('重新查看还款计划'));
    await waitFor(() => expect(cloudCalls.filter((call) => call.name === 'loanQuote')).toHaveLength(2));
    // The borrower tapped a button and must learn why no plan came back.
    expect(await screen.findByText(shrunk)).toBeTruthy();
  });

  it('drops a late quote for an old amount', async () => {
    await rejectedDraw();
    let resolveQuote: (value: LoanQuote) => void = () => undefined;
    onCloud('loanQuote', () => new Promise<LoanQuote>((resolve) => (resolveQuote = resolve)));
    fireEvent.click(screen.getByText('重新查看还款计划'));
    await waitFor(() => expect(cloudCalls.filter((call) => call.name === 'loanQuote')).toHaveLength(2));
    // The borrower changes the amount while the re-quote of 10,000 CNY is still in flight.
    fireEvent.input(amountInput(), { target: { value: '5000' } });
    await act(async () => {
      resolveQuote(quote);
    });
    expect(amountInput().value).toBe('5000');
    expect(screen.queryByText('下一步：确认借款')).toBeNull();
  });
});

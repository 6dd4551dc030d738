/**
 * The borrow page of the weapp build (dist/weapp/loan/borrow), rendered by
 * miniprogram-simulate with WeChat's WXML compiler. Cloud calls go through the app's own
 * helper to `wx.cloud.callFunction`, whose test double returns the results.
 */
const { host, onCloud, renderPage, waitForText, simulate } = require('./mini-program-host');

const LINE = {
  decision: 'approved',
  displayScore: 83,
  lineFen: 3_500_000,
  usedFen: 500_000,
  availableFen: 3_000_000,
  dailyRatePpm: 500,
  aprText: '18.25%',
  reasons: [],
  modelVersion: 'scorecard-1',
  decidedAt: '2026-12-01T02:00:00.000Z',
};

// 1,000.00 yuan in 5 terms at 500 ppm a day, drawn 2026-01-10.
const QUOTE = {
  amountFen: 100_000,
  termMonths: 5,
  dailyRatePpm: 500,
  aprText: '18.25%',
  aprBasisPoints: 1825,
  repaymentDay: 10,
  drawDate: '2026-01-10',
  installments: [
    {
      number: 1,
      dueDate: '2026-02-10',
      principalFen: 20_000,
      interestFen: 1_550,
      totalFen: 21_550,
    },
    {
      number: 2,
      dueDate: '2026-03-10',
      principalFen: 20_000,
      interestFen: 1_120,
      totalFen: 21_120,
    },
    { number: 3, dueDate: '2026-04-10', principalFen: 20_000, interestFen: 930, totalFen: 20_930 },
    { number: 4, dueDate: '2026-05-10', principalFen: 20_000, interestFen: 600, totalFen: 20_600 },
    { number: 5, dueDate: '2026-06-10', principalFen: 20_000, interestFen: 310, totalFen: 20_310 },
  ],
  totalInterestFen: 4_510,
  totalRepaymentFen: 104_510,
  maskedBankCard: '**** 3255',
  // The server writes the agreement; the page shows its sections and sends back its digest.
  agreement: {
    version: '2026-12-04',
    digest: 'ab'.repeat(32),
    title: '个人借款合同',
    sections: [
      { heading: '一、借款金额与发放', body: '借款本金 1,000.00 元，发放至借款人本人名下的银行卡 **** 3255。' },
      { heading: '三、利率与计息', body: '日利率 0.05%，按未还本金和实际天数逐日计息。' },
    ],
  },
};

const DRAW = {
  drawId: 'draw-1',
  status: 'active',
  principalFen: 100_000,
  outstandingPrincipalFen: 100_000,
  termMonths: 5,
  dailyRatePpm: 500,
  aprText: '18.25%',
  drawDate: '2026-01-10',
  maskedBankCard: '**** 3255',
  installments: QUOTE.installments.map((row) => ({
    ...row,
    status: 'upcoming',
    paidFen: 0,
    penaltyFen: 0,
  })),
};

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function tap(page, selector) {
  const node = page.querySelector(selector);
  if (!node) throw new Error(`${selector} is not rendered`);
  node.dispatchEvent('tap');
  await simulate.sleep(30);
}

async function typeInto(page, selector, value) {
  const node = page.querySelector(selector);
  if (!node) throw new Error(`${selector} is not rendered`);
  node.dispatchEvent('input', { detail: { value } });
  await simulate.sleep(30);
}

async function quoteOneThousand(termSelector = '#borrow-term-5') {
  const page = renderPage('loan/borrow/index');
  await waitForText(page, /可用额度/);
  await typeInto(page, '#borrow-amount', '1000');
  await tap(page, termSelector);
  await tap(page, '#borrow-quote-button');
  await waitForText(page, /还款计划/);
  return page;
}

describe('borrow page (weapp build)', () => {
  beforeEach(() => {
    host.cloudCalls.length = 0;
    onCloud('creditLine', () => LINE);
    onCloud('loanQuote', () => QUOTE);
    onCloud('draw', () => DRAW);
  });

  it('loads the line through wx.cloud', async () => {
    const page = renderPage('loan/borrow/index');
    const text = await waitForText(page, /可用额度/);
    expect(text).toContain('¥30,000.00');
    expect(host.cloudCalls[0]).toEqual({ name: 'creditLine', data: { action: 'show' } });
  });

  it('rejects an amount that is not whole hundreds', async () => {
    const page = renderPage('loan/borrow/index');
    await waitForText(page, /可用额度/);
    await typeInto(page, '#borrow-amount', '1050');
    await tap(page, '#borrow-quote-button');
    const text = await waitForText(page, /整数倍。/);
    expect(text).toContain('借款金额需在 ¥500.00 至 ¥30,000.00 之间');
    expect(host.cloudCalls.some((call) => call.name === 'loanQuote')).toBe(false);
  });

  it('quotes the chosen term and shows every installment', async () => {
    const page = await quoteOneThousand('#borrow-term-20');
    const text = page.dom.textContent;
    expect(host.cloudCalls.at(-1)).toEqual({
      name: 'loanQuote',
      data: { amountFen: 100_000, termMonths: 20 },
    });
    for (const row of QUOTE.installments)
      expect(text).toContain(`第 ${row.number} 期 · ${row.dueDate}`);
    expect(text).toContain('利息 ¥15.50');
    expect(text).toContain('¥1,045.10');
    expect(text.indexOf('18.25%')).toBeLessThan(text.indexOf('日利率 0.05%'));
    expect(page.querySelector('.apr-value').dom.textContent).toBe('18.25%');
  });

  it('shows progress while the money moves', async () => {
    onCloud('draw', () => new Promise(() => undefined));
    const page = await quoteOneThousand();
    await tap(page, '#borrow-next');
    await tap(page, '#borrow-agree');
    await tap(page, '#borrow-confirm-button');
    expect(await waitForText(page, /放款中/)).toContain('请勿关闭页面');
  });

  it('confirms with an idempotency key and shows the disbursed result', async () => {
    const page = await quoteOneThousand();
    await tap(page, '#borrow-next');
    const confirmText = await waitForText(page, /请核对借款信息/);
    expect(confirmText).toContain('借款本金 1,000.00 元，发放至借款人本人名下的银行卡 **** 3255。');
    await tap(page, '#borrow-confirm-button');
    expect(host.cloudCalls.some((call) => call.name === 'draw')).toBe(false);
    await tap(page, '#borrow-agree');
    await tap(page, '#borrow-confirm-button');
    const text = await waitForText(page, /借款成功/);
    expect(text).toContain('¥1,000.00 已发放至银行卡 **** 3255');
    const draw = host.cloudCalls.find((call) => call.name === 'draw');
    expect(draw.data).toMatchObject({ amountFen: 100_000, termMonths: 5 });
    expect(draw.data.idempotencyKey).toMatch(UUID_V4);
    expect(draw.data.agreementDigest).toBe('ab'.repeat(32));
  });
});

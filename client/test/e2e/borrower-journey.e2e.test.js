/**
 * A new borrower in a real browser. The steps: home, four consents, the account form with
 * the SMS code read from the sandbox inbox, the face check with a genuine selfie, the
 * credit line and a draw. Ten days later the borrower pays the whole draw off at today's
 * exact amount. Screenshots of every step go to client/reports/e2e/.
 */
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { execFileSync } = require('child_process');
const { findChromium, chromiumArgs, INSTALL_HINT } = require('./chromium');
const { startLocalServer, REPO_ROOT } = require('./local-server');
const { requestJson } = require('./http-json');

const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
const PEOPLE_FILE = path.join(REPO_ROOT, 'adapters/identity/sandbox-people.json');
const SCREENSHOT_DIR = path.resolve(__dirname, '../../reports/e2e');
const CLIENT_DIR = path.resolve(__dirname, '../..');

const chromiumPath = findChromium();
const runInCi = process.env.CI === 'true';

if (!chromiumPath && runInCi) {
  throw new Error(`CI=true requires Chromium for the browser test. ${INSTALL_HINT}`);
}
if (!chromiumPath) {
  process.stdout.write(`${INSTALL_HINT}\n`);
}

const describeWithBrowser = chromiumPath ? describe : describe.skip;

/** Returns the first sandbox person whose photo on file is Paul.jpeg (Paul2.jpeg is a selfie). */
function samplePerson() {
  const people = JSON.parse(fs.readFileSync(PEOPLE_FILE, 'utf8'));
  const person = people.find((entry) => entry.photo === 'Paul.jpeg');
  if (!person) throw new Error(`No sandbox person with photo Paul.jpeg in ${PEOPLE_FILE}`);
  return person;
}

describeWithBrowser('borrower journey in the browser', () => {
  let server;
  let browser;
  let page;
  let step = 0;

  async function snap(name) {
    step += 1;
    const file = path.join(SCREENSHOT_DIR, `${String(step).padStart(2, '0')}-${name}.png`);
    // Taro's h5 router slides each new page in from the right; shoot once every visible
    // page sits at the left edge.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.screen')]
        .filter((screen) => screen.getClientRects().length > 0)
        .every((screen) => Math.abs(screen.getBoundingClientRect().left) < 1),
    );
    await page.screenshot({ path: file, fullPage: true });
  }

  async function sandbox(route, options) {
    const response = await requestJson(`${server.baseUrl}/api/sandbox/${route}`, options);
    if (response.status !== 200) throw new Error(`sandbox ${route} answered ${response.status}`);
    return response.body;
  }

  /** Clicks the button (or any element) whose whole text is `text`. */
  async function tap(text) {
    await page.getByText(text, { exact: true }).first().click();
  }

  async function fill(fieldId, value) {
    await page.locator(`#${fieldId} input`).fill(value);
  }

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(CLIENT_DIR, 'scripts/build-if-stale.js'), 'h5'], {
      stdio: 'inherit',
    });
    fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    server = await startLocalServer();
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs() });
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    page.setDefaultTimeout(30_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens an account, borrows and pays off early', async () => {
    const person = samplePerson();

    await page.goto(`${server.baseUrl}/#/pages/index/index`);
    await page.getByText('立即开通', { exact: true }).waitFor();
    await snap('home-new-user');
    await tap('立即开通');

    for (let consent = 0; consent < 4; consent += 1) {
      await page.getByText(`第 ${consent + 1} / 4 项授权`, { exact: false }).waitFor();
      await snap(`consent-${consent + 1}`);
      await tap('同意并继续');
    }

    await page.getByText('开通借款账户', { exact: true }).waitFor();
    await fill('open-name', person.name);
    await fill('open-idNumber', person.idNumber);
    await fill('open-cardNumber', person.bankCard);
    await fill('open-phone', person.phone);
    await tap('获取验证码');
    await page.getByText(/验证码已发送至/).waitFor();
    const inbox = await sandbox(`inbox?phone=${person.phone}`);
    const code = inbox.messages.at(-1).params[0];
    await fill('open-code', code);
    await snap('account-form');
    await tap('提交开户');

    await page.getByText(/今日还可核验 \d+ 次/).waitFor();
    await page.waitForURL(/#\/account\/face\/index/);
    await snap('face-check');

    // A consent page opened again (reload, back button) sends the opened account on.
    await page.goto(`${server.baseUrl}/#/account/consent/index?step=0`);
    await page.waitForURL(/#\/account\/face\/index/);
    await page.getByText(/今日还可核验 \d+ 次/).waitFor();
    await tap('开始动作核验');
    await page.getByText(/^第 1 \/ \d 步：请正对镜头/).waitFor();
    await snap('face-liveness-challenge');
    // The sandbox accepts one photo without the liveness challenge; a still photo cannot
    // turn its head or blink.
    await tap('改为上传一张照片核验');
    await page.setInputFiles('#face-file', path.join(SHARED_DIR, 'data/faces/Paul2.jpeg'));
    await page.locator('.preview-image').waitFor();
    await tap('提交核验');
    await page.getByText('人脸核验通过。', { exact: true }).waitFor();
    await snap('face-passed');
    await tap('获取额度');

    await page.getByText('信用评分（0–100）').waitFor();
    await page.getByText('去借钱', { exact: true }).waitFor();
    await snap('credit-line');
    await tap('去借钱');

    await page.getByText(/^可用额度 ¥/).waitFor();
    // Typed key by key, as a borrower would: the decimal point must survive (1000.0 is ¥1,000).
    await page.locator('#borrow-amount input').pressSequentially('1000.0');
    await tap('10 期');
    await tap('查看还款计划');
    await page.locator('#borrow-quote').waitFor();
    const rows = await page.locator('#borrow-quote .table-row').count();
    expect(rows).toBe(10);
    await snap('borrow-quote');
    await tap('下一步：确认借款');
    await page.locator('#borrow-confirm').waitFor();
    await page.getByText('七、资金来源').waitFor();
    await snap('borrow-confirm');
    await tap('我已阅读并同意《个人借款合同》');
    await tap('确认借款');
    await page.getByText(/借款成功，¥1,000.00 已发放至银行卡/).waitFor();
    await snap('borrow-disbursed');
    await tap('查看借款详情');
    await page.getByText('还款中', { exact: true }).waitFor();
    // The accepted agreement can be read again from the loan.
    await tap('查看合同');
    await page.locator('#loan-agreement').getByText('七、资金来源').waitFor();
    await tap('收起合同');

    const clock = await sandbox('clock', { method: 'POST', body: { days: 10 } });
    await page.reload();
    await page.getByText(`今日应还（${clock.businessDate}）`).waitFor();
    await snap('loan-after-ten-days');

    const payoffButton = page.getByText(/^提前结清 ¥/);
    const payoffText = (await payoffButton.textContent()).trim();
    const payoffAmount = payoffText.replace('提前结清 ', '');
    expect(payoffAmount).not.toBe('¥1,000.00');
    await payoffButton.click();
    await page.locator('#repay-confirm').waitFor();
    expect((await page.locator('#repay-amount').textContent()).trim()).toBe(payoffAmount);
    await snap('payoff-quote');
    await tap(`确认还款 ${payoffAmount}`);
    await page.getByText(`还款成功：${payoffAmount}。`).waitFor();
    await page.locator('#loan-status', { hasText: '已结清' }).waitFor();
    await snap('paid-off');
  });

  it('fits 1.5x text without sideways scrolling', async () => {
    await page.goto(`${server.baseUrl}/#/pages/me/index`);
    await tap('特大字');
    await page.locator('.screen.scale-150').first().waitFor();
    await snap('me-large-text');
    for (const route of ['pages/index/index', 'loan/list/index', 'loan/credit/index']) {
      await page.goto(`${server.baseUrl}/#/${route}`);
      await page.locator('.screen.scale-150 .card').first().waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await snap(`large-text-${route.split('/')[1]}`);
    }
  });
});

/**
 * The shared installment table, built as a native weapp component by
 * `taro build native-components --type weapp` into dist/weapp-components.
 */
const path = require('path');
const simulate = require('miniprogram-simulate');

const COMPONENTS_DIR = path.resolve(__dirname, '../../dist/weapp-components');

let tableId;

// The component is rendered inside a page; Taro reads that page from getCurrentPages().
const hostPage = { route: 'pages/index/index', options: {} };
global.getCurrentPages = () => [hostPage];
global.getApp = () => ({});

function renderTable(installments) {
  if (!tableId) {
    tableId = simulate.load(path.join(COMPONENTS_DIR, 'native/installment-table/index'), {
      rootPath: COMPONENTS_DIR,
    });
  }
  const table = simulate.render(tableId, { props: { installments } });
  table.attach(document.createElement('parent-wrapper'));
  return table;
}

async function renderedText(table, pattern) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (pattern.test(table.dom.textContent)) return table.dom.textContent;
    await simulate.sleep(20);
  }
  throw new Error(`text ${pattern} not rendered; table shows: ${table.dom.textContent}`);
}

describe('installment table component (weapp build)', () => {
  it('shows each planned installment in yuan', async () => {
    const text = await renderedText(
      renderTable([
        {
          number: 1,
          dueDate: '2026-02-10',
          principalFen: 200_000,
          interestFen: 15_500,
          totalFen: 215_500,
        },
        {
          number: 2,
          dueDate: '2026-03-10',
          principalFen: 200_000,
          interestFen: 11_200,
          totalFen: 211_200,
        },
      ]),
      /第 2 期/,
    );
    expect(text).toContain('第 1 期 · 2026-02-10');
    expect(text).toContain('本金 ¥2,000.00');
    expect(text).toContain('利息 ¥155.00');
    expect(text).toContain('应还 ¥2,155.00');
    expect(text).toContain('应还 ¥2,112.00');
    expect(text).not.toContain('已还');
  });

  it('shows status, paid amount and penalty of a drawn loan', async () => {
    const table = renderTable([
      {
        number: 1,
        dueDate: '2026-02-10',
        principalFen: 200_000,
        interestFen: 15_500,
        totalFen: 215_500,
        status: 'paid',
        paidFen: 215_500,
        penaltyFen: 0,
      },
      {
        number: 2,
        dueDate: '2026-03-10',
        principalFen: 200_000,
        interestFen: 11_200,
        totalFen: 211_200,
        status: 'overdue',
        paidFen: 0,
        penaltyFen: 4_500,
      },
    ]);
    const text = await renderedText(table, /已逾期/);
    expect(text).toContain('已还清');
    expect(text).toContain('已还 ¥2,155.00');
    expect(text).toContain('罚息 ¥45.00');
    expect(table.querySelectorAll('.status-overdue').length).toBeGreaterThan(0);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../adapters/storage/port';
import { openSqliteStore } from '../../adapters/storage/sqlite-store';
import { LoanError } from '../../core/errors';
import {
  accountBalances,
  checkLedger,
  postJournal,
  resolveAccount,
  type JournalDocument,
  type JournalInput,
} from '../../services/ledger';

let store: Store;

beforeEach(() => {
  store = openSqliteStore({ file: ':memory:' });
});

afterEach(async () => {
  await store.close();
});

function journal(
  journalId: string,
  entries: JournalInput['entries'],
  loanId?: string,
): JournalInput {
  return {
    journalId,
    requestId: `req-${journalId}`,
    kind: 'disbursement',
    businessDate: '2024-03-01',
    loanId,
    entries,
  };
}

const FUNDING = journal('fund-1', [
  { account: 'platform_funds', debitFen: 1_000_000 },
  { account: 'funding_equity', creditFen: 1_000_000 },
]);

const DISBURSEMENT = journal(
  'disburse-1',
  [
    { account: 'loans_principal_receivable', debitFen: 500_000 },
    { account: 'platform_funds', creditFen: 500_000 },
  ],
  'loan-1',
);

async function post(input: JournalInput) {
  return store.runTransaction((tx) => postJournal(tx, input));
}

async function balancesByAccount(): Promise<Record<string, number>> {
  const balances = await accountBalances(store);
  return Object.fromEntries(balances.map((balance) => [balance.account, balance.balanceFen]));
}

async function expectLoanError(promise: Promise<unknown>, code: string, message: RegExp) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LoanError);
  expect((error as LoanError).code).toBe(code);
  expect((error as LoanError).message).toMatch(message);
}

describe('postJournal', () => {
  it('balanced journals update account totals', async () => {
    await post({ ...FUNDING, kind: 'funding' });
    const result = await post(DISBURSEMENT);
    expect(result).toEqual({ journalId: 'disburse-1', status: 'posted' });
    expect(await balancesByAccount()).toEqual({
      funding_equity: 1_000_000,
      loans_principal_receivable: 500_000,
      platform_funds: 500_000,
    });
    expect(await store.get('journals', 'disburse-1')).toEqual({
      _id: 'disburse-1',
      requestId: 'req-disburse-1',
      kind: 'disbursement',
      businessDate: '2024-03-01',
      loanId: 'loan-1',
      entries: DISBURSEMENT.entries,
      totalFen: 500_000,
    });
    expect(await store.get('accounts', 'platform_funds')).toEqual({
      _id: 'platform_funds',
      type: 'asset',
      normalBalance: 'debit',
      debitFen: 1_000_000,
      creditFen: 500_000,
    });
  });

  it('rejects an unbalanced journal without writing', async () => {
    const unbalanced = journal('bad-1', [
      { account: 'platform_funds', debitFen: 1000 },
      { account: 'funding_equity', creditFen: 999 },
    ]);
    const message = /unbalanced: debits 1000 fen, credits 999/;
    await expectLoanError(post(unbalanced), 'INVALID_INPUT', message);
    expect(await store.count('journals')).toBe(0);
    expect(await store.count('accounts')).toBe(0);
  });

  const badAmounts: { name: string; amount: unknown }[] = [
    { name: 'negative', amount: -100 },
    { name: 'zero', amount: 0 },
    { name: 'fractional', amount: 10.5 },
    { name: 'unsafe', amount: 2 ** 53 },
    { name: 'NaN', amount: NaN },
    { name: 'string', amount: '100' },
  ];
  for (const { name, amount } of badAmounts) {
    it(`rejects a ${name} amount`, async () => {
      const input = journal('bad-amount', [
        { account: 'platform_funds', debitFen: amount as number },
        { account: 'funding_equity', creditFen: amount as number },
      ]);
      await expectLoanError(post(input), 'INVALID_INPUT', /positive whole number of fen/);
      expect(await store.count('journals')).toBe(0);
    });
  }

  it('rejects malformed journals', async () => {
    const cases: { input: JournalInput; message: RegExp }[] = [
      {
        input: journal('one-line', [{ account: 'platform_funds', debitFen: 1 }]),
        message: /two entries/,
      },
      {
        input: journal('both-sides', [
          { account: 'platform_funds', debitFen: 1, creditFen: 1 },
          { account: 'funding_equity', creditFen: 1 },
        ]),
        message: /exactly one of debitFen and creditFen/,
      },
      {
        input: journal('unknown', [
          { account: 'petty_cash', debitFen: 1 },
          { account: 'funding_equity', creditFen: 1 },
        ]),
        message: /unknown ledger account "petty_cash"/,
      },
      { input: { ...FUNDING, businessDate: '2023-02-29' }, message: /businessDate/ },
      { input: { ...FUNDING, journalId: 'has space' }, message: /journalId/ },
      { input: { ...FUNDING, requestId: '' }, message: /requestId/ },
      { input: { ...FUNDING, kind: 'gift' as never }, message: /unknown kind/ },
    ];
    for (const { input, message } of cases) {
      await expectLoanError(post(input), 'INVALID_INPUT', message);
    }
    expect(await store.count('journals')).toBe(0);
  });

  it('replaying a journal id posts once', async () => {
    await post(FUNDING);
    const replay = await post({ ...FUNDING, requestId: 'req-retry' });
    expect(replay).toEqual({ journalId: 'fund-1', status: 'duplicate' });
    const twice = await store.runTransaction(async (tx) => [
      await postJournal(tx, DISBURSEMENT),
      await postJournal(tx, DISBURSEMENT),
    ]);
    expect(twice.map((result) => result.status)).toEqual(['posted', 'duplicate']);
    expect(await balancesByAccount()).toEqual({
      funding_equity: 1_000_000,
      loans_principal_receivable: 500_000,
      platform_funds: 500_000,
    });
    expect(await store.count('journals')).toBe(2);
  });

  it('rejects a journal id reused with different lines', async () => {
    await post(FUNDING);
    const changed = journal('fund-1', [
      { account: 'platform_funds', debitFen: 1 },
      { account: 'funding_equity', creditFen: 1 },
    ]);
    await expectLoanError(post(changed), 'CONFLICT', /already posted with different content/);
    expect((await balancesByAccount()).platform_funds).toBe(1_000_000);
  });

  it('a transaction that posts then throws leaves nothing', async () => {
    await expect(
      store.runTransaction(async (tx) => {
        await postJournal(tx, FUNDING);
        throw new Error('payout rejected');
      }),
    ).rejects.toThrow('payout rejected');
    expect(await store.count('journals')).toBe(0);
    expect(await store.count('accounts')).toBe(0);
  });

  it('refuses to lend more than the pool holds', async () => {
    await post({ ...FUNDING, kind: 'funding' });
    const tooLarge = journal('disburse-big', [
      { account: 'loans_principal_receivable', debitFen: 1_000_001 },
      { account: 'platform_funds', creditFen: 1_000_001 },
    ]);
    await expectLoanError(post(tooLarge), 'FUNDS_UNAVAILABLE', /platform_funds below zero/);
    const overRepay = journal('repay-big', [
      { account: 'borrower_clearing', debitFen: 1 },
      { account: 'interest_receivable', creditFen: 1 },
    ]);
    await expectLoanError(post(overRepay), 'PRECONDITION_FAILED', /interest_receivable below zero/);
    expect(await store.count('journals')).toBe(1);
  });

  it('100 concurrent postings keep totals exact', async () => {
    await post({ ...FUNDING, kind: 'funding' });
    await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        post(
          journal(
            `disburse-${index}`,
            [
              { account: 'loans_principal_receivable', debitFen: 1000 + index },
              { account: 'platform_funds', creditFen: 1000 + index },
            ],
            `loan-${index}`,
          ),
        ),
      ),
    );
    // 100 loans of 1000..1099 fen: 100 * 1000 + (0 + 1 + ... + 99) = 104,950 fen.
    expect(await balancesByAccount()).toEqual({
      funding_equity: 1_000_000,
      loans_principal_receivable: 104_950,
      platform_funds: 895_050,
    });
    const report = await checkLedger(store);
    expect(report.problems).toEqual([]);
    expect(report.journals).toBe(101);
  });
});

describe('checkLedger', () => {
  it('reports a clean ledger as balanced', async () => {
    await post({ ...FUNDING, kind: 'funding' });
    await post(DISBURSEMENT);
    expect(await checkLedger(store)).toEqual({
      balanced: true,
      journals: 2,
      totalDebitFen: 1_500_000,
      totalCreditFen: 1_500_000,
      problems: [],
    });
  });

  it('reports an empty ledger as balanced', async () => {
    expect(await checkLedger(store)).toMatchObject({ balanced: true, journals: 0, problems: [] });
  });

  it('finds a tampered account document', async () => {
    await post({ ...FUNDING, kind: 'funding' });
    await store.update('accounts', 'platform_funds', { debitFen: { $inc: 1 } });
    const report = await checkLedger(store);
    expect(report.balanced).toBe(false);
    expect(report.problems).toEqual([
      'account platform_funds: stored debit 1000001 / credit 0 fen,' +
        ' journals sum to 1000000 / 0 fen',
    ]);
  });

  it('finds an unbalanced journal and a missing account', async () => {
    await post({ ...FUNDING, kind: 'funding' });
    const stored = await store.get<JournalDocument>('journals', 'fund-1');
    await store.set('journals', {
      ...stored!,
      entries: [stored!.entries[0], { account: 'funding_equity', creditFen: 5 }],
    });
    await store.remove('accounts', 'funding_equity');
    const report = await checkLedger(store);
    expect(report.balanced).toBe(false);
    expect(report.totalDebitFen).toBe(1_000_000);
    expect(report.totalCreditFen).toBe(5);
    expect(report.problems).toContain(
      'journal fund-1: journal fund-1 is unbalanced: debits 1000000 fen, credits 5 fen',
    );
    expect(report.problems).toContain(
      'total debits 1000000 fen differ from total credits 5 fen',
    );
    expect(report.problems).toContain(
      'account funding_equity: no account document, journals sum to 0 / 5 fen',
    );
  });

  it('finds a receivable below zero', async () => {
    await post({ ...FUNDING, kind: 'funding' });
    await store.set('journals', {
      _id: 'forged',
      requestId: 'r',
      kind: 'repayment',
      businessDate: '2024-03-02',
      entries: [
        { account: 'platform_funds', debitFen: 300 },
        { account: 'interest_receivable', creditFen: 300 },
      ],
      totalFen: 300,
    });
    await store.update('accounts', 'platform_funds', { debitFen: { $inc: 300 } });
    await store.set('accounts', {
      _id: 'interest_receivable',
      type: 'asset',
      normalBalance: 'debit',
      debitFen: 0,
      creditFen: 300,
    });
    const report = await checkLedger(store);
    expect(report.problems).toEqual([
      'account interest_receivable: below zero, debit 0 fen < credit 300 fen',
    ]);
  });

  it('pages through more than one page of journals', async () => {
    await post({ ...FUNDING, kind: 'funding' });
    await store.runTransaction(async (tx) => {
      for (let index = 0; index < 1500; index += 1) {
        await postJournal(tx, {
          journalId: `accrual-${index}`,
          requestId: 'daily-job',
          kind: 'interest_accrual',
          businessDate: '2024-03-02',
          entries: [
            { account: 'interest_accrued', debitFen: 7 },
            { account: 'interest_income', creditFen: 7 },
          ],
        });
      }
    });
    const report = await checkLedger(store);
    expect(report.problems).toEqual([]);
    expect(report.journals).toBe(1501);
    expect(report.totalDebitFen).toBe(1_000_000 + 1500 * 7);
  });
});

describe('chart of accounts', () => {
  it('resolves per-partner accounts', () => {
    expect(resolveAccount('partner_funds:bank_a').type).toBe('asset');
    expect(resolveAccount('interest_income').type).toBe('income');
  });

  it('rejects bad suffixes', () => {
    expect(() => resolveAccount('partner_funds')).toThrow(/partner id suffix/);
    expect(() => resolveAccount('partner_funds:Bank A')).toThrow(/partner id suffix/);
    expect(() => resolveAccount('platform_funds:bank_a')).toThrow(/takes no suffix/);
    expect(() => resolveAccount('partner_funds:a:b')).toThrow(/unknown ledger account/);
  });
});

describe('accountBalances', () => {
  it('reports balances on the normal side', async () => {
    await post({ ...FUNDING, kind: 'funding' });
    await post(DISBURSEMENT);
    expect(await accountBalances(store)).toEqual([
      {
        account: 'funding_equity',
        type: 'equity',
        normalBalance: 'credit',
        debitFen: 0,
        creditFen: 1_000_000,
        balanceFen: 1_000_000,
      },
      {
        account: 'loans_principal_receivable',
        type: 'asset',
        normalBalance: 'debit',
        debitFen: 500_000,
        creditFen: 0,
        balanceFen: 500_000,
      },
      {
        account: 'platform_funds',
        type: 'asset',
        normalBalance: 'debit',
        debitFen: 1_000_000,
        creditFen: 500_000,
        balanceFen: 500_000,
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { CloudBaseStore } from '../../adapters/storage/cloudbase-store';
import { CloudBaseDatabaseError, checkResult, isDuplicateKey, isTransactionConflict } from '../../adapters/storage/cloudbase-errors';
import {
  DocumentExistsError,
  DocumentNotFoundError,
  TransactionConflictError,
  type StoredDocument,
} from '../../adapters/storage/port';
import { readAllPages } from '../storage/store-contract';
import { FakeCloudBaseDatabase } from './fake-cloudbase-database';

function setup(maxTransactionAttempts = 3) {
  const database = new FakeCloudBaseDatabase();
  const delays: number[] = [];
  const store = new CloudBaseStore({
    database,
    maxTransactionAttempts,
    retryDelayMs: (attempt) => {
      delays.push(attempt);
      return 0;
    },
  });
  return { database, store, delays };
}

async function fill(store: CloudBaseStore, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await store.create('bulk', { _id: `doc${String(index).padStart(5, '0')}`, group: index % 7 });
  }
}

describe('CloudBaseStore paging', () => {
  it('pages 2,500 documents in 1000s', async () => {
    const { database, store } = setup();
    await fill(store, 2500);
    const { documents, pageSizes } = await readAllPages(store, 'bulk', { limit: 1000 });
    expect(pageSizes).toEqual([1000, 1000, 500]);
    expect(new Set(documents.map((document) => document._id)).size).toBe(2500);
    expect(database.gets.map((get) => get.limit)).toEqual([1000, 1, 1000, 1, 1000]);
  });

  it('never asks for more than 1,000', async () => {
    const { database, store } = setup();
    await fill(store, 1200);
    await readAllPages(store, 'bulk', { limit: 1000, orderBy: 'group', direction: 'desc' });
    expect(Math.max(...database.gets.map((get) => get.limit ?? 0))).toBe(1000);
  });

  it('full last page at the cap has no cursor', async () => {
    const { store } = setup();
    await fill(store, 1000);
    const page = await store.page('bulk', { limit: 1000 });
    expect(page.documents).toHaveLength(1000);
    expect(page.cursor).toBeUndefined();
  });

  it('below the cap asks for one extra', async () => {
    const { database, store } = setup();
    await fill(store, 6);
    const { pageSizes } = await readAllPages(store, 'bulk', { limit: 2, orderBy: 'group' });
    expect(pageSizes).toEqual([2, 2, 2]);
    expect(database.gets.map((get) => get.limit)).toEqual([3, 3, 3]);
  });

  it('orders by the field, then _id', async () => {
    const { database, store } = setup();
    await fill(store, 3);
    await store.page('bulk', { limit: 10, orderBy: 'group', direction: 'desc' });
    expect(database.gets[0].order).toEqual([['group', 'desc'], ['_id', 'desc']]);
  });

  it('combines the filter and the cursor with and', async () => {
    const { database, store } = setup();
    await fill(store, 30);
    const { documents } = await readAllPages(store, 'bulk', { where: { group: 3 }, limit: 2 });
    expect(documents.map((document) => document.group)).toEqual([3, 3, 3, 3]);
    expect((database.gets[1].where as { operator: string }).operator).toBe('and');
  });

  it('rejects limits outside 1..1000', async () => {
    const { store } = setup();
    for (const limit of [0, 1001, 1.5]) {
      await expect(store.page('bulk', { limit })).rejects.toThrow(/limit/);
    }
  });
});

describe('CloudBaseStore writes', () => {
  it('$inc goes to the server as _.inc', async () => {
    const { database, store } = setup();
    await store.create('loans', { _id: 'l1', outstandingFen: 5000 });
    await store.update('loans', 'l1', { outstandingFen: { $inc: -1000 } });
    const payload = database.updates[0].payload.outstandingFen as { operator: string; operands: number[] };
    expect(payload.operator).toBe('inc');
    expect(payload.operands).toEqual([-1000]);
    expect(await store.get('loans', 'l1')).toEqual({ _id: 'l1', outstandingFen: 4000 });
  });

  it('rejects $inc on a non-integer field before sending', async () => {
    const { database, store } = setup();
    await store.create('loans', { _id: 'l1', rate: 0.5, bigFen: 2 ** 53 - 1 });
    await expect(store.update('loans', 'l1', { rate: { $inc: 1 } })).rejects.toThrow(/\$inc/);
    await expect(store.update('loans', 'l1', { bigFen: { $inc: 1 } })).rejects.toThrow(/safe integer/);
    expect(database.updates).toHaveLength(0);
  });

  it('update of a missing document fails', async () => {
    const { store } = setup();
    await expect(store.update('loans', 'missing', { a: 1 })).rejects.toBeInstanceOf(DocumentNotFoundError);
  });

  it('create of a taken id fails with DocumentExistsError', async () => {
    const { store } = setup();
    await store.create('loans', { _id: 'l1' });
    await expect(store.create('loans', { _id: 'l1' })).rejects.toBeInstanceOf(DocumentExistsError);
  });

  it('set sends the fields without _id', async () => {
    const { database, store } = setup();
    await store.set('loans', { _id: 'l1', a: 1, skipped: undefined });
    expect(database.table('loans').get('l1')).toEqual({ _id: 'l1', a: 1 });
  });

  it('error results become errors', async () => {
    const { database, store } = setup();
    database.nextWriteError = { code: 'DATABASE_PERMISSION_DENIED', message: 'permission denied' };
    await expect(store.set('loans', { _id: 'l1' })).rejects.toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' });
    expect(() => checkResult({ code: 'DATABASE_REQUEST_FAILED', message: 'x' })).toThrow(CloudBaseDatabaseError);
  });
});

describe('CloudBaseStore transactions', () => {
  it('runs the SDK transaction with its retries off', async () => {
    const { database, store } = setup();
    await store.runTransaction(async (tx) => tx.set('loans', { _id: 'l1' }));
    expect(database.transactionTimes).toEqual([0]);
  });

  it('retries the work after a conflict', async () => {
    const { database, store, delays } = setup();
    await store.create('counters', { _id: 'c', value: 0 });
    database.conflictsToRaise = 2;
    let runs = 0;
    const result = await store.runTransaction(async (tx) => {
      runs += 1;
      await tx.update('counters', 'c', { value: { $inc: 1 } });
      return 'done';
    });
    expect(result).toBe('done');
    expect(runs).toBe(3);
    expect(delays).toEqual([1, 2]);
    expect(await store.get('counters', 'c')).toEqual({ _id: 'c', value: 1 });
  });

  it('fails with TransactionConflictError when conflicts never stop', async () => {
    const { database, store } = setup(3);
    await store.create('counters', { _id: 'c', value: 0 });
    database.conflictsToRaise = 10;
    const attempt = store.runTransaction(async (tx) => {
      await tx.get('counters', 'c');
      await tx.update('counters', 'c', { value: 5 });
    });
    await expect(attempt).rejects.toBeInstanceOf(TransactionConflictError);
    await expect(attempt).rejects.toMatchObject({ attempts: 3, documents: ['counters/c'] });
    expect(await store.get('counters', 'c')).toEqual({ _id: 'c', value: 0 });
  });

  it('other errors pass through without a retry', async () => {
    const { store } = setup();
    let runs = 0;
    const failure = new Error('rail down');
    await expect(
      store.runTransaction(async () => {
        runs += 1;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(runs).toBe(1);
  });

  it('create inside reads first and reports a taken id', async () => {
    const { store } = setup();
    await store.create('repayments', { _id: 'r1' });
    await expect(
      store.runTransaction((tx) => tx.create('repayments', { _id: 'r1', amountFen: 2 })),
    ).rejects.toBeInstanceOf(DocumentExistsError);
  });

  it('update inside fails on a missing document', async () => {
    const { store } = setup();
    await expect(store.runTransaction((tx) => tx.update('loans', 'nope', { a: 1 }))).rejects.toBeInstanceOf(
      DocumentNotFoundError,
    );
  });

  it('get inside reads the { data: doc } shape', async () => {
    const { store } = setup();
    await store.create('loans', { _id: 'l1', a: 1 });
    const read = await store.runTransaction((tx) => tx.get<StoredDocument>('loans', 'l1'));
    expect(read).toEqual({ _id: 'l1', a: 1 });
  });
});

describe('CloudBase error recognition', () => {
  it('conflict by code', () => {
    expect(isTransactionConflict({ code: 'DATABASE_TRANSACTION_CONFLICT' })).toBe(true);
    expect(isTransactionConflict({ code: 'DATABASE_TRANSACTION_FAIL' })).toBe(false);
    expect(isTransactionConflict(new Error('DATABASE_TRANSACTION_CONFLICT'))).toBe(false);
  });

  it('duplicate key by code or message', () => {
    expect(isDuplicateKey({ code: 'DATABASE_REQUEST_FAILED', message: 'E11000 duplicate key error' })).toBe(true);
    expect(isDuplicateKey({ code: 'DATABASE_DUPLICATE_WRITE' })).toBe(true);
    expect(isDuplicateKey({ code: 'DATABASE_REQUEST_FAILED', message: 'timeout' })).toBe(false);
  });
});

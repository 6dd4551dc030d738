import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../adapters/storage/sqlite-store';
import { describeStoreContract } from './store-contract';

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-store-test-'));
let fileCount = 0;

function tempFile(): string {
  fileCount += 1;
  return path.join(tempRoot, `nested-${fileCount}`, 'store.sqlite');
}

afterAll(() => {
  fs.rmSync(tempRoot, { recursive: true, force: true });
});

describeStoreContract('SQLite in memory', async () => openSqliteStore({ file: ':memory:' }));
describeStoreContract('SQLite file', async () => openSqliteStore({ file: tempFile() }));

describe('SqliteStore on disk', () => {
  it('data survives close and reopen', async () => {
    const file = tempFile();
    const first = openSqliteStore({ file });
    await first.create('loans', { _id: 'l1', outstandingFen: 5000 });
    await first.runTransaction(async (tx) => {
      await tx.update('loans', 'l1', { outstandingFen: { $inc: -1000 } });
      await tx.create('repayments', { _id: 'r1', amountFen: 1000 });
    });
    await first.ensureIndex('loans', 'outstandingFen');
    await first.close();

    const second = openSqliteStore({ file });
    expect(await second.get('loans', 'l1')).toEqual({ _id: 'l1', outstandingFen: 4000 });
    expect(await second.get('repayments', 'r1')).toEqual({ _id: 'r1', amountFen: 1000 });
    expect(await second.count('loans', { outstandingFen: 4000 })).toBe(1);
    await second.close();
  });

  it('uses WAL journal mode', async () => {
    const file = tempFile();
    const store = openSqliteStore({ file });
    await store.create('loans', { _id: 'l1' });
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    await store.close();
  });

  it('versions never repeat after delete and create', async () => {
    const store = openSqliteStore({ file: ':memory:' });
    await store.create('loans', { _id: 'l1', value: 1 });
    let runs = 0;
    await store.runTransaction(async (tx) => {
      runs += 1;
      const loan = await tx.get('loans', 'l1');
      if (runs === 1) {
        await store.remove('loans', 'l1');
        await store.create('loans', { _id: 'l1', value: 1 });
      }
      await tx.set('loans', { _id: 'l1', value: (loan?.value as number) + 1 });
    });
    expect(runs).toBe(2);
    await store.close();
  });
});

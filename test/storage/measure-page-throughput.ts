/**
 * Measures `page()` throughput of the SQLite store over 100,000 loan-like documents.
 * Run it with `npx tsx test/storage/measure-page-throughput.ts [file]`. It prints documents
 * per second for several query shapes. It is a measurement, not a test, and asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PageRequest } from '../../adapters/storage/port';
import { openSqliteStore, type SqliteStore } from '../../adapters/storage/sqlite-store';

const DOCUMENT_COUNT = 100_000;
const STATUSES = ['active', 'active', 'active', 'overdue', 'repaid'];

async function seed(store: SqliteStore): Promise<number> {
  const started = performance.now();
  await store.ensureIndex('loans', 'status');
  await store.ensureIndex('loans', 'dueDate');
  await store.runTransaction(async (tx) => {
    for (let index = 0; index < DOCUMENT_COUNT; index += 1) {
      await tx.create('loans', {
        _id: `loan-${String(index).padStart(7, '0')}`,
        status: STATUSES[index % STATUSES.length],
        dueDate: `2024-${String((index % 12) + 1).padStart(2, '0')}-15`,
        outstandingFen: 100_000 + (index % 997),
        borrower: { userId: `user-${index % 50_000}`, dailyRatePpm: 500 },
      });
    }
  });
  return performance.now() - started;
}

async function measure(store: SqliteStore, label: string, request: Omit<PageRequest, 'cursor'>) {
  const started = performance.now();
  let documents = 0;
  let cursor: string | undefined;
  do {
    const page = await store.page('loans', { ...request, cursor });
    documents += page.documents.length;
    cursor = page.cursor;
  } while (cursor !== undefined);
  const seconds = (performance.now() - started) / 1000;
  const perSecond = Math.round(documents / seconds);
  console.log(`${label}: ${documents} documents in ${seconds.toFixed(2)} s, ${perSecond}/s`);
}

async function main(): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'page-throughput-'));
  const file = process.argv[2] ?? path.join(folder, 'store.sqlite');
  const store = openSqliteStore({ file });
  try {
    const seedMs = await seed(store);
    const seedSeconds = (seedMs / 1000).toFixed(2);
    console.log(`seeded ${DOCUMENT_COUNT} documents in one transaction in ${seedSeconds} s`);
    await measure(store, 'all by _id', { limit: 1000 });
    await measure(store, 'status = active by _id', { where: { status: 'active' }, limit: 1000 });
    await measure(store, 'all by dueDate', { orderBy: 'dueDate', limit: 1000 });
    const descending = { orderBy: 'dueDate', direction: 'desc', limit: 1000 } as const;
    await measure(store, 'all by dueDate desc', descending);
    const unindexed = { orderBy: 'outstandingFen', limit: 1000 };
    await measure(store, 'all by unindexed outstandingFen', unindexed);
  } finally {
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

void main();

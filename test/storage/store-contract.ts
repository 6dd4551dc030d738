/**
 * The behaviour every Store adapter must show, whatever database is behind it. Adapters call
 * {@link describeStoreContract} from their own test file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DocumentExistsError,
  DocumentNotFoundError,
  TransactionConflictError,
  type Filter,
  type PageRequest,
  type Store,
  type StoredDocument,
  type Transaction,
} from '../../adapters/storage/port';

type Doc = StoredDocument & Record<string, unknown>;

/** Lets other queued callbacks and timers run, so concurrent transactions interleave. */
function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Reads every page of a query and returns the documents in order. */
export async function readAllPages<T extends StoredDocument>(
  store: Store,
  collection: string,
  request: Omit<PageRequest, 'cursor'>,
): Promise<{ documents: T[]; pageSizes: number[] }> {
  const documents: T[] = [];
  const pageSizes: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.page<T>(collection, { ...request, cursor });
    documents.push(...page.documents);
    pageSizes.push(page.documents.length);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return { documents, pageSizes };
}

function ids(documents: StoredDocument[]): string[] {
  return documents.map((document) => document._id);
}

async function insertMany(store: Store, collection: string, documents: Doc[]): Promise<void> {
  for (const document of documents) await store.create(collection, document);
}

export function describeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;

    beforeEach(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      await store.close();
    });

    describeDocuments(() => store);
    describeUpdates(() => store);
    describeFilters(() => store);
    describeOrderingAndPaging(() => store);
    describeTransactions(() => store);
    describeConcurrency(() => store);
  });
}

function describeDocuments(getStore: () => Store): void {
  describe('documents', () => {
    it('create then get returns the document', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', principalFen: 100_000, card: { last4: '1148' } });
      expect(await store.get('loans', 'l1')).toEqual({
        _id: 'l1',
        principalFen: 100_000,
        card: { last4: '1148' },
      });
    });

    it('get of a missing document returns null', async () => {
      expect(await getStore().get('loans', 'missing')).toBeNull();
    });

    it('create of an existing id fails with DocumentExistsError', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', principalFen: 1 });
      await expect(store.create('loans', { _id: 'l1', principalFen: 2 })).rejects.toBeInstanceOf(
        DocumentExistsError,
      );
      expect(await store.get('loans', 'l1')).toEqual({ _id: 'l1', principalFen: 1 });
    });

    it('set creates and replaces the whole document', async () => {
      const store = getStore();
      await store.set('loans', { _id: 'l1', a: 1, b: 2 });
      await store.set('loans', { _id: 'l1', c: 3 });
      expect(await store.get('loans', 'l1')).toEqual({ _id: 'l1', c: 3 });
    });

    it('remove deletes, and removing a missing document is no error', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', a: 1 });
      await store.remove('loans', 'l1');
      expect(await store.get('loans', 'l1')).toBeNull();
      await expect(store.remove('loans', 'l1')).resolves.toBeUndefined();
    });

    it('collections are separate', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'x', kind: 'loan' });
      await store.create('users', { _id: 'x', kind: 'user' });
      expect(await store.get('loans', 'x')).toEqual({ _id: 'x', kind: 'loan' });
      expect(await store.get('users', 'x')).toEqual({ _id: 'x', kind: 'user' });
    });

    it('returned documents are copies', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', card: { last4: '1148' } });
      const copy = await store.get<Doc>('loans', 'l1');
      (copy!.card as Record<string, string>).last4 = '0000';
      expect(await store.get('loans', 'l1')).toEqual({ _id: 'l1', card: { last4: '1148' } });
    });

    it('undefined fields are not stored', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', a: 1, loanId: undefined });
      const stored = await store.get<Doc>('loans', 'l1');
      expect(stored).toEqual({ _id: 'l1', a: 1 });
      expect(Object.keys(stored!)).not.toContain('loanId');
    });

    it('rejects values that are not JSON', async () => {
      const store = getStore();
      const bad: unknown[] = [NaN, Infinity, -Infinity, new Date(0), () => 1, 1n, [1, undefined]];
      for (const value of bad) {
        await expect(store.create('loans', { _id: 'bad', value } as Doc)).rejects.toThrow();
      }
      expect(await store.get('loans', 'bad')).toBeNull();
    });

    it('rejects documents without a valid _id', async () => {
      const store = getStore();
      await expect(store.create('loans', { _id: '' })).rejects.toThrow(/_id/);
      await expect(store.create('loans', { a: 1 } as unknown as Doc)).rejects.toThrow(/_id/);
      await expect(store.create('loans', undefined as unknown as Doc)).rejects.toThrow();
    });

    it('rejects invalid collection names', async () => {
      const store = getStore();
      for (const collection of ['Loans', '1loans', 'loans;drop', '', 'a'.repeat(64)]) {
        await expect(store.create(collection, { _id: 'x' })).rejects.toThrow(/collection/);
      }
    });

    it('rejects a document over 512 KiB', async () => {
      const store = getStore();
      const text = 'x'.repeat(512 * 1024);
      await expect(store.create('loans', { _id: 'big', text })).rejects.toThrow(/bytes/);
    });
  });
}

function describeUpdates(getStore: () => Store): void {
  describe('update', () => {
    it('fails with DocumentNotFoundError on a missing document', async () => {
      await expect(getStore().update('loans', 'missing', { a: 1 })).rejects.toBeInstanceOf(
        DocumentNotFoundError,
      );
    });

    it('replaces listed fields and keeps the others', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', status: 'active', principalFen: 500 });
      await store.update('loans', 'l1', { status: 'repaid' });
      expect(await store.get('loans', 'l1')).toEqual({
        _id: 'l1',
        status: 'repaid',
        principalFen: 500,
      });
    });

    it('sets nested fields by dot path', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', card: { last4: '1148', bank: 'ICBC' } });
      await store.update('loans', 'l1', { 'card.last4': '5593', 'limits.dailyFen': 2000 });
      expect(await store.get('loans', 'l1')).toEqual({
        _id: 'l1',
        card: { last4: '5593', bank: 'ICBC' },
        limits: { dailyFen: 2000 },
      });
    });

    it('a plain object value replaces the whole field', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', card: { last4: '1148', bank: 'ICBC' } });
      await store.update('loans', 'l1', { card: { last4: '5593' } });
      expect(await store.get('loans', 'l1')).toEqual({ _id: 'l1', card: { last4: '5593' } });
    });

    it('$inc adds to a field and treats a missing field as 0', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', outstandingFen: 5000, nested: { paidFen: 1 } });
      await store.update('loans', 'l1', {
        outstandingFen: { $inc: -1000 },
        repaidFen: { $inc: 1000 },
        'nested.paidFen': { $inc: 2 },
      });
      expect(await store.get('loans', 'l1')).toEqual({
        _id: 'l1',
        outstandingFen: 4000,
        repaidFen: 1000,
        nested: { paidFen: 3 },
      });
    });

    it('$inc rejects non-integer and unsafe amounts', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', outstandingFen: 5000 });
      const amounts = [0.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, '1'];
      for (const amount of amounts) {
        const update = { outstandingFen: { $inc: amount as number } };
        await expect(store.update('loans', 'l1', update)).rejects.toThrow(/\$inc/);
      }
      expect(await store.get('loans', 'l1')).toEqual({ _id: 'l1', outstandingFen: 5000 });
    });

    it('$inc rejects a non-integer field and an overflowing result', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', status: 'active', rate: 0.5, bigFen: 2 ** 53 - 1 });
      await expect(store.update('loans', 'l1', { status: { $inc: 1 } })).rejects.toThrow();
      await expect(store.update('loans', 'l1', { rate: { $inc: 1 } })).rejects.toThrow();
      await expect(store.update('loans', 'l1', { bigFen: { $inc: 1 } })).rejects.toThrow();
      expect(await store.get<Doc>('loans', 'l1')).toMatchObject({ bigFen: 2 ** 53 - 1 });
    });

    it('$unset deletes top-level and nested fields', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', a: 1, b: 2, card: { last4: '1148', bank: 'X' } });
      await store.update('loans', 'l1', {
        a: { $unset: true },
        'card.bank': { $unset: true },
        missing: { $unset: true },
      });
      expect(await store.get('loans', 'l1')).toEqual({ _id: 'l1', b: 2, card: { last4: '1148' } });
    });

    it('rejects invalid updates without writing', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', a: 1, n: 5 });
      const invalid: Record<string, unknown>[] = [
        {},
        { _id: 'l2' },
        { a: undefined },
        { a: NaN },
        { a: { $push: 1 } },
        { a: { $inc: 1, b: 2 } },
        { card: 1, 'card.last4': '1' },
        { 'a..b': 1 },
        { n: { $inc: 1 }, 'a.b': 1 },
      ];
      for (const update of invalid) {
        await expect(store.update('loans', 'l1', update as never)).rejects.toThrow();
      }
      expect(await store.get('loans', 'l1')).toEqual({ _id: 'l1', a: 1, n: 5 });
    });
  });
}

const FILTER_DOCS: Doc[] = [
  { _id: 'a', status: 'active', amountFen: 100, flag: true, card: { last4: '1111' }, tags: ['x'] },
  { _id: 'b', status: 'active', amountFen: 250, flag: false, card: { last4: '2222' } },
  { _id: 'c', status: 'repaid', amountFen: 250, flag: true, note: null },
  { _id: 'd', status: 'overdue', amountFen: 900, card: { last4: '1111' }, note: 'late' },
  { _id: 'e', status: 'active', amountFen: '250', flag: 1 },
];

const FILTER_CASES: { name: string; where: Filter; expected: string[] }[] = [
  { name: 'plain equality', where: { status: 'active' }, expected: ['a', 'b', 'e'] },
  { name: '$eq', where: { status: { $eq: 'repaid' } }, expected: ['c'] },
  { name: 'number equality ignores strings', where: { amountFen: 250 }, expected: ['b', 'c'] },
  { name: 'string equality ignores numbers', where: { amountFen: '250' }, expected: ['e'] },
  { name: 'boolean true is not 1', where: { flag: true }, expected: ['a', 'c'] },
  { name: 'number 1 is not true', where: { flag: 1 }, expected: ['e'] },
  { name: 'boolean false', where: { flag: false }, expected: ['b'] },
  { name: 'null matches null and missing', where: { note: null }, expected: ['a', 'b', 'c', 'e'] },
  { name: '$ne null on a sparse field', where: { note: { $ne: null } }, expected: ['d'] },
  { name: '$ne includes missing', where: { flag: { $ne: true } }, expected: ['b', 'd', 'e'] },
  { name: '$ne null', where: { flag: { $ne: null } }, expected: ['a', 'b', 'c', 'e'] },
  { name: '$gt', where: { amountFen: { $gt: 250 } }, expected: ['d'] },
  { name: '$gte', where: { amountFen: { $gte: 250 } }, expected: ['b', 'c', 'd'] },
  { name: '$lt', where: { amountFen: { $lt: 250 } }, expected: ['a'] },
  { name: '$lte', where: { amountFen: { $lte: 250 } }, expected: ['a', 'b', 'c'] },
  { name: 'string range', where: { status: { $gte: 'overdue' } }, expected: ['c', 'd'] },
  { name: 'range on _id', where: { _id: { $gt: 'c' } }, expected: ['d', 'e'] },
  { name: '$in strings', where: { status: { $in: ['repaid', 'overdue'] } }, expected: ['c', 'd'] },
  { name: '$in numbers', where: { amountFen: { $in: [100, 900] } }, expected: ['a', 'd'] },
  { name: '$in mixed', where: { flag: { $in: [false, 1] } }, expected: ['b', 'e'] },
  { name: '$in on _id', where: { _id: { $in: ['a', 'e', 'z'] } }, expected: ['a', 'e'] },
  { name: 'empty $in', where: { status: { $in: [] } }, expected: [] },
  { name: 'nested field', where: { 'card.last4': '1111' }, expected: ['a', 'd'] },
  { name: 'object equality', where: { card: { last4: '2222' } }, expected: ['b'] },
  {
    name: 'several fields',
    where: { status: 'active', amountFen: { $gte: 200 }, 'card.last4': { $ne: '9' } },
    expected: ['b'],
  },
  { name: 'no filter', where: {}, expected: ['a', 'b', 'c', 'd', 'e'] },
];

function describeFilters(getStore: () => Store): void {
  describe('filters', () => {
    beforeEach(async () => {
      await insertMany(getStore(), 'loans', FILTER_DOCS);
    });

    for (const { name, where, expected } of FILTER_CASES) {
      it(`page filter: ${name}`, async () => {
        const page = await getStore().page('loans', { where, limit: 1000 });
        expect(ids(page.documents)).toEqual(expected);
        expect(page.cursor).toBeUndefined();
      });

      it(`count filter: ${name}`, async () => {
        expect(await getStore().count('loans', where)).toBe(expected.length);
      });
    }

    it('count without a filter counts everything', async () => {
      expect(await getStore().count('loans')).toBe(5);
      expect(await getStore().count('empty_collection')).toBe(0);
    });

    it('works the same with an index', async () => {
      const store = getStore();
      await store.ensureIndex('loans', 'amountFen');
      await store.ensureIndex('loans', 'amountFen');
      await store.ensureIndex('loans', 'card.last4');
      const page = await store.page('loans', { where: { amountFen: 250 }, limit: 10 });
      expect(ids(page.documents)).toEqual(['b', 'c']);
      expect(await store.count('loans', { 'card.last4': '1111' })).toBe(2);
    });

    it('rejects unknown operators and invalid field paths', async () => {
      const store = getStore();
      const bad = [
        { status: { $regex: 'a' } },
        { 'bad field': 1 },
        { 'a..b': 1 },
        { amountFen: { $gt: true } },
        { status: { $in: 'active' } },
      ];
      for (const where of bad) {
        const request = { where: where as unknown as Filter, limit: 10 };
        await expect(store.page('loans', request)).rejects.toThrow();
      }
    });
  });
}

function describeOrderingAndPaging(getStore: () => Store): void {
  describe('ordering and paging', () => {
    const rankDocs: Doc[] = [
      { _id: 'd1', rank: 2 },
      { _id: 'd2', rank: 1 },
      { _id: 'd3', rank: 2 },
      { _id: 'd4' },
      { _id: 'd5', rank: 3 },
      { _id: 'd6', rank: 1 },
    ];

    it('orders ascending with ties broken by _id', async () => {
      const store = getStore();
      await insertMany(store, 'loans', rankDocs);
      const page = await store.page('loans', { orderBy: 'rank', limit: 10 });
      expect(ids(page.documents)).toEqual(['d4', 'd2', 'd6', 'd1', 'd3', 'd5']);
    });

    it('orders descending with ties broken by _id descending', async () => {
      const store = getStore();
      await insertMany(store, 'loans', rankDocs);
      const page = await store.page('loans', { orderBy: 'rank', direction: 'desc', limit: 10 });
      expect(ids(page.documents)).toEqual(['d5', 'd3', 'd1', 'd6', 'd2', 'd4']);
    });

    it('pages of 2 in both directions match the single page', async () => {
      const store = getStore();
      await insertMany(store, 'loans', rankDocs);
      for (const direction of ['asc', 'desc'] as const) {
        const whole = await store.page('loans', { orderBy: 'rank', direction, limit: 10 });
        const paged = await readAllPages(store, 'loans', { orderBy: 'rank', direction, limit: 2 });
        expect(ids(paged.documents)).toEqual(ids(whole.documents));
        expect(paged.pageSizes).toEqual([2, 2, 2]);
      }
    });

    it('defaults to _id ascending', async () => {
      const store = getStore();
      await insertMany(store, 'loans', [{ _id: 'b' }, { _id: 'c' }, { _id: 'a' }]);
      expect(ids((await store.page('loans', { limit: 10 })).documents)).toEqual(['a', 'b', 'c']);
      const desc = await store.page('loans', { direction: 'desc', limit: 10 });
      expect(ids(desc.documents)).toEqual(['c', 'b', 'a']);
    });

    it('rejects limits outside 1..1000', async () => {
      const store = getStore();
      for (const limit of [0, -1, 1001, 1.5, NaN, '10']) {
        await expect(store.page('loans', { limit: limit as number })).rejects.toThrow(/limit/);
      }
    });

    it('rejects a cursor that is not one', async () => {
      const store = getStore();
      await insertMany(store, 'loans', [{ _id: 'a' }, { _id: 'b' }]);
      await expect(store.page('loans', { limit: 1, cursor: 'not a cursor' })).rejects.toThrow(
        /cursor/,
      );
    });

    it('pages 2,500 documents in 1000s without loss or duplicates', async () => {
      const store = getStore();
      await store.ensureIndex('bulk', 'group');
      await store.runTransaction(async (tx) => {
        for (let index = 0; index < 2500; index += 1) {
          const id = `doc${String(index).padStart(5, '0')}`;
          await tx.create('bulk', { _id: id, group: index % 7, serial: index });
        }
      });
      const requests: Omit<PageRequest, 'cursor'>[] = [
        { limit: 1000 },
        { limit: 1000, direction: 'desc' },
        { limit: 1000, orderBy: 'group' },
        { limit: 1000, orderBy: 'group', direction: 'desc' },
      ];
      for (const request of requests) {
        const { documents, pageSizes } = await readAllPages(store, 'bulk', request);
        expect(pageSizes).toEqual([1000, 1000, 500]);
        expect(new Set(ids(documents)).size).toBe(2500);
      }
      const filtered = await readAllPages(store, 'bulk', { where: { group: 3 }, limit: 100 });
      expect(filtered.documents).toHaveLength(await store.count('bulk', { group: 3 }));
      expect(filtered.documents.every((document) => document.group === 3)).toBe(true);
    });

    it('paging while documents are inserted keeps every original once', async () => {
      const store = getStore();
      await store.ensureIndex('bulk', 'dueDate');
      for (let index = 0; index < 2500; index += 1) {
        const dueDate = `2024-03-${String((index % 28) + 1).padStart(2, '0')}`;
        await store.create('bulk', { _id: `old${String(index).padStart(5, '0')}`, dueDate });
      }
      for (const direction of ['asc', 'desc'] as const) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let inserted = 0;
        do {
          const request = { orderBy: 'dueDate', direction, limit: 1000, cursor };
          const page = await store.page('bulk', request);
          seen.push(...ids(page.documents));
          cursor = page.cursor;
          for (let extra = 0; extra < 300; extra += 1, inserted += 1) {
            const dueDate = `2024-03-${String((inserted % 28) + 1).padStart(2, '0')}`;
            await store.create('bulk', { _id: `new-${direction}-${inserted}`, dueDate });
          }
        } while (cursor !== undefined);
        expect(new Set(seen).size).toBe(seen.length);
        const originals = seen.filter((id) => id.startsWith('old'));
        expect(originals).toHaveLength(2500);
      }
    });
  });
}

function describeTransactions(getStore: () => Store): void {
  describe('transactions', () => {
    it('commits every write together and returns the result', async () => {
      const store = getStore();
      const result = await store.runTransaction(async (tx) => {
        await tx.create('loans', { _id: 'l1', outstandingFen: 5000 });
        await tx.set('repayments', { _id: 'r1', amountFen: 1000 });
        expect(await store.get('loans', 'l1')).toBeNull();
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store.get('loans', 'l1')).toEqual({ _id: 'l1', outstandingFen: 5000 });
      expect(await store.get('repayments', 'r1')).toEqual({ _id: 'r1', amountFen: 1000 });
    });

    it('an error mid-way leaves no partial write', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', outstandingFen: 5000 });
      const failure = new Error('payment rail rejected the debit');
      await expect(
        store.runTransaction(async (tx) => {
          await tx.create('repayments', { _id: 'r1', amountFen: 1000 });
          await tx.update('loans', 'l1', { outstandingFen: { $inc: -1000 } });
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await store.get('repayments', 'r1')).toBeNull();
      expect(await store.get('loans', 'l1')).toEqual({ _id: 'l1', outstandingFen: 5000 });
    });

    it('a failed write inside the work aborts everything', async () => {
      const store = getStore();
      await store.create('repayments', { _id: 'r1', amountFen: 1 });
      await expect(
        store.runTransaction(async (tx) => {
          await tx.create('loans', { _id: 'l1', outstandingFen: 5000 });
          await tx.create('repayments', { _id: 'r1', amountFen: 2 });
        }),
      ).rejects.toBeInstanceOf(DocumentExistsError);
      expect(await store.get('loans', 'l1')).toBeNull();
    });

    it('reads its own writes', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', outstandingFen: 5000, status: 'active' });
      await store.create('loans', { _id: 'l2', status: 'active' });
      await store.runTransaction(async (tx) => {
        await tx.update('loans', 'l1', { outstandingFen: { $inc: -1000 } });
        expect(await tx.get('loans', 'l1')).toEqual({
          _id: 'l1',
          outstandingFen: 4000,
          status: 'active',
        });
        await tx.create('repayments', { _id: 'r1', amountFen: 1000 });
        expect(await tx.get('repayments', 'r1')).toEqual({ _id: 'r1', amountFen: 1000 });
        await expect(tx.create('repayments', { _id: 'r1' })).rejects.toBeInstanceOf(
          DocumentExistsError,
        );
        await tx.remove('loans', 'l2');
        expect(await tx.get('loans', 'l2')).toBeNull();
        await expect(tx.update('loans', 'l2', { status: 'x' })).rejects.toBeInstanceOf(
          DocumentNotFoundError,
        );
      });
      expect(await store.get('loans', 'l1')).toMatchObject({ outstandingFen: 4000 });
      expect(await store.get('loans', 'l2')).toBeNull();
    });

    it('a transaction that only reads commits', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'l1', outstandingFen: 5000 });
      const read = await store.runTransaction((tx) => tx.get<Doc>('loans', 'l1'));
      expect(read?.outstandingFen).toBe(5000);
    });

    it('a write from outside makes the work run again', async () => {
      const store = getStore();
      await store.create('counters', { _id: 'c', value: 0 });
      let runs = 0;
      await store.runTransaction(async (tx) => {
        runs += 1;
        const counter = await tx.get<Doc>('counters', 'c');
        if (runs === 1) await store.update('counters', 'c', { value: { $inc: 10 } });
        await tx.update('counters', 'c', { value: (counter!.value as number) + 1 });
      });
      expect(runs).toBe(2);
      expect(await store.get('counters', 'c')).toEqual({ _id: 'c', value: 11 });
    });

    it('fails with TransactionConflictError when conflicts never stop', async () => {
      const store = getStore();
      await store.create('counters', { _id: 'c', value: 0 });
      let runs = 0;
      const attempt = store.runTransaction(async (tx) => {
        runs += 1;
        await tx.get('counters', 'c');
        await store.update('counters', 'c', { value: { $inc: 1 } });
        await tx.set('counters', { _id: 'c', value: -1 });
        await tx.create('audit', { _id: `a${runs}` });
      });
      await expect(attempt).rejects.toBeInstanceOf(TransactionConflictError);
      expect(await store.get('counters', 'c')).toEqual({ _id: 'c', value: runs });
      expect(await store.count('audit')).toBe(0);
    });
  });
}

async function repay(store: Store, loanId: string, requestId: string, amountFen: number) {
  await store.runTransaction(async (tx: Transaction) => {
    const loan = await tx.get<Doc>('loans', loanId);
    if (loan === null) throw new Error(`loan ${loanId} not found`);
    if ((await tx.get('repayments', requestId)) !== null) return;
    await yieldToOthers();
    await tx.create('repayments', { _id: requestId, loanId, amountFen });
    const outstandingFen = (loan.outstandingFen as number) - amountFen;
    await tx.update('loans', loanId, { outstandingFen });
  });
}

function describeConcurrency(getStore: () => Store): void {
  describe('concurrency', () => {
    it('two workers incrementing 50 times each reach exactly 100', async () => {
      const store = getStore();
      await store.create('counters', { _id: 'c', value: 0 });
      const worker = async () => {
        for (let index = 0; index < 50; index += 1) {
          await store.runTransaction(async (tx) => {
            const counter = await tx.get<Doc>('counters', 'c');
            await yieldToOthers();
            await tx.update('counters', 'c', { value: (counter!.value as number) + 1 });
          });
        }
      };
      await Promise.all([worker(), worker()]);
      expect(await store.get('counters', 'c')).toEqual({ _id: 'c', value: 100 });
    });

    it('two repayments at the same moment both apply', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'loan-1', outstandingFen: 5000 });
      await Promise.all([
        repay(store, 'loan-1', 'repay-10-yuan', 1000),
        repay(store, 'loan-1', 'repay-5-yuan', 500),
      ]);
      expect(await store.get('loans', 'loan-1')).toEqual({ _id: 'loan-1', outstandingFen: 3500 });
      expect(await store.count('repayments', { loanId: 'loan-1' })).toBe(2);
    });

    it('a repeated repayment request applies once', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'loan-1', outstandingFen: 5000 });
      await Promise.all([
        repay(store, 'loan-1', 'repay-10-yuan', 1000),
        repay(store, 'loan-1', 'repay-10-yuan', 1000),
      ]);
      expect(await store.get('loans', 'loan-1')).toEqual({ _id: 'loan-1', outstandingFen: 4000 });
      expect(await store.count('repayments', { loanId: 'loan-1' })).toBe(1);
    });

    it('a failing repayment beside a good one writes nothing', async () => {
      const store = getStore();
      await store.create('loans', { _id: 'loan-1', outstandingFen: 5000 });
      const failing = store.runTransaction(async (tx) => {
        await tx.create('repayments', { _id: 'repay-bad', loanId: 'loan-1', amountFen: 500 });
        await tx.update('loans', 'loan-1', { outstandingFen: { $inc: -500 } });
        await yieldToOthers();
        throw new Error('collection failed');
      });
      const results = await Promise.allSettled([
        repay(store, 'loan-1', 'repay-10-yuan', 1000),
        failing,
      ]);
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
      expect(await store.get('loans', 'loan-1')).toEqual({ _id: 'loan-1', outstandingFen: 4000 });
      expect(await store.count('repayments')).toBe(1);
    });
  });
}

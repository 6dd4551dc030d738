/**
 * The embedded document store: CloudBase database semantics on one SQLite file.
 *
 * Writes outside a transaction apply at once, each in its own SQLite transaction with a new
 * version, so they conflict correctly with open optimistic transactions.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { compileFilter } from './filter-sql';
import { parseFieldPath } from './field-path';
import {
  createMutation,
  removeMutation,
  setMutation,
  updateMutation,
  type Mutation,
} from './document-mutations';
import { deserializeDocument } from './document-values';
import { decodeCursor, encodeCursor } from './page-cursor';
import { planPage, type PageRow } from './page-query';
import {
  MAX_PAGE_SIZE,
  TransactionConflictError,
  type DocumentUpdate,
  type Filter,
  type Page,
  type PageRequest,
  type Store,
  type StoredDocument,
  type Transaction,
} from './port';
import { SqliteDatabase } from './sqlite-database';
import { SqliteTransaction, WriteConflict, commitTransaction } from './sqlite-transaction';

/** The subset of a pino logger the store uses. */
export interface StoreLogger {
  debug(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

export interface SqliteStoreOptions {
  /** Database file path, or `':memory:'`; missing parent folders are created. */
  file: string;
  /** Attempts per `runTransaction` before it fails with a conflict. Default 10. */
  maxTransactionAttempts?: number;
  /** How long a write waits for another process's lock on the file. Default 5000 ms. */
  busyTimeoutMs?: number;
  logger?: StoreLogger;
}

/** Upper bound of the random wait before the next attempt, doubling from 2 ms to 64 ms. */
function retryDelayMs(attempt: number): number {
  return Math.random() * Math.min(64, 2 ** attempt);
}

function assertLimit(limit: unknown): void {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new RangeError(
      `invalid page limit ${String(limit)}: use an integer from 1 to ${MAX_PAGE_SIZE}`,
    );
  }
}

export class SqliteStore implements Store {
  private readonly database: SqliteDatabase;
  private readonly maxAttempts: number;
  private readonly logger?: StoreLogger;

  constructor(options: SqliteStoreOptions) {
    this.database = new SqliteDatabase(options.file, options.busyTimeoutMs ?? 5000);
    this.maxAttempts = options.maxTransactionAttempts ?? 10;
    this.logger = options.logger;
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1) {
      throw new RangeError(`invalid maxTransactionAttempts ${this.maxAttempts}: use 1 or more`);
    }
  }

  async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
    return (this.database.read(collection, id)?.document as T | undefined) ?? null;
  }

  async create(collection: string, document: StoredDocument): Promise<void> {
    this.applyNow(collection, document?._id, createMutation(collection, document));
  }

  async set(collection: string, document: StoredDocument): Promise<void> {
    this.applyNow(collection, document?._id, setMutation(collection, document));
  }

  async update(collection: string, id: string, update: DocumentUpdate): Promise<void> {
    this.applyNow(collection, id, updateMutation(collection, id, update));
  }

  async remove(collection: string, id: string): Promise<void> {
    this.applyNow(collection, id, removeMutation(collection));
  }

  async runTransaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    let conflicted: string[] = [];
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      const transaction = new SqliteTransaction(this.database);
      let result: T;
      try {
        result = await work(transaction);
      } finally {
        transaction.finish();
      }
      try {
        commitTransaction(this.database, transaction.finish());
        return result;
      } catch (error) {
        if (!(error instanceof WriteConflict)) throw error;
        conflicted = error.documents;
      }
      this.logger?.debug({ attempt, documents: conflicted }, 'transaction conflict, retrying');
      if (attempt < this.maxAttempts) await sleep(retryDelayMs(attempt));
    }
    this.logger?.warn({ attempts: this.maxAttempts, documents: conflicted }, 'transaction failed');
    throw new TransactionConflictError(this.maxAttempts, conflicted);
  }

  // NOTE: ordering by a field without ensureIndex sorts every matching row for each page;
  // over 100,000 documents it ran about 30 times slower than an indexed field
  // (test/storage/measure-page-throughput.ts on 2 AMD EPYC cores).
  async page<T extends StoredDocument>(collection: string, request: PageRequest): Promise<Page<T>> {
    assertLimit(request.limit);
    const orderBy = request.orderBy ?? '_id';
    const direction = request.direction ?? 'asc';
    if (direction !== 'asc' && direction !== 'desc') {
      throw new TypeError(`invalid direction ${JSON.stringify(direction)}: use asc or desc`);
    }
    parseFieldPath(orderBy);
    const after =
      request.cursor === undefined ? undefined : decodeCursor(request.cursor, orderBy, direction);
    const table = this.database.table(collection);
    const sections = planPage({ table, where: request.where, orderBy, direction, after });
    const rows = this.database.transaction(() => {
      const found: PageRow[] = [];
      for (const section of sections) {
        const remaining = request.limit + 1 - found.length;
        if (remaining <= 0) break;
        const statement = this.database.statement(section.sql);
        found.push(...(statement.all(...section.params, remaining) as PageRow[]));
      }
      return found;
    }, false);
    const documents = rows
      .slice(0, request.limit)
      .map((row) => deserializeDocument<T>(row.id, row.body));
    if (rows.length <= request.limit) return { documents };
    const last = rows[request.limit - 1];
    const cursor = encodeCursor({ orderBy, direction, sortValue: last.sort_value, id: last.id });
    return { documents, cursor };
  }

  async count(collection: string, where?: Filter): Promise<number> {
    const filter = compileFilter(where);
    const table = this.database.table(collection);
    const sql = `SELECT count(*) AS total FROM ${table} WHERE ${filter.sql}`;
    return (this.database.statement(sql).get(...filter.params) as { total: number }).total;
  }

  async ensureIndex(collection: string, field: string): Promise<void> {
    this.database.ensureIndex(collection, field);
  }

  async close(): Promise<void> {
    this.database.close();
  }

  private applyNow(collection: string, id: string, mutation: Mutation): void {
    this.database.transaction(() => {
      const current = this.database.read(collection, id);
      const next = mutation(current?.document ?? null);
      this.database.write(collection, id, next, this.database.nextVersion());
    }, true);
  }
}

/** Opens (creating if needed) a store on `options.file`, in WAL mode. */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  return new SqliteStore(options);
}

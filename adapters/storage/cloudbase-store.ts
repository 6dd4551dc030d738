/**
 * The production document store on a CloudBase database through `@cloudbase/node-sdk` 3.x.
 *
 * Writes outside a transaction are single-document requests. Counters change with `_.inc`
 * on the server, so concurrent increments never overwrite each other. Transactions run
 * through the SDK's `runTransaction` with its own retries off: this store retries a
 * conflicted transaction itself, after a random backoff, and reports exhaustion as a
 * {@link TransactionConflictError}.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CloudBase } from '@cloudbase/node-sdk';
import type { CloudBaseDatabase } from './cloudbase-database';
import { checkResult, isDuplicateKey, isTransactionConflict } from './cloudbase-errors';
import { readCloudBasePage } from './cloudbase-page';
import { toCloudBaseWhere } from './cloudbase-query';
import { CloudBaseTransaction, documentFromResult, withoutId } from './cloudbase-transaction';
import { toCloudBaseUpdate } from './cloudbase-update';
import { assertDocumentId } from './document-values';
import { assertCollectionName, parseFieldPath } from './field-path';
import { createMutation, removeMutation, setMutation, updateMutation } from './document-mutations';
import {
  DocumentExistsError,
  DocumentNotFoundError,
  TransactionConflictError,
  type DocumentUpdate,
  type Filter,
  type Page,
  type PageRequest,
  type Store,
  type StoredDocument,
  type Transaction,
} from './port';
import type { StoreLogger } from './sqlite-store';

export interface CloudBaseStoreOptions {
  database: CloudBaseDatabase;
  /** Attempts per `runTransaction` before it fails with a conflict. Default 5. */
  maxTransactionAttempts?: number;
  /** Wait before attempt `attempt + 1`, in ms. Default: random, up to 20 ms doubling to 640 ms. */
  retryDelayMs?: (attempt: number) => number;
  logger?: StoreLogger;
}

function defaultRetryDelayMs(attempt: number): number {
  return Math.random() * Math.min(640, 10 * 2 ** attempt);
}

export class CloudBaseStore implements Store {
  private readonly database: CloudBaseDatabase;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: (attempt: number) => number;
  private readonly logger?: StoreLogger;

  constructor(options: CloudBaseStoreOptions) {
    this.database = options.database;
    this.maxAttempts = options.maxTransactionAttempts ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
    this.logger = options.logger;
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1) {
      throw new RangeError(`invalid maxTransactionAttempts ${this.maxAttempts}: use 1 or more`);
    }
  }

  async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
    assertCollectionName(collection);
    assertDocumentId(id, collection);
    const result = checkResult(await this.database.collection(collection).doc(id).get());
    return documentFromResult(result.data) as T | null;
  }

  async create(collection: string, document: StoredDocument): Promise<void> {
    const next = createMutation(collection, document)(null);
    if (next === null) return;
    try {
      checkResult(await this.database.collection(collection).add(next));
    } catch (error) {
      if (isDuplicateKey(error)) throw new DocumentExistsError(collection, next._id);
      throw error;
    }
  }

  async set(collection: string, document: StoredDocument): Promise<void> {
    const next = setMutation(collection, document)(null);
    if (next === null) return;
    const reference = this.database.collection(collection).doc(next._id);
    checkResult(await reference.set(withoutId(next)));
  }

  /**
   * Reads the document to check the update against it (missing document, `$inc` on a
   * field that is not an integer, the size cap), then sends the operators. The write itself
   * is atomic on the server, so a concurrent `$inc` is never lost.
   */
  async update(collection: string, id: string, update: DocumentUpdate): Promise<void> {
    const mutation = updateMutation(collection, id, update);
    mutation(await this.get(collection, id));
    const payload = toCloudBaseUpdate(update, this.database.command);
    const reference = this.database.collection(collection).doc(id);
    const result = checkResult(await reference.update(payload));
    // `updated` is 0 both for an unchanged and for a vanished document; only the second fails.
    if (result.updated === 0 && (await this.get(collection, id)) === null) {
      throw new DocumentNotFoundError(collection, id);
    }
  }

  async remove(collection: string, id: string): Promise<void> {
    removeMutation(collection);
    assertDocumentId(id, collection);
    checkResult(await this.database.collection(collection).doc(id).remove());
  }

  async runTransaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    let documents: string[] = [];
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      let current: CloudBaseTransaction | undefined;
      try {
        return await this.database.runTransaction(async (handle) => {
          current = new CloudBaseTransaction(handle, this.database.command);
          return work(current);
        }, 0);
      } catch (error) {
        if (!isTransactionConflict(error)) throw error;
        documents = [...(current?.touched ?? [])];
      }
      this.logger?.debug({ attempt, documents }, 'transaction conflict, retrying');
      if (attempt < this.maxAttempts) await sleep(this.retryDelayMs(attempt));
    }
    this.logger?.warn({ attempts: this.maxAttempts, documents }, 'transaction failed');
    throw new TransactionConflictError(this.maxAttempts, documents);
  }

  page<T extends StoredDocument>(collection: string, request: PageRequest): Promise<Page<T>> {
    return readCloudBasePage<T>(this.database, collection, request);
  }

  async count(collection: string, where?: Filter): Promise<number> {
    assertCollectionName(collection);
    const condition = toCloudBaseWhere(where, this.database.command);
    const all = this.database.collection(collection);
    const query = Object.keys(condition).length === 0 ? all : all.where(condition);
    return checkResult(await query.count()).total ?? 0;
  }

  /**
   * Checks the names only. CloudBase creates indexes from the console or the CLI, not from
   * the SDK, so the deploy configuration lists every index that `ensureIndex` is called with.
   */
  async ensureIndex(collection: string, field: string): Promise<void> {
    assertCollectionName(collection);
    parseFieldPath(field);
  }

  /** Nothing to release: the SDK keeps no connection open. */
  async close(): Promise<void> {}
}

/** Opens the store on the database of an initialised CloudBase app. */
export function openCloudBaseStore(
  app: CloudBase,
  options: Omit<CloudBaseStoreOptions, 'database'> = {},
): CloudBaseStore {
  const database: CloudBaseDatabase = app.database();
  return new CloudBaseStore({ ...options, database });
}

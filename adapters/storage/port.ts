/**
 * Document storage with CloudBase database semantics.
 *
 * Documents live in named collections and are addressed by `_id`. Transactions may only
 * read and write single documents by id, because that is all a CloudBase transaction
 * supports; queries run outside transactions and are always paged.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface StoredDocument {
  _id: string;
  // Values must be JSON; the store checks each write at run time.
  [field: string]: unknown;
}

/** Largest page a query may request, the same cap as CloudBase's `limit`. */
export const MAX_PAGE_SIZE = 1000;

/** Largest stored document in bytes of JSON, the same cap as a CloudBase document (512 KiB). */
export const MAX_DOCUMENT_BYTES = 512 * 1024;

/**
 * An update, keyed by field path (dots reach nested fields). A plain value replaces the whole
 * field, objects included. `{ $inc: n }` adds a safe integer to an integer field, and a
 * missing field counts as 0. `{ $unset: true }` deletes the field. Dot paths reach into
 * objects only, not array items.
 */
export type UpdateValue = Json | { $inc: number } | { $unset: true };
export type DocumentUpdate = Record<string, UpdateValue>;

export type Comparison =
  | Json
  | { $eq: Json }
  | { $ne: Json }
  | { $gt: number | string }
  | { $gte: number | string }
  | { $lt: number | string }
  | { $lte: number | string }
  | { $in: Json[] };

/**
 * Every listed field must match; nested fields use dots (`"card.last4"`). Equality with `null`
 * also matches a missing field, and `$ne` matches documents that lack the field. Range
 * operators only match values of the operand's type (number or string).
 */
export type Filter = Record<string, Comparison>;

export interface PageRequest {
  where?: Filter;
  /** Sort field; ties break on `_id` in the same direction. Defaults to `_id`. */
  orderBy?: string;
  direction?: 'asc' | 'desc';
  /** At most {@link MAX_PAGE_SIZE}. */
  limit: number;
  /** The opaque `cursor` of the previous page, used with the same `orderBy` and `direction`. */
  cursor?: string;
}

export interface Page<T> {
  documents: T[];
  /** Absent on the last page. */
  cursor?: string;
}

export interface Transaction {
  get<T extends StoredDocument>(collection: string, id: string): Promise<T | null>;
  /** Creates the document; fails with a `DocumentExistsError` if the id is taken. */
  create(collection: string, document: StoredDocument): Promise<void>;
  /** Creates or replaces the whole document. */
  set(collection: string, document: StoredDocument): Promise<void>;
  /** Fails with a `DocumentNotFoundError` if the document does not exist. */
  update(collection: string, id: string, update: DocumentUpdate): Promise<void>;
  remove(collection: string, id: string): Promise<void>;
}

export interface Store extends Transaction {
  /**
   * Runs `work` atomically. Every write inside commits together or not at all. The
   * callback may run more than once when a write conflicts, so it must not send
   * messages or call other services.
   */
  runTransaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T>;
  page<T extends StoredDocument>(collection: string, request: PageRequest): Promise<Page<T>>;
  count(collection: string, where?: Filter): Promise<number>;
  /** Declares a field that queries filter or sort on, so they stay fast. Idempotent. */
  ensureIndex(collection: string, field: string): Promise<void>;
  close(): Promise<void>;
}

export class DocumentExistsError extends Error {
  constructor(readonly collection: string, readonly id: string) {
    super(`document ${collection}/${id} already exists`);
    this.name = 'DocumentExistsError';
  }
}

/** Raised by `runTransaction` when every attempt lost a write conflict to another writer. */
export class TransactionConflictError extends Error {
  constructor(readonly attempts: number, readonly documents: string[]) {
    super(
      `transaction failed after ${attempts} attempts because other writers kept changing ` +
        `${documents.join(', ')}; retry the request later`,
    );
    this.name = 'TransactionConflictError';
  }
}

export class DocumentNotFoundError extends Error {
  constructor(readonly collection: string, readonly id: string) {
    super(`document ${collection}/${id} not found`);
    this.name = 'DocumentNotFoundError';
  }
}

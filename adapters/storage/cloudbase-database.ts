/**
 * The part of the `@cloudbase/node-sdk` 3.x database API that the CloudBase store uses,
 * written as structural types so unit tests can pass an in-process fake.
 *
 * Result shapes follow the SDK's own code: `doc().get()` returns `{ data: [doc] }` outside a
 * transaction and `{ data: doc | null }` inside one; `count()` returns `{ total }`.
 */
import type { CloudBase } from '@cloudbase/node-sdk';

/** A result that may carry an error code instead of being thrown (`setThrowOnCode(false)`). */
export interface CloudBaseResult {
  code?: string;
  message?: string;
  requestId?: string;
}

export interface CloudBaseDocumentReference {
  get(): Promise<CloudBaseResult & { data?: unknown }>;
  set(data: object): Promise<CloudBaseResult>;
  update(data: object): Promise<CloudBaseResult & { updated?: number }>;
  remove(): Promise<CloudBaseResult & { deleted?: number }>;
}

export interface CloudBaseQuery {
  where(query: object): CloudBaseQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): CloudBaseQuery;
  limit(limit: number): CloudBaseQuery;
  get(): Promise<CloudBaseResult & { data?: unknown[] }>;
  count(): Promise<CloudBaseResult & { total?: number }>;
}

export interface CloudBaseCollection extends CloudBaseQuery {
  doc(id: string): CloudBaseDocumentReference;
  add(data: object): Promise<CloudBaseResult & { id?: string }>;
}

/** The transaction handle that `runTransaction` passes to its callback. */
export interface CloudBaseTransactionHandle {
  collection(name: string): {
    doc(id: string): CloudBaseDocumentReference;
    add(data: object): Promise<CloudBaseResult & { id?: string }>;
  };
}

/** The query and update operators of `db.command`. */
export type CloudBaseCommand = ReturnType<CloudBase['database']>['command'];

export interface CloudBaseDatabase {
  command: CloudBaseCommand;
  collection(name: string): CloudBaseCollection;
  /**
   * Runs `callback` in a server transaction and commits when it returns. With `times` 0 the
   * SDK retries nothing: a conflict is rethrown after the rollback.
   */
  runTransaction<T>(
    callback: (transaction: CloudBaseTransactionHandle) => Promise<T>,
    times?: number,
  ): Promise<T>;
}

/**
 * The SQLite side of the document store: connection settings, one table per collection,
 * cached prepared statements, row reads and writes, and the commit version counter.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { assertDocumentId, deserializeDocument, serializeDocument } from './document-values';
import { assertCollectionName, jsonPathLiteral } from './field-path';
import type { StoredDocument } from './port';

/** A committed row: its document and the commit version that last wrote it. */
export interface CommittedDocument {
  version: number;
  document: StoredDocument;
}

/** Enough prepared statements for a few dozen collections and their query shapes. */
const STATEMENT_CACHE_SIZE = 500;

export class SqliteDatabase {
  readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly tables = new Set<string>();
  private readonly runInTransaction: Database.Transaction<(work: () => unknown) => unknown>;

  constructor(file: string, busyTimeoutMs: number) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file, { timeout: busyTimeoutMs });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);' +
        " INSERT OR IGNORE INTO store_meta (key, value) VALUES ('commit_version', 0);",
    );
    this.runInTransaction = this.db.transaction((work: () => unknown) => work());
  }

  /** Returns a cached prepared statement for `sql`. */
  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_SIZE) {
        const oldest = this.statements.keys().next().value as string;
        this.statements.delete(oldest);
      }
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Returns the table of `collection`, creating it on first use. */
  table(collection: string): string {
    const table = `col_${collection}`;
    if (!this.tables.has(collection)) {
      assertCollectionName(collection);
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS ${table}` +
          ' (id TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL)',
      );
      this.tables.add(collection);
    }
    return table;
  }

  /** Creates the (field value, id) index that filters and keyset pages on `field` use. */
  ensureIndex(collection: string, field: string): void {
    const table = this.table(collection);
    if (field === '_id') return;
    const literal = jsonPathLiteral(field);
    const name = `ix_${table}_${Buffer.from(field, 'utf8').toString('hex')}`;
    this.db.exec(
      `CREATE INDEX IF NOT EXISTS ${name} ON ${table} (json_extract(body, ${literal}), id)`,
    );
  }

  /** Runs `work` in one SQLite transaction; `immediate` takes the write lock at the start. */
  transaction<T>(work: () => T, immediate: boolean): T {
    const run = immediate ? this.runInTransaction.immediate : this.runInTransaction.deferred;
    return run(work) as T;
  }

  /** Reads a committed document, or null when it is absent. */
  read(collection: string, id: string): CommittedDocument | null {
    assertDocumentId(id, collection);
    const sql = `SELECT version, body FROM ${this.table(collection)} WHERE id = ?`;
    const row = this.statement(sql).get(id) as { version: number; body: string } | undefined;
    if (row === undefined) return null;
    return { version: row.version, document: deserializeDocument(id, row.body) };
  }

  /** Returns the version of a committed document, or null when it is absent. */
  readVersion(collection: string, id: string): number | null {
    const sql = `SELECT version FROM ${this.table(collection)} WHERE id = ?`;
    const row = this.statement(sql).get(id) as { version: number } | undefined;
    return row === undefined ? null : row.version;
  }

  /**
   * Returns a new commit version. Versions come from one counter for the whole database, so
   * a document that is deleted and created again never returns to a version seen before.
   * Call only inside an immediate transaction.
   */
  nextVersion(): number {
    const sql =
      "UPDATE store_meta SET value = value + 1 WHERE key = 'commit_version' RETURNING value";
    return (this.statement(sql).get() as { value: number }).value;
  }

  /** Writes or deletes (`document` null) one row with `version`. */
  write(collection: string, id: string, document: StoredDocument | null, version: number): void {
    const table = this.table(collection);
    if (document === null) {
      this.statement(`DELETE FROM ${table} WHERE id = ?`).run(id);
      return;
    }
    const { body } = serializeDocument(collection, document);
    this.statement(
      `INSERT INTO ${table} (id, version, body) VALUES (?, ?, ?)` +
        ' ON CONFLICT (id) DO UPDATE SET version = excluded.version, body = excluded.body',
    ).run(id, version, body);
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}

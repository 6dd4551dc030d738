/**
 * An optimistic transaction over the SQLite store.
 *
 * better-sqlite3 is synchronous and a SQLite transaction cannot stay open across an `await`,
 * so reads go to the committed rows and writes wait in a buffer. The first touch of each
 * document records the version it had. At commit, one SQLite transaction checks that no
 * touched document changed since (an absent one must still be absent) and writes the
 * buffer. A changed document is a conflict, and the caller runs the work again.
 */
import {
  createMutation,
  removeMutation,
  setMutation,
  updateMutation,
  type Mutation,
} from './document-mutations';
import type { SqliteDatabase } from './sqlite-database';
import type { DocumentUpdate, StoredDocument, Transaction } from './port';

/** A document as this transaction reads it: committed state plus buffered writes. */
interface BufferedDocument {
  collection: string;
  id: string;
  /** Version when first touched; null when the document was absent. */
  baseVersion: number | null;
  document: StoredDocument | null;
  written: boolean;
}

/** Thrown by {@link commitTransaction} when touched documents changed after they were read. */
export class WriteConflict extends Error {
  constructor(readonly documents: string[]) {
    super(`write conflict on ${documents.join(', ')}`);
    this.name = 'WriteConflict';
  }
}

export class SqliteTransaction implements Transaction {
  private readonly buffer = new Map<string, BufferedDocument>();
  private finished = false;

  constructor(private readonly database: SqliteDatabase) {}

  async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
    const entry = this.touch(collection, id);
    return entry.document === null ? null : (structuredClone(entry.document) as T);
  }

  async create(collection: string, document: StoredDocument): Promise<void> {
    this.apply(collection, document?._id, createMutation(collection, document));
  }

  async set(collection: string, document: StoredDocument): Promise<void> {
    this.apply(collection, document?._id, setMutation(collection, document));
  }

  async update(collection: string, id: string, update: DocumentUpdate): Promise<void> {
    this.apply(collection, id, updateMutation(collection, id, update));
  }

  async remove(collection: string, id: string): Promise<void> {
    this.apply(collection, id, removeMutation(collection));
  }

  /** Ends the transaction; later calls throw. Returns the documents to check and write. */
  finish(): BufferedDocument[] {
    this.finished = true;
    return [...this.buffer.values()];
  }

  private apply(collection: string, id: string, mutation: Mutation): void {
    const entry = this.touch(collection, id);
    entry.document = mutation(entry.document);
    entry.written = true;
  }

  private touch(collection: string, id: string): BufferedDocument {
    if (this.finished) {
      throw new Error(`transaction already finished: ${collection}/${id} was used after commit`);
    }
    const key = `${collection}/${id}`;
    let entry = this.buffer.get(key);
    if (entry === undefined) {
      const committed = this.database.read(collection, id);
      entry = {
        collection,
        id,
        baseVersion: committed?.version ?? null,
        document: committed?.document ?? null,
        written: false,
      };
      this.buffer.set(key, entry);
    }
    return entry;
  }
}

/**
 * Checks and writes a finished transaction's documents in one SQLite transaction. Throws a
 * {@link WriteConflict}, having written nothing, when any of them changed since first read.
 */
export function commitTransaction(database: SqliteDatabase, entries: BufferedDocument[]): void {
  const written = entries.filter((entry) => entry.written);
  database.transaction(() => {
    const changed = entries.filter(
      (entry) => database.readVersion(entry.collection, entry.id) !== entry.baseVersion,
    );
    if (changed.length > 0) {
      throw new WriteConflict(changed.map((entry) => `${entry.collection}/${entry.id}`));
    }
    if (written.length === 0) return;
    const version = database.nextVersion();
    for (const entry of written) {
      database.write(entry.collection, entry.id, entry.document, version);
    }
  }, written.length > 0);
}

/**
 * A store transaction over one CloudBase server transaction. Only single-document
 * operations by `_id` are sent, the only kind CloudBase allows inside a transaction. Each
 * write is checked with the same mutation rules as the embedded store before it is sent.
 */
import type {
  CloudBaseCommand,
  CloudBaseDocumentReference,
  CloudBaseTransactionHandle,
} from './cloudbase-database';
import { checkResult, isDuplicateKey } from './cloudbase-errors';
import { toCloudBaseUpdate } from './cloudbase-update';
import { assertDocumentId } from './document-values';
import { assertCollectionName } from './field-path';
import {
  createMutation,
  removeMutation,
  setMutation,
  updateMutation,
} from './document-mutations';
import {
  DocumentExistsError,
  type DocumentUpdate,
  type StoredDocument,
  type Transaction,
} from './port';

/** Returns the document of a `doc().get()` result: `{data: doc|null}` or `{data: [doc]}`. */
export function documentFromResult(data: unknown): StoredDocument | null {
  const document = Array.isArray(data) ? data[0] : data;
  if (typeof document !== 'object' || document === null) return null;
  return document as StoredDocument;
}

/** Splits a stored document into its `_id` and the fields `doc().set()` accepts. */
export function withoutId(document: StoredDocument): Record<string, unknown> {
  const { _id: _ignored, ...fields } = document;
  return fields;
}

export class CloudBaseTransaction implements Transaction {
  /** `collection/id` of every document this attempt read or wrote, for conflict reports. */
  readonly touched = new Set<string>();

  constructor(
    private readonly handle: CloudBaseTransactionHandle,
    private readonly command: CloudBaseCommand,
  ) {}

  async get<T extends StoredDocument>(collection: string, id: string): Promise<T | null> {
    const result = checkResult(await this.reference(collection, id).get());
    return documentFromResult(result.data) as T | null;
  }

  async create(collection: string, document: StoredDocument): Promise<void> {
    const mutation = createMutation(collection, document);
    const next = mutation(await this.get(collection, document._id));
    if (next === null) return;
    try {
      checkResult(await this.handle.collection(collection).add(next));
    } catch (error) {
      if (isDuplicateKey(error)) throw new DocumentExistsError(collection, next._id);
      throw error;
    }
  }

  async set(collection: string, document: StoredDocument): Promise<void> {
    const next = setMutation(collection, document)(null);
    if (next === null) return;
    checkResult(await this.reference(collection, next._id).set(withoutId(next)));
  }

  async update(collection: string, id: string, update: DocumentUpdate): Promise<void> {
    const mutation = updateMutation(collection, id, update);
    mutation(await this.get(collection, id));
    const payload = toCloudBaseUpdate(update, this.command);
    checkResult(await this.reference(collection, id).update(payload));
  }

  async remove(collection: string, id: string): Promise<void> {
    removeMutation(collection);
    checkResult(await this.reference(collection, id).remove());
  }

  private reference(collection: string, id: string): CloudBaseDocumentReference {
    assertCollectionName(collection);
    assertDocumentId(id, collection);
    this.touched.add(`${collection}/${id}`);
    return this.handle.collection(collection).doc(id);
  }
}

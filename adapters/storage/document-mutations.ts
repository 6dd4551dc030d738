/**
 * The four single-document writes as pure functions from the current document (null when
 * absent) to the next one (null to delete). Transactions apply them to their buffer and the
 * store applies them inside one SQLite transaction, so both share the same rules.
 */
import { applyUpdate } from './apply-update';
import { deserializeDocument, serializeDocument } from './document-values';
import { assertCollectionName } from './field-path';
import {
  DocumentExistsError,
  DocumentNotFoundError,
  type DocumentUpdate,
  type StoredDocument,
} from './port';

export type Mutation = (current: StoredDocument | null) => StoredDocument | null;

/** Validates a document and returns its stored form, with `undefined` fields dropped. */
function normalize(collection: string, document: StoredDocument): StoredDocument {
  const { id, body } = serializeDocument(collection, document);
  return deserializeDocument(id, body);
}

/** Returns a mutation that creates `document`, failing if its id exists. */
export function createMutation(collection: string, document: StoredDocument): Mutation {
  assertCollectionName(collection);
  const next = normalize(collection, document);
  return (current) => {
    if (current !== null) throw new DocumentExistsError(collection, next._id);
    return next;
  };
}

/** Returns a mutation that creates or replaces `document`. */
export function setMutation(collection: string, document: StoredDocument): Mutation {
  assertCollectionName(collection);
  const next = normalize(collection, document);
  return () => next;
}

/** Returns a mutation that applies `update`, failing if the document is missing. */
export function updateMutation(collection: string, id: string, update: DocumentUpdate): Mutation {
  assertCollectionName(collection);
  return (current) => {
    if (current === null) throw new DocumentNotFoundError(collection, id);
    return normalize(collection, applyUpdate(current, update, `${collection}/${id}`));
  };
}

/** Returns a mutation that deletes the document; deleting a missing document does nothing. */
export function removeMutation(collection: string): Mutation {
  assertCollectionName(collection);
  return () => null;
}

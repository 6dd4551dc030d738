/**
 * Checks that documents and values are plain JSON before they are stored, so nothing is
 * silently changed by serialisation (NaN turning into null, a Date into a string).
 */
import { MAX_DOCUMENT_BYTES, type Json, type StoredDocument } from './port';

const MAX_ID_LENGTH = 256;

/** Throws a TypeError unless `id` is a non-empty string of at most 256 characters. */
export function assertDocumentId(id: unknown, collection: string): asserts id is string {
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH) {
    throw new TypeError(
      `invalid _id ${JSON.stringify(id)} in ${collection}: use a string of 1-${MAX_ID_LENGTH}` +
        ' characters',
    );
  }
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Throws a TypeError unless `value` is JSON: finite numbers, strings, booleans, null, arrays
 * and plain objects. Object fields whose value is `undefined` are allowed because JSON omits
 * them, as an optional field should be; `undefined` inside an array is rejected.
 */
export function assertJsonValue(value: unknown, where: string): asserts value is Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError(`invalid number ${value} at ${where}: only finite numbers are stored`);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      if (item === undefined) throw new TypeError(`undefined array item at ${where}[${index}]`);
      assertJsonValue(item, `${where}[${index}]`);
    });
    return;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    for (const [key, field] of Object.entries(value)) {
      if (field !== undefined) assertJsonValue(field, `${where}.${key}`);
    }
    return;
  }
  const kind = value instanceof Date ? 'Date (store an ISO string)' : typeof value;
  throw new TypeError(`invalid value at ${where}: ${kind} is not JSON`);
}

/**
 * Validates a whole document and returns its `_id` and the JSON text of the other fields.
 * Throws a TypeError for a non-object, a bad `_id` or a non-JSON value, and a RangeError for
 * a document larger than {@link MAX_DOCUMENT_BYTES}.
 */
export function serializeDocument(
  collection: string,
  document: StoredDocument,
): { id: string; body: string } {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new TypeError(`invalid document for ${collection}: expected an object with an _id`);
  }
  const { _id: id, ...fields } = document;
  assertDocumentId(id, collection);
  assertJsonValue(fields, `${collection}/${id}`);
  const body = JSON.stringify(fields);
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new RangeError(
      `document ${collection}/${id} is ${bytes} bytes, over the ${MAX_DOCUMENT_BYTES}-byte limit`,
    );
  }
  return { id, body };
}

/** Rebuilds a stored document from its id and JSON body. */
export function deserializeDocument<T extends StoredDocument>(id: string, body: string): T {
  return { _id: id, ...(JSON.parse(body) as Record<string, Json>) } as T;
}

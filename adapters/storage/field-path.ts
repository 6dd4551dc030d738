/**
 * Collection names and dot-separated field paths, checked before they reach SQL.
 *
 * Both end up inside SQL text (a table name, a JSON path literal in an index expression), so
 * only a narrow alphabet is accepted.
 */
import type { Json } from './port';

const COLLECTION_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** Throws a TypeError unless `name` is a valid collection name. */
export function assertCollectionName(name: string): void {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
    throw new TypeError(
      `invalid collection name ${JSON.stringify(name)}: use 1-63 characters of a-z, 0-9 and _,` +
        ' starting with a letter',
    );
  }
}

/** Splits a field path such as `card.last4` into its segments, or throws a TypeError. */
export function parseFieldPath(path: string): string[] {
  if (typeof path !== 'string' || !FIELD_PATH.test(path)) {
    throw new TypeError(
      `invalid field path ${JSON.stringify(path)}: use letters, digits, _ and dots, starting` +
        ' with a letter or _',
    );
  }
  const segments = path.split('.');
  if (segments.some((segment) => segment === '')) {
    throw new TypeError(`invalid field path ${JSON.stringify(path)}: empty segment`);
  }
  return segments;
}

/** Returns the SQLite JSON path literal (`'$.card.last4'`) for a validated field path. */
export function jsonPathLiteral(path: string): string {
  parseFieldPath(path);
  return `'$.${path}'`;
}

type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a nested field; `undefined` when any segment is missing or not an object. */
export function readField(document: JsonObject, segments: string[]): Json | undefined {
  let current: Json | undefined = document;
  for (const segment of segments) {
    if (!isObject(current)) return undefined;
    current = current[segment];
  }
  return current;
}

/**
 * Writes a nested field, creating missing intermediate objects. Throws a TypeError when an
 * intermediate segment contains a value that is not an object.
 */
export function writeField(document: JsonObject, segments: string[], value: Json): void {
  let current: JsonObject = document;
  for (const [index, segment] of segments.slice(0, -1).entries()) {
    const next: Json | undefined = current[segment];
    if (next === undefined) {
      const created: JsonObject = {};
      current[segment] = created;
      current = created;
    } else if (isObject(next)) {
      current = next;
    } else {
      const prefix = segments.slice(0, index + 1).join('.');
      throw new TypeError(`cannot set ${segments.join('.')}: ${prefix} is not an object`);
    }
  }
  current[segments[segments.length - 1]] = value;
}

/** Deletes a nested field; a missing field or parent is left as it is. */
export function deleteField(document: JsonObject, segments: string[]): void {
  const parent = readField(document, segments.slice(0, -1));
  if (isObject(parent)) delete parent[segments[segments.length - 1]];
}

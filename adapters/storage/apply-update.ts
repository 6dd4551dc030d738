/**
 * Applies a {@link DocumentUpdate} to a document in memory. The store then writes the result
 * as a whole, inside the same SQLite transaction that read the original.
 */
import { assertJsonValue } from './document-values';
import { deleteField, parseFieldPath, readField, writeField } from './field-path';
import type { DocumentUpdate, Json, StoredDocument, UpdateValue } from './port';

type Operation =
  | { kind: 'set'; value: Json }
  | { kind: 'inc'; amount: number }
  | { kind: 'unset' };

function parseOperation(path: string, value: UpdateValue): Operation {
  if (value === undefined) {
    throw new TypeError(`update of ${path} is undefined: use { $unset: true } to delete a field`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    assertJsonValue(value, path);
    return { kind: 'set', value };
  }
  const keys = Object.keys(value);
  if (!keys.some((key) => key.startsWith('$'))) {
    assertJsonValue(value, path);
    return { kind: 'set', value: value as Json };
  }
  if (keys.length !== 1) {
    throw new TypeError(`update of ${path} mixes an operator with other keys: ${keys.join(', ')}`);
  }
  if ('$inc' in value) {
    const amount: unknown = value.$inc;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
      throw new TypeError(`$inc of ${path} must be a safe integer, got ${String(amount)}`);
    }
    return { kind: 'inc', amount };
  }
  if ('$unset' in value && value.$unset === true) return { kind: 'unset' };
  throw new TypeError(`unknown update operator ${keys[0]} for ${path}: use $inc or $unset`);
}

function assertNoOverlap(paths: string[]): void {
  const sorted = [...paths].sort();
  for (let index = 1; index < sorted.length; index += 1) {
    if (sorted[index].startsWith(`${sorted[index - 1]}.`)) {
      throw new TypeError(`update sets both ${sorted[index - 1]} and ${sorted[index]}`);
    }
  }
}

function incrementField(document: StoredDocument, segments: string[], amount: number): void {
  const path = segments.join('.');
  const current = readField(document as { [key: string]: Json }, segments) ?? 0;
  if (typeof current !== 'number' || !Number.isSafeInteger(current)) {
    const currentText = JSON.stringify(current);
    throw new TypeError(`cannot $inc ${path}: current value ${currentText} is not an integer`);
  }
  const next = current + amount;
  if (!Number.isSafeInteger(next)) {
    throw new RangeError(`$inc of ${path} by ${amount} leaves the safe integer range`);
  }
  writeField(document as { [key: string]: Json }, segments, next);
}

/**
 * Returns a new document with `update` applied; the input is not changed. Throws a TypeError
 * for an empty update, an update of `_id`, overlapping paths, an unknown operator, a
 * non-integer `$inc` or a `$inc` on a non-integer field.
 */
export function applyUpdate(
  document: StoredDocument,
  update: DocumentUpdate,
  where: string,
): StoredDocument {
  if (typeof update !== 'object' || update === null || Object.keys(update).length === 0) {
    throw new TypeError(`update of ${where} has no fields`);
  }
  const paths = Object.keys(update);
  assertNoOverlap(paths);
  const next = structuredClone(document);
  for (const path of paths) {
    const segments = parseFieldPath(path);
    if (segments[0] === '_id') throw new TypeError(`update of ${where} cannot change _id`);
    const operation = parseOperation(path, update[path]);
    const target = next as { [key: string]: Json };
    if (operation.kind === 'set') writeField(target, segments, structuredClone(operation.value));
    else if (operation.kind === 'inc') incrementField(next, segments, operation.amount);
    else deleteField(target, segments);
  }
  return next;
}

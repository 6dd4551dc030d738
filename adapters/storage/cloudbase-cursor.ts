/**
 * Keyset cursors for the CloudBase store: the last document's sort value and `_id`, so the
 * next page starts strictly after it however many documents were inserted meanwhile. A
 * missing sort field counts as null, which the server sorts before every other value.
 */
import type { CloudBaseCommand } from './cloudbase-database';

export interface CloudBaseCursor {
  orderBy: string;
  direction: 'asc' | 'desc';
  /** Sort value of the last document, null when it lacks the field; unused for `_id`. */
  sortValue: string | number | boolean | null;
  id: string;
}

function isSortValue(value: unknown): value is CloudBaseCursor['sortValue'] {
  const kind = typeof value;
  return value === null || kind === 'string' || kind === 'number' || kind === 'boolean';
}

/** Encodes a position as base64url text. */
export function encodeCloudBaseCursor(cursor: CloudBaseCursor): string {
  const payload = ['cb1', cursor.orderBy, cursor.direction, cursor.sortValue, cursor.id];
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made for the same ordering. Throws a TypeError for text that is not a
 * cursor of this store or that belongs to another ordering.
 */
export function decodeCloudBaseCursor(
  text: string,
  orderBy: string,
  direction: 'asc' | 'desc',
): CloudBaseCursor {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    payload = undefined;
  }
  const valid =
    Array.isArray(payload) &&
    payload.length === 5 &&
    payload[0] === 'cb1' &&
    typeof payload[1] === 'string' &&
    (payload[2] === 'asc' || payload[2] === 'desc') &&
    isSortValue(payload[3]) &&
    typeof payload[4] === 'string';
  if (!valid) throw new TypeError(`invalid cursor ${JSON.stringify(text)}`);
  const [, cursorOrderBy, cursorDirection, sortValue, id] = payload as [
    string, string, 'asc' | 'desc', CloudBaseCursor['sortValue'], string,
  ];
  if (cursorOrderBy !== orderBy || cursorDirection !== direction) {
    throw new TypeError(
      `cursor belongs to orderBy ${cursorOrderBy} ${cursorDirection}, not ${orderBy} ${direction}:` +
        ' page with the same ordering or start again without a cursor',
    );
  }
  return { orderBy, direction, sortValue, id };
}

/**
 * Returns the condition for documents strictly after `cursor` in (sort value, `_id`) order.
 * NOTE: range operators compare values of one type only, so when a sort field contains both
 * numbers and strings, the documents of the other type after the cursor are skipped.
 */
export function afterCursorCondition(cursor: CloudBaseCursor, command: CloudBaseCommand): object {
  const ascending = cursor.direction === 'asc';
  const pastId = ascending ? command.gt(cursor.id) : command.lt(cursor.id);
  if (cursor.orderBy === '_id') return { _id: pastId };

  const field = cursor.orderBy;
  if (cursor.sortValue === null) {
    const tiedNull = { [field]: command.eq(null), _id: pastId };
    // Ascending, nulls come first, so every non-null value follows; descending, they end it.
    return ascending ? command.or([tiedNull, { [field]: command.neq(null) }]) : tiedNull;
  }
  const tied = { [field]: command.eq(cursor.sortValue), _id: pastId };
  const past = { [field]: ascending ? command.gt(cursor.sortValue) : command.lt(cursor.sortValue) };
  if (ascending) return command.or([tied, past]);
  return command.or([tied, past, { [field]: command.eq(null) }]);
}

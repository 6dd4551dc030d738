/**
 * Opaque keyset cursors: the last row's sort value and `_id`, plus the ordering they belong
 * to, so the next page starts strictly after that row however many rows were inserted.
 */
import type { SqlParam } from './filter-sql';

export interface CursorPosition {
  orderBy: string;
  direction: 'asc' | 'desc';
  /** Sort value of the last row as SQLite returned it; unused when ordering by `_id`. */
  sortValue: SqlParam;
  id: string;
}

/** Encodes a position as base64url text. */
export function encodeCursor(position: CursorPosition): string {
  const payload = [position.orderBy, position.direction, position.sortValue, position.id];
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function isSqlParam(value: unknown): value is SqlParam {
  return value === null || typeof value === 'string' || typeof value === 'number';
}

/**
 * Decodes a cursor and checks that it was made for the same ordering. Throws a TypeError
 * for text that is not a cursor of this store or belongs to another ordering.
 */
export function decodeCursor(
  cursor: string,
  orderBy: string,
  direction: 'asc' | 'desc',
): CursorPosition {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    payload = undefined;
  }
  const valid =
    Array.isArray(payload) &&
    payload.length === 4 &&
    typeof payload[0] === 'string' &&
    (payload[1] === 'asc' || payload[1] === 'desc') &&
    isSqlParam(payload[2]) &&
    typeof payload[3] === 'string';
  if (!valid) throw new TypeError(`invalid cursor ${JSON.stringify(cursor)}`);
  const fields = payload as [string, string, SqlParam, string];
  const [cursorOrderBy, cursorDirection, sortValue, id] = fields;
  if (cursorOrderBy !== orderBy || cursorDirection !== direction) {
    throw new TypeError(
      `cursor belongs to orderBy ${cursorOrderBy} ${cursorDirection},` +
        ` not ${orderBy} ${direction}:` +
        ' page with the same ordering or start again without a cursor',
    );
  }
  return { orderBy, direction, sortValue, id };
}

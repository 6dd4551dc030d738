/**
 * One page of a CloudBase query, keyset-paginated on (sort field, `_id`).
 *
 * The server returns at most 1,000 documents per `get()` and cuts any larger limit to
 * 1,000. A page requests one document more than its limit to learn whether another page
 * follows. At the cap that extra document cannot be had, so a full page of 1,000 is
 * followed by a one-document probe past its last document.
 */
import { afterCursorCondition, decodeCloudBaseCursor, encodeCloudBaseCursor } from './cloudbase-cursor';
import type { CloudBaseCommand, CloudBaseDatabase, CloudBaseQuery } from './cloudbase-database';
import { checkResult } from './cloudbase-errors';
import { toCloudBaseWhere } from './cloudbase-query';
import { assertCollectionName, parseFieldPath, readField } from './field-path';
import { MAX_PAGE_SIZE, type Json, type Page, type PageRequest, type StoredDocument } from './port';

/** Throws a RangeError unless `limit` is an integer from 1 to {@link MAX_PAGE_SIZE}. */
export function assertPageLimit(limit: unknown): void {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new RangeError(
      `invalid page limit ${String(limit)}: use an integer from 1 to ${MAX_PAGE_SIZE}`,
    );
  }
}

/** Combines conditions with `_.and`, or returns the only one; undefined when there are none. */
export function combineConditions(conditions: object[], command: CloudBaseCommand): object | undefined {
  const present = conditions.filter((condition) => Object.keys(condition).length > 0);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return command.and(present);
}

interface Ordering {
  orderBy: string;
  direction: 'asc' | 'desc';
}

async function fetchDocuments(
  database: CloudBaseDatabase,
  collection: string,
  where: object | undefined,
  ordering: Ordering,
  limit: number,
): Promise<StoredDocument[]> {
  const all = database.collection(collection);
  let query: CloudBaseQuery = where === undefined ? all : all.where(where);
  query = query.orderBy(ordering.orderBy, ordering.direction);
  if (ordering.orderBy !== '_id') query = query.orderBy('_id', ordering.direction);
  const result = checkResult(await query.limit(limit).get());
  return (result.data ?? []) as StoredDocument[];
}

function sortValueOf(document: StoredDocument, orderBy: string): string | number | boolean | null {
  const value = readField(document as { [key: string]: Json }, parseFieldPath(orderBy));
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') {
    throw new TypeError(
      `cannot page by ${orderBy}: document ${document._id} contains an object or array there, which has no sort order`,
    );
  }
  return value;
}

/** Reads one page; see {@link PageRequest} for the cursor contract. */
export async function readCloudBasePage<T extends StoredDocument>(
  database: CloudBaseDatabase,
  collection: string,
  request: PageRequest,
): Promise<Page<T>> {
  assertCollectionName(collection);
  assertPageLimit(request.limit);
  const ordering: Ordering = { orderBy: request.orderBy ?? '_id', direction: request.direction ?? 'asc' };
  if (ordering.direction !== 'asc' && ordering.direction !== 'desc') {
    throw new TypeError(`invalid direction ${JSON.stringify(ordering.direction)}: use asc or desc`);
  }
  parseFieldPath(ordering.orderBy);
  const command = database.command;
  const filter = toCloudBaseWhere(request.where, command);
  const after =
    request.cursor === undefined
      ? undefined
      : decodeCloudBaseCursor(request.cursor, ordering.orderBy, ordering.direction);
  const conditions = after === undefined ? [filter] : [filter, afterCursorCondition(after, command)];
  const where = combineConditions(conditions, command);

  const fetchSize = Math.min(request.limit + 1, MAX_PAGE_SIZE);
  const rows = await fetchDocuments(database, collection, where, ordering, fetchSize);
  const documents = rows.slice(0, request.limit) as T[];
  if (documents.length < request.limit) return { documents };

  const last = documents[documents.length - 1];
  const position = { ...ordering, sortValue: sortValueOf(last, ordering.orderBy), id: last._id };
  let more = rows.length > request.limit;
  if (!more && request.limit === MAX_PAGE_SIZE) {
    const probeWhere = combineConditions([filter, afterCursorCondition(position, command)], command);
    more = (await fetchDocuments(database, collection, probeWhere, ordering, 1)).length > 0;
  }
  return more ? { documents, cursor: encodeCloudBaseCursor(position) } : { documents };
}

/**
 * Plans the SQL for one page of a keyset-paginated query.
 *
 * Rows are ordered by (sort value, id). SQLite sorts NULL (a missing or null field) before
 * every other value, so ascending pages visit the NULL rows first and descending pages
 * visit them last. Each of the two sections is queried separately: a single `OR expr IS
 * NULL` condition would stop SQLite from seeking in the (sort value, id) index.
 */
import { compileFilter, fieldSql, type SqlParam } from './filter-sql';
import type { CursorPosition } from './page-cursor';
import type { Filter } from './port';

/** One query of a page plan; the row limit is bound as the last parameter. */
export interface SectionQuery {
  sql: string;
  params: SqlParam[];
}

/** The columns each section query selects. */
export interface PageRow {
  id: string;
  body: string;
  sort_value: SqlParam;
}

interface PlanInput {
  table: string;
  where?: Filter;
  orderBy: string;
  direction: 'asc' | 'desc';
  after?: CursorPosition;
}

function section(input: PlanInput, extra: string, params: SqlParam[], sortValue: string) {
  const filter = compileFilter(input.where);
  const direction = input.direction === 'asc' ? 'ASC' : 'DESC';
  const order =
    input.orderBy === '_id'
      ? `id ${direction}`
      : `${fieldSql(input.orderBy).value} ${direction}, id ${direction}`;
  return {
    sql:
      `SELECT id, body, ${sortValue} AS sort_value FROM ${input.table}` +
      ` WHERE (${filter.sql})${extra} ORDER BY ${order} LIMIT ?`,
    params: [...filter.params, ...params],
  };
}

function nullSection(input: PlanInput, afterId: string | undefined): SectionQuery {
  const value = fieldSql(input.orderBy).value;
  const idOperator = input.direction === 'asc' ? '>' : '<';
  const bound = afterId === undefined ? '' : ` AND id ${idOperator} ?`;
  const params = afterId === undefined ? [] : [afterId];
  return section(input, ` AND ${value} IS NULL${bound}`, params, 'NULL');
}

function valueSection(input: PlanInput, after: CursorPosition | undefined): SectionQuery {
  const value = fieldSql(input.orderBy).value;
  if (after === undefined) return section(input, ` AND ${value} IS NOT NULL`, [], value);
  const [atOrPast, past] = input.direction === 'asc' ? ['>=', '>'] : ['<=', '<'];
  const bound =
    ` AND ${value} IS NOT NULL AND ${value} ${atOrPast} ?` +
    ` AND (${value} ${past} ? OR id ${past} ?)`;
  return section(input, bound, [after.sortValue, after.sortValue, after.id], value);
}

/** Returns the queries to run in order until the page is full. */
export function planPage(input: PlanInput): SectionQuery[] {
  if (input.orderBy === '_id') {
    const operator = input.direction === 'asc' ? '>' : '<';
    if (input.after === undefined) return [section(input, '', [], 'id')];
    return [section(input, ` AND id ${operator} ?`, [input.after.id], 'id')];
  }
  const after = input.after;
  const afterNull = after !== undefined && after.sortValue === null;
  if (input.direction === 'asc') {
    if (after !== undefined && !afterNull) return [valueSection(input, after)];
    return [nullSection(input, after?.id), valueSection(input, undefined)];
  }
  if (afterNull) return [nullSection(input, after.id)];
  return [valueSection(input, after), nullSection(input, undefined)];
}

/**
 * Compiles a {@link Filter} into a SQL condition over the JSON body.
 *
 * `json_extract` returns booleans as 0/1 and objects as JSON text. Every comparison also
 * checks `json_type`, because otherwise `true` would equal 1 and a string could equal an
 * object's text. The value expression is kept in the same form as the index expression that
 * `ensureIndex` creates, so SQLite can use the index.
 */
import { jsonPathLiteral } from './field-path';
import type { Comparison, Filter, Json } from './port';

export type SqlParam = string | number | null;

export interface SqlCondition {
  sql: string;
  params: SqlParam[];
}

/** The SQL expressions for one field: its value and, for body fields, its JSON type. */
export interface FieldSql {
  value: string;
  type: string | null;
}

const RANGE_OPERATORS = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as const;
const OPERATORS = new Set(['$eq', '$ne', '$in', ...Object.keys(RANGE_OPERATORS)]);

/** Returns the SQL expressions for a field path; `_id` maps to the primary key column. */
export function fieldSql(path: string): FieldSql {
  if (path === '_id') return { value: 'id', type: null };
  const literal = jsonPathLiteral(path);
  return { value: `json_extract(body, ${literal})`, type: `json_type(body, ${literal})` };
}

function idEquals(value: Json, path: string): SqlCondition {
  if (typeof value !== 'string') {
    throw new TypeError(`filter on ${path} needs a string, got ${JSON.stringify(value)}`);
  }
  return { sql: 'id = ?', params: [value] };
}

function equals(field: FieldSql, value: Json, path: string): SqlCondition {
  if (field.type === null) return idEquals(value, path);
  if (value === null) return { sql: `${field.value} IS NULL`, params: [] };
  if (typeof value === 'boolean') {
    return {
      sql: `(${field.value} = ${value ? 1 : 0} AND ${field.type} = '${value}')`,
      params: [],
    };
  }
  if (typeof value === 'number') {
    return {
      sql: `(${field.value} = ? AND ${field.type} IN ('integer', 'real'))`,
      params: [value],
    };
  }
  if (typeof value === 'string') {
    return { sql: `(${field.value} = ? AND ${field.type} = 'text')`, params: [value] };
  }
  return {
    sql: `(${field.value} = json(?) AND ${field.type} IN ('object', 'array'))`,
    params: [JSON.stringify(value)],
  };
}

function notEquals(field: FieldSql, value: Json, path: string): SqlCondition {
  if (value === null && field.type !== null) {
    return { sql: `${field.value} IS NOT NULL`, params: [] };
  }
  const condition = equals(field, value, path);
  return { sql: `NOT COALESCE(${condition.sql}, 0)`, params: condition.params };
}

function range(
  field: FieldSql,
  operator: keyof typeof RANGE_OPERATORS,
  operand: Json,
  path: string,
): SqlCondition {
  const sqlOperator = RANGE_OPERATORS[operator];
  if (typeof operand === 'string') {
    const typeCheck = field.type === null ? '' : ` AND ${field.type} = 'text'`;
    return { sql: `(${field.value} ${sqlOperator} ?${typeCheck})`, params: [operand] };
  }
  if (typeof operand === 'number' && field.type !== null) {
    return {
      sql: `(${field.value} ${sqlOperator} ? AND ${field.type} IN ('integer', 'real'))`,
      params: [operand],
    };
  }
  throw new TypeError(
    `${operator} on ${path} needs a ${field.type === null ? 'string' : 'number or string'},` +
      ` got ${JSON.stringify(operand)}`,
  );
}

function oneOf(field: FieldSql, values: Json, path: string): SqlCondition {
  if (!Array.isArray(values)) {
    throw new TypeError(`$in on ${path} needs an array, got ${JSON.stringify(values)}`);
  }
  if (values.length === 0) return { sql: '0', params: [] };
  const placeholders = values.map(() => '?').join(', ');
  if (values.every((value) => typeof value === 'string')) {
    const typeCheck = field.type === null ? '' : ` AND ${field.type} = 'text'`;
    return { sql: `(${field.value} IN (${placeholders})${typeCheck})`, params: values as string[] };
  }
  if (field.type !== null && values.every((value) => typeof value === 'number')) {
    return {
      sql: `(${field.value} IN (${placeholders}) AND ${field.type} IN ('integer', 'real'))`,
      params: values as number[],
    };
  }
  const parts = values.map((value) => equals(field, value, path));
  return {
    sql: `(${parts.map((part) => part.sql).join(' OR ')})`,
    params: parts.flatMap((part) => part.params),
  };
}

function isOperatorObject(comparison: Comparison): comparison is Record<string, Json> {
  if (typeof comparison !== 'object' || comparison === null || Array.isArray(comparison)) {
    return false;
  }
  return Object.keys(comparison).some((key) => key.startsWith('$'));
}

function compileComparison(path: string, comparison: Comparison): SqlCondition[] {
  const field = fieldSql(path);
  if (comparison === undefined) throw new TypeError(`filter on ${path} is undefined`);
  if (!isOperatorObject(comparison)) return [equals(field, comparison, path)];
  return Object.entries(comparison).map(([operator, operand]) => {
    if (!OPERATORS.has(operator)) {
      throw new TypeError(`unknown filter operator ${operator} on ${path}`);
    }
    if (operator === '$eq') return equals(field, operand, path);
    if (operator === '$ne') return notEquals(field, operand, path);
    if (operator === '$in') return oneOf(field, operand, path);
    return range(field, operator as keyof typeof RANGE_OPERATORS, operand, path);
  });
}

/** Compiles `filter` into one condition; an empty or missing filter matches everything. */
export function compileFilter(filter: Filter | undefined): SqlCondition {
  const conditions = Object.entries(filter ?? {}).flatMap(([path, comparison]) =>
    compileComparison(path, comparison),
  );
  if (conditions.length === 0) return { sql: '1', params: [] };
  return {
    sql: conditions.map((condition) => condition.sql).join(' AND '),
    params: conditions.flatMap((condition) => condition.params),
  };
}

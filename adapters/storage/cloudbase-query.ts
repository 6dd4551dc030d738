/**
 * Translates a store {@link Filter} into a CloudBase `where` object built from `db.command`
 * operators, after checking it with the same rules as the embedded store.
 *
 * Every value goes through an explicit operator. A plain object given to `where` would be
 * flattened into one condition per nested field, which also matches documents with extra
 * nested fields. `_.eq(object)` compares the whole value instead. The server's query semantics are
 * MongoDB's, which already match the store contract: equality with null also matches a
 * missing field, `$ne` matches documents that lack the field, and range operators compare
 * only values of the operand's type.
 */
import { assertJsonValue } from './document-values';
import { parseFieldPath } from './field-path';
import type { Comparison, Filter, Json } from './port';
import type { CloudBaseCommand } from './cloudbase-database';

type Operator = '$eq' | '$ne' | '$gt' | '$gte' | '$lt' | '$lte' | '$in';

const RANGE_OPERATORS = new Set<Operator>(['$gt', '$gte', '$lt', '$lte']);
const OPERATORS = new Set<string>(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in']);

function isOperatorObject(value: Comparison): value is Record<Operator, Json> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.keys(value).some((key) => key.startsWith('$'));
}

function parseComparison(field: string, comparison: Comparison): { operator: Operator; operand: Json } {
  if (!isOperatorObject(comparison)) {
    assertJsonValue(comparison, field);
    return { operator: '$eq', operand: comparison };
  }
  const keys = Object.keys(comparison);
  const operator = keys[0];
  if (keys.length !== 1 || !OPERATORS.has(operator)) {
    throw new TypeError(
      `unknown filter operator ${keys.join(', ')} for ${field}: use one of $eq, $ne, $gt, $gte,` +
        ' $lt, $lte, $in',
    );
  }
  const operand = comparison[operator as Operator];
  assertJsonValue(operand, field);
  if (RANGE_OPERATORS.has(operator as Operator)) {
    if (typeof operand !== 'number' && typeof operand !== 'string') {
      throw new TypeError(`${operator} of ${field} needs a number or a string, got ${JSON.stringify(operand)}`);
    }
  }
  if (operator === '$in' && !Array.isArray(operand)) {
    throw new TypeError(`$in of ${field} needs an array, got ${JSON.stringify(operand)}`);
  }
  return { operator: operator as Operator, operand };
}

function toCommand(command: CloudBaseCommand, operator: Operator, operand: Json): unknown {
  switch (operator) {
    case '$eq':
      return command.eq(operand);
    case '$ne':
      return command.neq(operand);
    case '$gt':
      return command.gt(operand);
    case '$gte':
      return command.gte(operand);
    case '$lt':
      return command.lt(operand);
    case '$lte':
      return command.lte(operand);
    case '$in':
      return command.in(operand);
  }
}

/**
 * Returns the `where` object for `filter`, keyed by dot path. Throws a TypeError for an
 * invalid field path, an unknown operator, a range operand that is not a number or a
 * string, or an `$in` operand that is not an array.
 */
export function toCloudBaseWhere(
  filter: Filter | undefined,
  command: CloudBaseCommand,
): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  for (const [field, comparison] of Object.entries(filter ?? {})) {
    parseFieldPath(field);
    const { operator, operand } = parseComparison(field, comparison);
    where[field] = toCommand(command, operator, operand);
  }
  return where;
}

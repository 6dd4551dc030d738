/**
 * Translates a store {@link DocumentUpdate} into a CloudBase `doc().update()` payload made of
 * `db.command` operators: `_.set` for plain values, `_.inc` for `$inc` and `_.remove` for
 * `$unset`.
 *
 * Plain values go through `_.set` because `doc().update()` merges a plain object field by
 * field, while in the store contract a plain value replaces the whole field. `_.inc` runs
 * on the server, so concurrent counters never lose an increment.
 */
import { parseFieldPath } from './field-path';
import type { DocumentUpdate, UpdateValue } from './port';
import type { CloudBaseCommand } from './cloudbase-database';

function isOperator(value: UpdateValue): value is { $inc: number } | { $unset: true } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.keys(value).some((key) => key.startsWith('$'));
}

/**
 * Returns the update payload, keyed by dot path. The update must already have passed
 * `applyUpdate`, which rejects unknown operators, unsafe `$inc` amounts and `_id`.
 */
export function toCloudBaseUpdate(
  update: DocumentUpdate,
  command: CloudBaseCommand,
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(update)) {
    parseFieldPath(path);
    if (!isOperator(value)) {
      payload[path] = command.set(value);
    } else if ('$inc' in value) {
      payload[path] = command.inc(value.$inc);
    } else {
      payload[path] = command.remove();
    }
  }
  return payload;
}

/**
 * An in-process stand-in for the part of the `@cloudbase/node-sdk` database API that the
 * CloudBase store uses, for unit tests only. It evaluates the real `db.command` objects the
 * store builds (comparisons, and/or, set/inc/remove), cuts `limit` to 1,000 as the SDK
 * does, records every request, and can fail commits with a transaction conflict.
 * It does not model isolation: the contract run against CloudBase covers that.
 */
import { createCloudBaseApp } from '../../adapters/platform/cloudbase-app';
import type {
  CloudBaseCollection,
  CloudBaseDatabase,
  CloudBaseDocumentReference,
  CloudBaseQuery,
  CloudBaseTransactionHandle,
} from '../../adapters/storage/cloudbase-database';

type Doc = Record<string, unknown> & { _id: string };
type Command = { operator: string; operands: unknown[] };

export const realCommand = createCloudBaseApp({ envId: 'unit-test-env' }).database().command;

export interface RecordedGet {
  collection: string;
  where?: object;
  order: [string, 'asc' | 'desc'][];
  /** The limit the store asked for, before the 1,000 cut. */
  limit?: number;
}

function isCommand(value: unknown): value is Command {
  return typeof value === 'object' && value !== null && 'operator' in value && 'operands' in value;
}

function read(document: Doc, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], document);
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  return (a as number) < (b as number) ? -1 : 1;
}

function sameType(a: unknown, b: unknown): boolean {
  return typeof a === typeof b && a !== null && b !== null;
}

function matchesField(value: unknown, command: Command): boolean {
  const operand = command.operands[0];
  switch (command.operator) {
    case 'eq':
      return operand === null ? value === null || value === undefined : JSON.stringify(value) === JSON.stringify(operand);
    case 'neq':
      return !matchesField(value, { operator: 'eq', operands: [operand] });
    case 'gt':
      return sameType(value, operand) && compare(value, operand) > 0;
    case 'gte':
      return sameType(value, operand) && compare(value, operand) >= 0;
    case 'lt':
      return sameType(value, operand) && compare(value, operand) < 0;
    case 'lte':
      return sameType(value, operand) && compare(value, operand) <= 0;
    case 'in':
      return command.operands.some((item) => JSON.stringify(item) === JSON.stringify(value));
    default:
      throw new Error(`fake database has no query operator ${command.operator}`);
  }
}

export function matches(document: Doc, where: unknown): boolean {
  if (isCommand(where)) {
    const parts = where.operands as object[];
    if (where.operator === 'and') return parts.every((part) => matches(document, part));
    if (where.operator === 'or') return parts.some((part) => matches(document, part));
    throw new Error(`fake database has no logic operator ${where.operator}`);
  }
  return Object.entries(where as Record<string, unknown>).every(([field, condition]) =>
    isCommand(condition) ? matchesField(read(document, field), condition) : read(document, field) === condition,
  );
}

function applyUpdate(document: Doc, payload: Record<string, unknown>): Doc {
  const next = structuredClone(document);
  for (const [path, command] of Object.entries(payload)) {
    const keys = path.split('.');
    let parent = next as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) parent = (parent[key] ??= {}) as Record<string, unknown>;
    const last = keys[keys.length - 1];
    const { operator, operands } = command as Command;
    if (operator === 'set') parent[last] = structuredClone(operands[0]);
    else if (operator === 'inc') parent[last] = ((parent[last] as number | undefined) ?? 0) + (operands[0] as number);
    else if (operator === 'remove') delete parent[last];
    else throw new Error(`fake database has no update operator ${operator}`);
  }
  return next;
}

export class FakeCloudBaseDatabase implements CloudBaseDatabase {
  readonly command = realCommand;
  readonly collections = new Map<string, Map<string, Doc>>();
  readonly gets: RecordedGet[] = [];
  readonly updates: { collection: string; id: string; payload: Record<string, unknown> }[] = [];
  readonly transactionTimes: (number | undefined)[] = [];
  /** Commits to fail with DATABASE_TRANSACTION_CONFLICT before one succeeds. */
  conflictsToRaise = 0;
  /** Error thrown by the next write, once. */
  nextWriteError?: unknown;

  table(name: string): Map<string, Doc> {
    let table = this.collections.get(name);
    if (!table) this.collections.set(name, (table = new Map()));
    return table;
  }

  collection(name: string): CloudBaseCollection {
    return Object.assign(this.query(name, { collection: name, order: [] }), {
      doc: (id: string) => this.document(name, id, false),
      add: async (data: object) => this.add(name, data as Doc),
    });
  }

  async runTransaction<T>(callback: (handle: CloudBaseTransactionHandle) => Promise<T>, times?: number): Promise<T> {
    this.transactionTimes.push(times);
    const snapshot = new Map([...this.collections].map(([name, table]) => [name, new Map(table)]));
    const handle: CloudBaseTransactionHandle = {
      collection: (name) => ({ doc: (id) => this.document(name, id, true), add: async (data) => this.add(name, data as Doc) }),
    };
    try {
      const result = await callback(handle);
      if (this.conflictsToRaise > 0) {
        this.conflictsToRaise -= 1;
        throw { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'database transaction conflict' };
      }
      return result;
    } catch (error) {
      this.collections.clear();
      for (const [name, table] of snapshot) this.collections.set(name, table);
      throw error;
    }
  }

  private takeWriteError(): void {
    if (this.nextWriteError === undefined) return;
    const error = this.nextWriteError;
    this.nextWriteError = undefined;
    throw error;
  }

  private async add(name: string, data: Doc) {
    this.takeWriteError();
    if (this.table(name).has(data._id)) {
      throw { code: 'DATABASE_REQUEST_FAILED', message: `E11000 duplicate key error collection: ${name} index: _id_` };
    }
    this.table(name).set(data._id, structuredClone(data));
    return { id: data._id };
  }

  private document(name: string, id: string, inTransaction: boolean): CloudBaseDocumentReference {
    return {
      get: async () => {
        const found = this.table(name).get(id);
        const copy = found ? structuredClone(found) : null;
        if (inTransaction) return { data: copy };
        return { data: copy ? [copy] : [] };
      },
      set: async (data) => {
        this.takeWriteError();
        this.table(name).set(id, { ...structuredClone(data as Record<string, unknown>), _id: id });
        return {};
      },
      update: async (data) => {
        this.takeWriteError();
        this.updates.push({ collection: name, id, payload: data as Record<string, unknown> });
        const found = this.table(name).get(id);
        if (!found) return { updated: 0 };
        this.table(name).set(id, applyUpdate(found, data as Record<string, unknown>));
        return { updated: 1 };
      },
      remove: async () => {
        this.takeWriteError();
        return { deleted: this.table(name).delete(id) ? 1 : 0 };
      },
    };
  }

  private query(name: string, state: RecordedGet): CloudBaseQuery {
    return {
      where: (where) => this.query(name, { ...state, where }),
      orderBy: (field, direction) => this.query(name, { ...state, order: [...state.order, [field, direction]] }),
      limit: (limit) => this.query(name, { ...state, limit }),
      get: async () => {
        this.gets.push(state);
        const limit = Math.min(state.limit ?? 100, 1000);
        return { data: this.select(name, state).slice(0, limit).map((doc) => structuredClone(doc)) };
      },
      count: async () => ({ total: this.select(name, state).length }),
    };
  }

  private select(name: string, state: RecordedGet): Doc[] {
    const rows = [...this.table(name).values()].filter((doc) => state.where === undefined || matches(doc, state.where));
    return rows.sort((a, b) => {
      for (const [field, direction] of state.order) {
        const order = compare(read(a, field), read(b, field));
        if (order !== 0) return direction === 'asc' ? order : -order;
      }
      return 0;
    });
  }
}

import { describe, expect, it } from 'vitest';
import { QuerySerializer } from '@cloudbase/database/dist/commonjs/serializer/query';
import { UpdateSerializer } from '@cloudbase/database/dist/commonjs/serializer/update';
import { toCloudBaseWhere } from '../../adapters/storage/cloudbase-query';
import { toCloudBaseUpdate } from '../../adapters/storage/cloudbase-update';
import { afterCursorCondition, decodeCloudBaseCursor, encodeCloudBaseCursor } from '../../adapters/storage/cloudbase-cursor';
import type { Filter } from '../../adapters/storage/port';
import { realCommand as _ } from './fake-cloudbase-database';

/** Returns the JSON the SDK sends for a `where` object, from its own serializer. */
function wire(where: object): unknown {
  return QuerySerializer.encode(where);
}

describe('filter translation', () => {
  const cases: { name: string; filter: Filter; expected: unknown }[] = [
    { name: 'plain value', filter: { status: 'active' }, expected: { status: { $eq: 'active' } } },
    { name: '$eq', filter: { status: { $eq: 'repaid' } }, expected: { status: { $eq: 'repaid' } } },
    { name: '$ne null', filter: { note: { $ne: null } }, expected: { note: { $ne: null } } },
    { name: 'null', filter: { note: null }, expected: { note: { $eq: null } } },
    { name: '$gt', filter: { amountFen: { $gt: 250 } }, expected: { amountFen: { $gt: 250 } } },
    { name: '$gte', filter: { amountFen: { $gte: 250 } }, expected: { amountFen: { $gte: 250 } } },
    { name: '$lt', filter: { status: { $lt: 'b' } }, expected: { status: { $lt: 'b' } } },
    { name: '$lte', filter: { amountFen: { $lte: 1 } }, expected: { amountFen: { $lte: 1 } } },
    { name: '$in', filter: { status: { $in: ['a', 'b'] } }, expected: { status: { $in: ['a', 'b'] } } },
    { name: 'nested path', filter: { 'card.last4': '1111' }, expected: { 'card.last4': { $eq: '1111' } } },
    { name: 'whole object', filter: { card: { last4: '2222' } }, expected: { card: { $eq: { last4: '2222' } } } },
    { name: 'boolean', filter: { flag: true }, expected: { flag: { $eq: true } } },
  ];

  for (const { name, filter, expected } of cases) {
    it(`translates ${name}`, () => {
      expect(wire(toCloudBaseWhere(filter, _))).toEqual(expected);
    });
  }

  it('builds real db.command objects', () => {
    const where = toCloudBaseWhere({ amountFen: { $gte: 250 } }, _) as Record<string, { operator: string }>;
    expect(where.amountFen.constructor.name).toBe('QueryCommand');
    expect(where.amountFen.operator).toBe('gte');
  });

  it('empty filter gives empty where', () => {
    expect(toCloudBaseWhere(undefined, _)).toEqual({});
    expect(toCloudBaseWhere({}, _)).toEqual({});
  });

  it('rejects invalid filters', () => {
    const bad = [
      { status: { $regex: 'a' } },
      { 'bad field': 1 },
      { 'a..b': 1 },
      { amountFen: { $gt: true } },
      { status: { $in: 'active' } },
      { a: { $eq: 1, $ne: 2 } },
      { a: NaN },
    ];
    for (const filter of bad) expect(() => toCloudBaseWhere(filter as unknown as Filter, _)).toThrow(TypeError);
  });
});

describe('update translation', () => {
  it('plain values use _.set, so objects replace the field', () => {
    const payload = toCloudBaseUpdate({ status: 'repaid', card: { last4: '5593' }, tags: ['x'] }, _);
    expect(UpdateSerializer.encode(payload)).toEqual({
      $set: { status: 'repaid', card: { last4: '5593' }, tags: ['x'] },
    });
  });

  it('$inc becomes _.inc on the server', () => {
    const payload = toCloudBaseUpdate({ outstandingFen: { $inc: -1000 }, 'nested.paidFen': { $inc: 2 } }, _);
    const outstanding = payload.outstandingFen as { operator: string; operands: number[] };
    expect(outstanding.constructor.name).toBe('UpdateCommand');
    expect(outstanding.operator).toBe('inc');
    expect(outstanding.operands).toEqual([-1000]);
    expect(UpdateSerializer.encode(payload)).toEqual({ $inc: { outstandingFen: -1000, 'nested.paidFen': 2 } });
  });

  it('$unset becomes _.remove', () => {
    const payload = toCloudBaseUpdate({ a: { $unset: true }, 'card.bank': { $unset: true } }, _);
    expect(UpdateSerializer.encode(payload)).toEqual({ $unset: { a: '', 'card.bank': '' } });
  });

  it('dot paths set nested fields', () => {
    const payload = toCloudBaseUpdate({ 'limits.dailyFen': 2000 }, _);
    expect(UpdateSerializer.encode(payload)).toEqual({ $set: { 'limits.dailyFen': 2000 } });
  });
});

describe('cursor', () => {
  it('round-trips a position', () => {
    const position = { orderBy: 'rank', direction: 'desc' as const, sortValue: 2, id: 'd3' };
    expect(decodeCloudBaseCursor(encodeCloudBaseCursor(position), 'rank', 'desc')).toEqual(position);
  });

  it('rejects text that is not a cursor', () => {
    expect(() => decodeCloudBaseCursor('not a cursor', '_id', 'asc')).toThrow(/invalid cursor/);
  });

  it('rejects a cursor of another ordering', () => {
    const text = encodeCloudBaseCursor({ orderBy: 'rank', direction: 'asc', sortValue: 1, id: 'a' });
    expect(() => decodeCloudBaseCursor(text, 'rank', 'desc')).toThrow(/belongs to orderBy rank asc/);
  });

  it('ascending after a value', () => {
    const condition = afterCursorCondition({ orderBy: 'rank', direction: 'asc', sortValue: 2, id: 'd1' }, _);
    expect(wire(condition)).toEqual({
      $or: [{ rank: { $eq: 2 }, _id: { $gt: 'd1' } }, { rank: { $gt: 2 } }],
    });
  });

  it('descending after a value includes nulls', () => {
    const condition = afterCursorCondition({ orderBy: 'rank', direction: 'desc', sortValue: 2, id: 'd3' }, _);
    expect(wire(condition)).toEqual({
      $or: [{ rank: { $eq: 2 }, _id: { $lt: 'd3' } }, { rank: { $lt: 2 } }, { rank: { $eq: null } }],
    });
  });

  it('ascending after a null', () => {
    const condition = afterCursorCondition({ orderBy: 'rank', direction: 'asc', sortValue: null, id: 'd4' }, _);
    expect(wire(condition)).toEqual({
      $or: [{ rank: { $eq: null }, _id: { $gt: 'd4' } }, { rank: { $ne: null } }],
    });
  });

  it('descending after a null stays in nulls', () => {
    const condition = afterCursorCondition({ orderBy: 'rank', direction: 'desc', sortValue: null, id: 'd4' }, _);
    expect(wire(condition)).toEqual({ rank: { $eq: null }, _id: { $lt: 'd4' } });
  });

  it('by _id only compares ids', () => {
    const condition = afterCursorCondition({ orderBy: '_id', direction: 'asc', sortValue: null, id: 'b' }, _);
    expect(wire(condition)).toEqual({ _id: { $gt: 'b' } });
  });
});

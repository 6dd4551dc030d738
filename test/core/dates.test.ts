import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  businessDate,
  dayOfMonth,
  daysBetween,
  isValidDate,
  startOfBusinessDay,
  withDayOfMonth,
} from '../../core/dates';
import { LoanError } from '../../core/errors';

const repoRoot = path.resolve(__dirname, '../..');

describe('businessDate', () => {
  it('maps instants to the Asia/Shanghai date', () => {
    expect(businessDate('2024-03-01T16:30:00Z')).toBe('2024-03-02');
    expect(businessDate('2024-03-01T15:59:59.999Z')).toBe('2024-03-01');
    expect(businessDate(new Date('2024-03-01T16:00:00.000Z'))).toBe('2024-03-02');
  });

  it('rejects an invalid instant', () => {
    expect(() => businessDate('not a time')).toThrow(LoanError);
  });
});

describe('startOfBusinessDay', () => {
  it('starts 2024-03-02 at 16:00 UTC the day before', () => {
    expect(startOfBusinessDay('2024-03-02').toISOString()).toBe('2024-03-01T16:00:00.000Z');
  });

  it('is the first instant of its own business date', () => {
    const start = startOfBusinessDay('2024-12-31');
    expect(businessDate(start)).toBe('2024-12-31');
    expect(businessDate(new Date(start.getTime() - 1))).toBe('2024-12-30');
  });
});

describe('date results in other host time zones', () => {
  it.each(['UTC', 'Asia/Shanghai', 'America/New_York'])('match under TZ=%s', (zone) => {
    const probe = path.join(__dirname, 'fixtures/tz-probe.ts');
    const output = execFileSync(process.execPath, ['--import', 'tsx', probe], {
      cwd: repoRoot,
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({
      afterMidnight: '2024-03-02',
      beforeMidnight: '2024-03-01',
      dayStart: '2024-03-01T16:00:00.000Z',
      leapDays: 91,
      monthEnd: '2024-02-29',
    });
  });
});

describe('calendar arithmetic', () => {
  it('counts actual days across a leap day', () => {
    expect(daysBetween('2023-12-01', '2024-03-01')).toBe(91);
    expect(daysBetween('2022-12-01', '2023-03-01')).toBe(90);
    expect(daysBetween('2024-03-01', '2023-12-01')).toBe(-91);
    expect(daysBetween('2024-01-10', '2024-01-10')).toBe(0);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-01-15', 12, '2025-01-15'],
    ['2024-11-27', 2, '2025-01-27'],
    ['2024-03-31', -1, '2024-02-29'],
  ])('moves %s by %i months to %s', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });

  it('reads and sets the day of month', () => {
    expect(dayOfMonth('2026-01-29')).toBe(29);
    expect(withDayOfMonth('2026-02-10', 31)).toBe('2026-02-28');
  });
});

describe('isValidDate', () => {
  it.each(['2024-02-29', '2000-02-29', '1900-01-01', '2026-12-31'])('accepts %s', (text) => {
    expect(isValidDate(text)).toBe(true);
  });

  const invalidDates = ['2023-02-29', '1900-02-29', '2024-02-30', '2024-13-01', '2024-00-10'];
  it.each([...invalidDates, '2024-1-5', '', 'x'])(
    'rejects %j',
    (text) => {
      expect(isValidDate(text)).toBe(false);
    },
  );
});

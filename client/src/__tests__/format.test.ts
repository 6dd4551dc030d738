import { formatDailyRate, formatMoney } from '../services/format';
import { newIdempotencyKey } from '../services/idempotency';

describe('formatMoney', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [1005, '¥10.05'],
    [50_000, '¥500.00'],
    [1_045_100, '¥10,451.00'],
    [20_000_000, '¥200,000.00'],
  ])('formats %p fen as %p', (fen, text) => {
    expect(formatMoney(fen)).toBe(text);
  });
});

describe('formatDailyRate', () => {
  it.each([
    [500, '0.05%'],
    [200, '0.02%'],
    [275, '0.0275%'],
    [350, '0.035%'],
    [10_000, '1.00%'],
  ])('formats %p ppm as %p', (ppm, text) => {
    expect(formatDailyRate(ppm)).toBe(text);
  });
});

describe('newIdempotencyKey', () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('makes distinct version-4 UUIDs', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(50);
    keys.forEach((key) => expect(key).toMatch(UUID_V4));
  });

  it('makes version-4 UUIDs without Web Crypto', () => {
    const original = globalThis.crypto;
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true });
    try {
      expect(newIdempotencyKey()).toMatch(UUID_V4);
      expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
    } finally {
      Object.defineProperty(globalThis, 'crypto', { value: original, configurable: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { readCookie, SESSION_COOKIE } from '../../localcloud/session';

describe('dev session cookie', () => {
  // readCookie throws URIError on a malformed escape, so every route returned HTTP 500.
  it('ignores a malformed percent escape', () => {
    expect(() => readCookie(`${SESSION_COOKIE}=%E0%A4%A`, SESSION_COOKIE)).not.toThrow();
  });
});

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Development sign-in: each browser gets a stable sandbox OPENID kept in a signed cookie.
 * It replaces the WeChat login that gives a mini-program its OPENID, and the signature
 * stops a browser from claiming another user's OPENID.
 */
export const SESSION_COOKIE = 'loan_dev_session';

export class DevSessions {
  constructor(private readonly secret: string) {
    if (secret.length < 32) throw new Error('session secret must be at least 32 characters');
  }

  /** Creates a new sandbox OPENID and the cookie value that proves it. */
  issue(): { openId: string; cookieValue: string } {
    const openId = `sbx_${randomBytes(12).toString('base64url')}`;
    return { openId, cookieValue: `${openId}.${this.sign(openId)}` };
  }

  /** Returns the OPENID of a cookie value, or null when it is missing or forged. */
  verify(cookieValue: string | undefined): string | null {
    if (!cookieValue) return null;
    const dot = cookieValue.lastIndexOf('.');
    if (dot <= 0) return null;
    const openId = cookieValue.slice(0, dot);
    const expected = Buffer.from(this.sign(openId));
    const actual = Buffer.from(cookieValue.slice(dot + 1));
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    return openId;
  }

  private sign(openId: string): string {
    return createHmac('sha256', this.secret).update(openId).digest('base64url');
  }
}

/** Reads one cookie from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim());
      } catch {
        // A malformed escape is no session at all, not a server error.
        return undefined;
      }
    }
  }
  return undefined;
}

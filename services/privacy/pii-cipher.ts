import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** Format tag of a sealed value; a new algorithm or key scheme gets a new tag. */
const FORMAT = 'g1';
/** AES-256-GCM with the 96-bit IV that NIST SP 800-38D recommends and a 128-bit tag. */
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const PII_KEY_BYTES = 32;

function assertKey(key: Buffer): void {
  if (key.length !== PII_KEY_BYTES) {
    throw new RangeError(`PII key must be ${PII_KEY_BYTES} bytes, got ${key.length}`);
  }
}

/**
 * Encrypts one personal value with AES-256-GCM under a fresh random IV. `context` (for
 * example `users/<openId>/idNumber`) is bound as additional data, so a sealed value copied
 * to another field or another user fails to open. Returns `g1.<iv>.<ciphertext>.<tag>`
 * in base64url.
 */
export function sealPii(key: Buffer, plaintext: string, context: string): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const parts = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString('base64url'));
  return [FORMAT, ...parts].join('.');
}

/**
 * Decrypts a value made by {@link sealPii}. Throws when the format is unknown, the key is
 * wrong, the context differs or the value was altered.
 */
export function openPii(key: Buffer, sealed: string, context: string): string {
  assertKey(key);
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== FORMAT) {
    throw new Error(`sealed PII value has an unknown format (expected ${FORMAT}.iv.data.tag)`);
  }
  const [iv, ciphertext, tag] = parts.slice(1).map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}

/** Kind of value a lookup hash stands for; part of the hashed text so kinds never collide. */
export type LookupKind = 'idNumber' | 'phone' | 'bankCard';

/**
 * Returns the HMAC-SHA256 (hex) of a normalised value, for finding records by a value
 * without storing it. Unlike a plain hash, it cannot be reversed by trying every phone or
 * card number without the key.
 */
export function lookupHash(key: Buffer, kind: LookupKind, value: string): string {
  return createHmac('sha256', key).update(`${kind}:${value}`).digest('hex');
}

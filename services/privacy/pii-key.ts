import { hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PII_KEY_BYTES } from './pii-cipher';

/** Keys derived from the configured PII key, one per purpose. */
export interface PiiKeys {
  /** AES-256-GCM key for sealed fields. */
  encryption: Buffer;
  /** HMAC key for lookup hashes. */
  lookup: Buffer;
}

/** File in the data folder holding the embedded default key, base64. */
export const PII_KEY_FILE = 'pii-key';

/** Decodes a base64 key, throwing unless it is exactly 32 bytes. */
export function decodePiiKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== PII_KEY_BYTES) {
    throw new RangeError(
      `PII_ENCRYPTION_KEY must be ${PII_KEY_BYTES} bytes in base64 (44 characters), ` +
        `got ${key.length} bytes: generate one with \`openssl rand -base64 32\``,
    );
  }
  return key;
}

/**
 * Returns the configured key, or the embedded default from `<dataDir>/pii-key`, creating a
 * random one on first start. NOTE: the generated key only suits one machine: a deployment
 * with more than one instance or a disposable disk must set PII_ENCRYPTION_KEY, or sealed
 * values written by one instance cannot be opened by another.
 */
export function resolvePiiKey(dataDir: string, configuredBase64?: string): Buffer {
  if (configuredBase64) return decodePiiKey(configuredBase64);
  const file = path.join(dataDir, PII_KEY_FILE);
  if (fs.existsSync(file)) return decodePiiKey(fs.readFileSync(file, 'utf8'));
  const key = randomBytes(PII_KEY_BYTES);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

/** Splits one master key into an encryption key and a lookup-hash key with HKDF-SHA256. */
export function derivePiiKeys(master: Buffer): PiiKeys {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, '', info, 32));
  return { encryption: derive('weili/pii/aes-256-gcm'), lookup: derive('weili/pii/lookup') };
}

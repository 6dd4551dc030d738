import type { AppConfig } from '../config';
import { lookupHash, openPii, sealPii, type LookupKind } from './pii-cipher';
import { derivePiiKeys, resolvePiiKey, type PiiKeys } from './pii-key';

/** A borrower's personal values in plain text; held in memory only, never stored. */
export interface UserPii {
  name: string;
  idNumber: string;
  phone: string;
  bankCard: string;
}

/** The same values as stored: each sealed with AES-256-GCM, see `sealPii`. */
export type SealedUserPii = Record<keyof UserPii, string>;

/** The stored form on a user document: sealed values plus lookup hashes for queries. */
export interface StoredUserPii {
  pii: SealedUserPii;
  idNumberHash: string;
  phoneHash: string;
  bankCardHash: string;
}

const FIELDS: (keyof UserPii)[] = ['name', 'idNumber', 'phone', 'bankCard'];
const keysByConfig = new Map<string, PiiKeys>();

/** Returns the PII keys for a configuration, resolving the embedded default key once. */
export function piiKeys(config: Pick<AppConfig, 'dataDir' | 'piiEncryptionKey'>): PiiKeys {
  const cacheKey = `${config.piiEncryptionKey ?? ''}|${config.dataDir}`;
  let keys = keysByConfig.get(cacheKey);
  if (!keys) {
    keys = derivePiiKeys(resolvePiiKey(config.dataDir, config.piiEncryptionKey));
    keysByConfig.set(cacheKey, keys);
  }
  return keys;
}

function fieldContext(openId: string, field: keyof UserPii): string {
  return `users/${openId}/${field}`;
}

/** Seals a borrower's values for the user document `openId` and computes the lookup hashes. */
export function sealUserPii(
  services: { config: AppConfig },
  openId: string,
  values: UserPii,
): StoredUserPii {
  const keys = piiKeys(services.config);
  const pii = {} as SealedUserPii;
  for (const field of FIELDS) {
    pii[field] = sealPii(keys.encryption, values[field], fieldContext(openId, field));
  }
  return {
    pii,
    idNumberHash: lookupHash(keys.lookup, 'idNumber', values.idNumber),
    phoneHash: lookupHash(keys.lookup, 'phone', values.phone),
    bankCardHash: lookupHash(keys.lookup, 'bankCard', values.bankCard),
  };
}

/**
 * Opens the personal values of a user document, or returns undefined when the user has
 * not passed identity verification yet. The one place that decrypts them: callers keep
 * the result in memory and mask it before showing or logging.
 */
export function readPii(
  services: { config: AppConfig },
  user: { _id: string; pii?: SealedUserPii } | null | undefined,
): UserPii | undefined {
  if (!user?.pii) return undefined;
  const keys = piiKeys(services.config);
  const values = {} as UserPii;
  for (const field of FIELDS) {
    values[field] = openPii(keys.encryption, user.pii[field], fieldContext(user._id, field));
  }
  return values;
}

/** Returns the lookup hash of a value, for document ids and queries by value. */
export function piiLookupHash(
  services: { config: AppConfig },
  kind: LookupKind,
  value: string,
): string {
  return lookupHash(piiKeys(services.config).lookup, kind, value);
}

import { createHash } from 'node:crypto';

/**
 * Returns the `cert_hash` of WeChat facial verification 2.0: SHA-256 (hex) of
 * `cert_type=<b64>&cert_name=<b64>&cert_no=<b64>`, each value base64 of its UTF-8 bytes.
 */
export function certHash(name: string, idNumber: string, certType = 'IDENTITY_CARD'): string {
  const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');
  const text = `cert_type=${b64(certType)}&cert_name=${b64(name)}&cert_no=${b64(idNumber)}`;
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

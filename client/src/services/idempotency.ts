/**
 * Makes an idempotency key (a version-4 UUID) for one draw or repayment. The page keeps the
 * key while the borrower retries the same confirmation, so the server sees one request.
 */
export function newIdempotencyKey(): string {
  const webCrypto = (globalThis as { crypto?: Crypto }).crypto;
  if (webCrypto && typeof webCrypto.randomUUID === 'function') {
    return webCrypto.randomUUID();
  }
  // Mini-program runtimes have no Web Crypto. The key only has to be unique per request,
  // not secret, so a timestamp mixed with Math.random is enough here.
  const bytes: number[] = [];
  let clock = Date.now();
  for (let i = 0; i < 16; i += 1) {
    bytes.push((Math.floor(Math.random() * 256) ^ clock) & 0xff);
    clock = Math.floor(clock / 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

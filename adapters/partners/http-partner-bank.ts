import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { PartnerBank, PartnerDecision, PartnerDecisionRequest } from '../ports/partner-bank';

/**
 * Production partner bank over HTTPS. Each request is signed so the bank can check it
 * came from the platform and was not replayed:
 *
 *   signature = hex(HMAC-SHA256(secret, METHOD \n PATH \n timestamp \n nonce \n hex(SHA-256(body))))
 *
 * sent as `X-Platform-Timestamp` (Unix seconds), `X-Platform-Nonce` (UUID) and
 * `X-Platform-Signature`. The bank responds with `{"outcome":"approved","reference":"..."}` or
 * `{"outcome":"declined","reason":"..."}`; anything else is treated as a decline.
 */
export interface HttpPartnerEndpoint {
  /** e.g. `https://colending.bank-a.example/v1/decisions`. */
  url: string;
  secret: string;
}

export interface SignedHeaders {
  'X-Platform-Timestamp': string;
  'X-Platform-Nonce': string;
  'X-Platform-Signature': string;
}

/** Computes the signature headers of a request body. */
export function signRequest(
  secret: string,
  method: string,
  path: string,
  body: string,
  timestampSeconds: number,
  nonce: string,
): SignedHeaders {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  const payload = [method.toUpperCase(), path, String(timestampSeconds), nonce, bodyHash].join('\n');
  return {
    'X-Platform-Timestamp': String(timestampSeconds),
    'X-Platform-Nonce': nonce,
    'X-Platform-Signature': createHmac('sha256', secret).update(payload).digest('hex'),
  };
}

export class HttpPartnerBank implements PartnerBank {
  constructor(
    private readonly endpoints: Record<string, HttpPartnerEndpoint>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async decide(request: PartnerDecisionRequest, deadlineMs: number): Promise<PartnerDecision> {
    const endpoint = this.endpoints[request.partnerId];
    if (!endpoint) throw new Error(`no endpoint configured for partner ${request.partnerId}`);
    const url = new URL(endpoint.url);
    const body = JSON.stringify(request);
    const headers = signRequest(endpoint.secret, 'POST', url.pathname, body, Math.floor(this.now().getTime() / 1000), randomUUID());
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(deadlineMs),
    });
    if (!response.ok) return { outcome: 'declined', reason: `partner answered HTTP ${response.status}` };
    let answer: Partial<PartnerDecision> & { reference?: unknown; reason?: unknown };
    try {
      answer = (await response.json()) as typeof answer;
    } catch (error) {
      // A body cut off by the deadline is a time-out; anything else unreadable is a decline.
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw error;
      return { outcome: 'declined', reason: 'partner answered with a body that is not JSON' };
    }
    if (answer.outcome === 'approved' && typeof answer.reference === 'string') {
      return { outcome: 'approved', reference: answer.reference };
    }
    return { outcome: 'declined', reason: typeof answer.reason === 'string' ? answer.reason : 'unreadable answer' };
  }
}

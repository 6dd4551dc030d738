import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpPartnerBank, signRequest } from '../../adapters/partners/http-partner-bank';
import type { PartnerDecisionRequest } from '../../adapters/ports/partner-bank';

const SECRET = 'test-secret-of-bank-a-0123456789abcdef';
let server: http.Server;
let url: string;
let received: { headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  // A partner bank on loopback that checks the signature before it decides.
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      const expected = signRequest(
        SECRET,
        'POST',
        new URL(request.url ?? '/', 'http://localhost').pathname,
        body,
        Number(request.headers['x-platform-timestamp']),
        String(request.headers['x-platform-nonce']),
      );
      if (request.headers['x-platform-signature'] !== expected['X-Platform-Signature']) {
        response.writeHead(401).end();
        return;
      }
      const decision = JSON.parse(body) as PartnerDecisionRequest;
      const answer =
        decision.displayScore >= 60
          ? { outcome: 'approved', reference: `A-${decision.drawId}` }
          : { outcome: 'declined', reason: 'score below 60' };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/decisions`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const request = (displayScore: number): PartnerDecisionRequest => ({
  partnerId: 'bank_a',
  drawId: 'dr_http_1',
  principalFen: 100_000,
  partnerShareFen: 70_000,
  termMonths: 5,
  dailyRatePpm: 400,
  displayScore,
  lineFen: 1_000_000,
});

describe('HttpPartnerBank', () => {
  it('signs requests the bank accepts', async () => {
    received = [];
    const bank = new HttpPartnerBank({ bank_a: { url, secret: SECRET } });
    await expect(bank.decide(request(70), 2_000)).resolves.toEqual({ outcome: 'approved', reference: 'A-dr_http_1' });
    expect(received[0].headers['x-platform-nonce']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads a decline', async () => {
    const bank = new HttpPartnerBank({ bank_a: { url, secret: SECRET } });
    await expect(bank.decide(request(50), 2_000)).resolves.toEqual({ outcome: 'declined', reason: 'score below 60' });
  });

  it('treats a rejected signature as a decline', async () => {
    const bank = new HttpPartnerBank({ bank_a: { url, secret: 'another-secret-that-the-bank-does-not-know' } });
    const decision = await bank.decide(request(70), 2_000);
    expect(decision.outcome).toBe('declined');
  });

  it('signs method, path, time, nonce and body', () => {
    const headers = signRequest('k', 'post', '/v1/decisions', '{}', 1_700_000_000, 'n-1');
    // The method is upper-cased before signing, and any change to the body changes the signature.
    expect(headers['X-Platform-Signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(signRequest('k', 'POST', '/v1/decisions', '{}', 1_700_000_000, 'n-1')).toEqual(headers);
    expect(signRequest('k', 'POST', '/v1/decisions', '{"a":1}', 1_700_000_000, 'n-1')['X-Platform-Signature']).not.toBe(
      headers['X-Platform-Signature'],
    );
  });
});

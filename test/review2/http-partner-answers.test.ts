import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpPartnerBank } from '../../adapters/partners/http-partner-bank';
import type { PartnerDecisionRequest } from '../../adapters/ports/partner-bank';

const REQUEST: PartnerDecisionRequest = {
  partnerId: 'bank_a',
  drawId: 'dr_http',
  principalFen: 100_000,
  partnerShareFen: 70_000,
  termMonths: 5,
  dailyRatePpm: 500,
  displayScore: 80,
  lineFen: 1_000_000,
};

let server: http.Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** Starts a partner endpoint on loopback that handles each request with `handler`. */
async function partnerAt(handler: http.RequestListener): Promise<HttpPartnerBank> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new HttpPartnerBank({ bank_a: { url: `http://127.0.0.1:${port}/v1/decisions`, secret: 'test-secret' } });
}

describe('HttpPartnerBank answers', () => {
  it('reads a non-JSON 200 answer as a decline', async () => {
    const bank = await partnerAt((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>maintenance</html>');
    });
    const decision = await bank.decide(REQUEST, 1_500).catch((error: Error) => `threw: ${error.message}`);
    expect(decision).toMatchObject({ outcome: 'declined' });
  });

  it('gives up on a stalled body by the deadline', async () => {
    const bank = await partnerAt((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"outcome":');
    });
    const started = Date.now();
    await expect(bank.decide(REQUEST, 500)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

import { describe, expect, it } from 'vitest';
import type { DrawView } from '../../core/api';
import type { FunctionResult } from '../../core/api';
import { parsePartners, SANDBOX_PARTNERS, type PartnerConfig } from '../../services/colending/partners';
import { acceptedDrawRequest, onboard } from '../support/harness';
import {
  coLendable,
  drawFor,
  nextKey,
  ScriptedPartnerBank,
  storedDraw,
  type ApprovedPerson,
  colendingSuite,
  OPEN_POLICY,
} from './colending-support';

const suite = colendingSuite();

const OPEN_PARTNERS: PartnerConfig[] = SANDBOX_PARTNERS.map((partner) => ({ ...partner, eligibility: OPEN_POLICY }));

function largeLine(): ApprovedPerson {
  const found = suite.people().find(({ person, lineFen }) => !person.bankCard.startsWith('6217') && lineFen >= 3_000_000);
  if (!found) throw new Error('no approved person with a line of 30,000 CNY');
  return found;
}

describe('fallback order', () => {
  it('asks bank B after bank A declines', async () => {
    const bank = new ScriptedPartnerBank({ bank_a: 'decline', bank_b: 'approve' });
    const h = await suite.open({ partnerBank: bank });
    const [{ person }] = coLendable(suite.people(), 1, 4);
    await onboard(h, 'fb_decline', person);
    const view = await drawFor(h, 'fb_decline', 100_000);
    const draw = await storedDraw(h, view.drawId);
    expect(bank.asked).toEqual(['bank_a', 'bank_b']);
    expect(draw.funding).toEqual([
      { funder: 'platform', principalFen: 50_000 },
      { funder: 'bank_b', principalFen: 50_000 },
    ]);
    expect(draw.partnerTrail).toEqual([
      { partnerId: 'bank_a', outcome: 'declined' },
      { partnerId: 'bank_b', outcome: 'approved' },
    ]);
  });

  it('falls back when a partner never responds', async () => {
    const bank = new ScriptedPartnerBank({ bank_a: 'silent', bank_b: 'approve' });
    const h = await suite.open({ partnerBank: bank });
    const [{ person }] = coLendable(suite.people(), 1, 5);
    await onboard(h, 'fb_silent', person);
    const request = await acceptedDrawRequest(h, 'fb_silent', { amountFen: 100_000, termMonths: 5, idempotencyKey: nextKey() });
    const started = Date.now();
    const call = h.call<DrawView>('draw', 'fb_silent', request);
    const timedOut = new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 8_000));
    const outcome = await Promise.race([call, timedOut]);
    console.log(`draw with a silent partner: ${outcome === 'still waiting' ? 'no answer after 8 s' : `${Date.now() - started} ms`}`);
    // The platform waits 1.5 s for a partner decision, then moves on to the next partner.
    expect(outcome).not.toBe('still waiting');
    const result = outcome as FunctionResult<DrawView>;
    expect(result.ok).toBe(true);
  });
});

describe('rotation', () => {
  it('alternates partners over 40 draws', async () => {
    const bank = new ScriptedPartnerBank({});
    const h = await suite.open({ partners: OPEN_PARTNERS, partnerBank: bank });
    await onboard(h, 'rot_many', largeLine().person);
    const takers: string[] = [];
    for (let index = 0; index < 40; index++) {
      const view = await drawFor(h, 'rot_many', 50_000);
      takers.push((await storedDraw(h, view.drawId)).funding[1]?.funder ?? 'platform');
    }
    expect(takers.filter((taker) => taker === 'bank_a').length).toBe(20);
    expect(takers.filter((taker) => taker === 'bank_b').length).toBe(20);
    takers.forEach((taker, index) => expect(taker).toBe(index % 2 === 0 ? 'bank_a' : 'bank_b'));
  });

  it('rotates by request, a cancelled draw included', async () => {
    // Each draw request takes the next rotation ticket before partners are asked, which
    // keeps concurrent requests fair; a request whose payout later fails keeps its turn.
    const h = await suite.open({ partners: OPEN_PARTNERS, partnerBank: new ScriptedPartnerBank({}) });
    const closedCard = suite.people().find(({ person }) => person.bankCard === '6217000000000022');
    if (!closedCard) throw new Error('no approved person with the closed-account test card');
    await onboard(h, 'rot_cancel', closedCard.person);
    await onboard(h, 'rot_next', largeLine().person);
    const cancelled = await drawFor(h, 'rot_cancel', 100_000);
    expect(cancelled.status).toBe('cancelled');
    expect((await storedDraw(h, cancelled.drawId)).funding[1]?.funder).toBe('bank_a');
    const next = await drawFor(h, 'rot_next', 100_000);
    expect((await storedDraw(h, next.drawId)).funding[1]?.funder).toBe('bank_b');
  });
});

describe('partner configuration', () => {
  it('rejects a partner id that names the platform', () => {
    const partner = { ...SANDBOX_PARTNERS[0], id: 'platform' };
    expect(() => parsePartners(JSON.stringify([partner]))).toThrow();
  });
});

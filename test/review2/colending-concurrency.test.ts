import { describe, expect, it } from 'vitest';
import type { DrawView } from '../../core/api';
import type { FunctionResult } from '../../core/api';
import { SANDBOX_PARTNERS, type PartnerConfig } from '../../services/colending/partners';
import { acceptedDrawRequest, onboard, type Harness } from '../support/harness';
import {
  balanceFen,
  exposureFen,
  nextKey,
  storedDraw,
  type ApprovedPerson,
  colendingSuite,
  OPEN_POLICY,
} from './colending-support';

const suite = colendingSuite();


/** Bank A runs out of facility after 10 draws of 500 CNY, and bank B reaches its cap after 10. */
const TIGHT_PARTNERS: PartnerConfig[] = [
  { ...SANDBOX_PARTNERS[0], facilityLimitFen: 350_000, concentrationCapFen: 10_000_000, eligibility: OPEN_POLICY },
  { ...SANDBOX_PARTNERS[1], facilityLimitFen: 10_000_000, concentrationCapFen: 250_000, eligibility: OPEN_POLICY },
];

/** Borrowers with good cards and a line of at least 30,000 CNY. */
function largeLines(count: number): ApprovedPerson[] {
  return suite.people().filter(({ person, lineFen }) => !person.bankCard.startsWith('6217') && lineFen >= 3_000_000).slice(0, count);
}

async function concurrentDraws(h: Harness, openIds: string[], perUser: number, amountFen: number) {
  // Quote first, one borrower at a time, so only the draws themselves race.
  const requests: { openId: string; request: Awaited<ReturnType<typeof acceptedDrawRequest>> }[] = [];
  for (let round = 0; round < perUser; round++) {
    for (const openId of openIds) {
      requests.push({ openId, request: await acceptedDrawRequest(h, openId, { amountFen, termMonths: 5, idempotencyKey: nextKey() }) });
    }
  }
  const calls: Promise<FunctionResult<DrawView>>[] = requests.map(({ openId, request }) => h.call<DrawView>('draw', openId, request));
  return Promise.all(calls);
}

describe('partner limits under 50 concurrent draws', () => {
  it('funds every draw without passing a facility or cap', async () => {
    const h = await suite.open({ partners: TIGHT_PARTNERS });
    const borrowers = largeLines(5);
    const openIds = borrowers.map((_, index) => `busy_${index}`);
    for (const [index, { person }] of borrowers.entries()) await onboard(h, openIds[index], person);

    const started = Date.now();
    const results = await concurrentDraws(h, openIds, 10, 50_000);
    const elapsedMs = Date.now() - started;
    const failures = results.flatMap((result) => (result.ok ? [] : [`${result.error.code}: ${result.error.message}`]));
    console.log(`50 concurrent draws took ${elapsedMs} ms`);
    expect(failures).toEqual([]);

    const byFunder = new Map<string, number>();
    for (const result of results) {
      if (!result.ok) continue;
      const draw = await storedDraw(h, result.data.drawId);
      const partner = draw.funding[1]?.funder ?? 'platform only';
      byFunder.set(partner, (byFunder.get(partner) ?? 0) + 1);
    }
    console.log('draws per funder', Object.fromEntries(byFunder));
    expect(byFunder.get('bank_a')).toBe(10);
    expect(byFunder.get('bank_b')).toBe(10);

    expect(await balanceFen(h, 'partner_funds:bank_a')).toBe(0);
    expect(await balanceFen(h, 'partner_principal_receivable:bank_a')).toBe(350_000);
    expect(await balanceFen(h, 'partner_principal_receivable:bank_b')).toBe(250_000);
    expect(await exposureFen(h, 'bank_a')).toBe(350_000);
    expect(await exposureFen(h, 'bank_b')).toBe(250_000);
  });

  it('spreads concurrent draws over both partners', async () => {
    const h = await suite.open();
    const borrowers = largeLines(4).filter(({ lineFen }) => lineFen <= SANDBOX_PARTNERS[1].eligibility.maxLineFen);
    const openIds = borrowers.map((_, index) => `spread_${index}`);
    for (const [index, { person }] of borrowers.entries()) await onboard(h, openIds[index], person);
    const results = await concurrentDraws(h, openIds, 5, 50_000);
    expect(results.filter((result) => !result.ok).length).toBe(0);
    const counts = { bank_a: 0, bank_b: 0 } as Record<string, number>;
    for (const result of results) {
      if (!result.ok) continue;
      const draw = await storedDraw(h, result.data.drawId);
      const partner = draw.funding[1]?.funder;
      if (partner) counts[partner] += 1;
    }
    console.log('concurrent rotation', counts, 'of', results.length);
    // Alternating partners gives each half the draws, so a quarter leaves room for slack.
    expect(Math.min(counts.bank_a, counts.bank_b)).toBeGreaterThanOrEqual(Math.floor(results.length / 4));
  });
});

import type { StoredDocument } from '../../adapters/storage/port';
import { splitPrincipal } from '../../core/colending';
import type { Services } from '../container';
import { ACCOUNTS, type AccountDocument } from '../ledger';
import { PARTNER_EXPOSURE, type ExposureDocument } from './exposure';
import type { PartnerConfig } from './partners';

export const COLENDING_ROTATION = 'colending_rotation';
const ROTATION_ID = 'partners';

/** How long the platform waits for a partner's decision before trying the next. */
export const PARTNER_DEADLINE_MS = 1_500;

export interface FundingPlan {
  funding: { funder: string; principalFen: number }[];
  partner?: PartnerConfig;
  /** Partners asked and their decisions, for the draw's record. */
  trail: { partnerId: string; outcome: string }[];
}

export interface DrawForFunding {
  drawId: string;
  principalFen: number;
  termMonths: number;
  dailyRatePpm: number;
  displayScore: number;
  lineFen: number;
}

interface RotationDocument extends StoredDocument {
  next: number;
}

async function balanceOf(services: Services, account: string): Promise<number> {
  const document = await services.store.get<AccountDocument>(ACCOUNTS, account);
  return document ? document.debitFen - document.creditFen : 0;
}

/**
 * Takes the next rotation ticket in its own transaction, so concurrent draws start their
 * partner lists at different partners instead of all reading the same position.
 */
async function takeRotationTicket(services: Services): Promise<number> {
  return services.store.runTransaction(async (tx) => {
    const rotation = await tx.get<RotationDocument>(COLENDING_ROTATION, ROTATION_ID);
    const ticket = rotation?.next ?? 0;
    await tx.set(COLENDING_ROTATION, { _id: ROTATION_ID, next: ticket + 1 });
    return ticket;
  });
}

/** Rejects after `ms` milliseconds, so a partner that never responds cannot hold a draw. */
function deadline(ms: number, partnerId: string): Promise<never> {
  return new Promise((_resolve, reject) => {
    setTimeout(() => reject(new Error(`partner ${partnerId} did not respond within ${ms} ms`)), ms).unref();
  });
}

/**
 * Partners whose published policy admits the draw and who have the facility and the room
 * under their concentration cap for their share, in fair rotation order: the list starts
 * at the next rotation ticket, one ticket per draw request.
 */
export async function partnerCandidates(services: Services, draw: DrawForFunding): Promise<PartnerConfig[]> {
  const eligible: PartnerConfig[] = [];
  for (const partner of services.partners) {
    const [, shareFen] = splitPrincipal(draw.principalFen, partner.maxSharePpm);
    if (shareFen === 0) continue;
    if (draw.displayScore < partner.eligibility.minDisplayScore) continue;
    if (draw.lineFen > partner.eligibility.maxLineFen) continue;
    if ((await balanceOf(services, `partner_funds:${partner.id}`)) < shareFen) continue;
    const exposure = await services.store.get<ExposureDocument>(PARTNER_EXPOSURE, partner.id);
    if ((exposure?.outstandingFen ?? 0) + shareFen > partner.concentrationCapFen) continue;
    eligible.push(partner);
  }
  const start = eligible.length > 0 ? (await takeRotationTicket(services)) % services.partners.length : 0;
  const order = (partner: PartnerConfig) => {
    const index = services.partners.indexOf(partner);
    return (index - start + services.partners.length) % services.partners.length;
  };
  return eligible.sort((a, b) => order(a) - order(b));
}

/**
 * Yields funding plans in order of preference: each candidate partner that approves the
 * draw (asked one at a time, only when the previous plan could not be used), then the
 * platform-only plan. A decline or a time-out moves on to the next partner.
 */
export async function* fundingPlans(services: Services, draw: DrawForFunding): AsyncGenerator<FundingPlan> {
  const trail: FundingPlan['trail'] = [];
  for (const partner of await partnerCandidates(services, draw)) {
    const [platformFen, partnerFen] = splitPrincipal(draw.principalFen, partner.maxSharePpm);
    try {
      const decision = await Promise.race([
        services.partnerBank.decide(
        {
          partnerId: partner.id,
          drawId: draw.drawId,
          principalFen: draw.principalFen,
          partnerShareFen: partnerFen,
          termMonths: draw.termMonths,
          dailyRatePpm: draw.dailyRatePpm,
          displayScore: draw.displayScore,
          lineFen: draw.lineFen,
        },
        PARTNER_DEADLINE_MS,
        ),
        deadline(PARTNER_DEADLINE_MS, partner.id),
      ]);
      trail.push({ partnerId: partner.id, outcome: decision.outcome });
      if (decision.outcome === 'approved') {
        yield {
          funding: [
            { funder: 'platform', principalFen: platformFen },
            { funder: partner.id, principalFen: partnerFen },
          ],
          partner,
          trail: [...trail],
        };
      }
    } catch (error) {
      trail.push({ partnerId: partner.id, outcome: 'timeout' });
      services.logger.warn({ partnerId: partner.id, drawId: draw.drawId, err: error }, 'partner decision timed out');
    }
  }
  yield { funding: [{ funder: 'platform', principalFen: draw.principalFen }], trail: [...trail] };
}


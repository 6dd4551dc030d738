import { businessDate } from '../../core/dates';
import { JOURNALS, postJournal } from '../ledger';
import type { Services } from '../container';

const INITIAL_FUNDING_JOURNAL = 'funding:initial';

/**
 * Puts the platform's own lending funds and each partner's facility into their ledger
 * accounts, once each. Draws take from these accounts, and the ledger never lets a funds
 * account go below zero, which is what stops over-lending.
 */
export async function ensurePoolFunded(services: Services): Promise<void> {
  const today = businessDate(services.clock.now());
  const fundings = [
    { journalId: INITIAL_FUNDING_JOURNAL, amountFen: services.config.poolFundsFen, debit: 'platform_funds', credit: 'funding_equity' },
    ...services.partners.map((partner) => ({
      journalId: `funding:partner:${partner.id}`,
      amountFen: partner.facilityLimitFen,
      debit: `partner_funds:${partner.id}`,
      credit: `partner_funding:${partner.id}`,
    })),
  ];
  for (const funding of fundings) {
    if (funding.amountFen <= 0) continue;
    await services.store.runTransaction(async (tx) => {
      if (await tx.get(JOURNALS, funding.journalId)) return;
      await postJournal(tx, {
        journalId: funding.journalId,
        requestId: 'startup',
        kind: 'funding',
        businessDate: today,
        entries: [
          { account: funding.debit, debitFen: funding.amountFen },
          { account: funding.credit, creditFen: funding.amountFen },
        ],
      });
    });
  }
}

import { businessDate } from '../../core/dates';
import { JOURNALS, postJournal } from '../ledger';
import type { Services } from '../container';

const INITIAL_FUNDING_JOURNAL = 'funding:initial';

/**
 * Puts the platform's own lending funds into the pool on the first start only. Draws take
 * from `platform_funds`, and the ledger never lets that account go below zero, which is
 * what stops over-lending.
 */
export async function ensurePoolFunded(services: Services): Promise<void> {
  const amountFen = services.config.poolFundsFen;
  if (amountFen <= 0) return;
  await services.store.runTransaction(async (tx) => {
    if (await tx.get(JOURNALS, INITIAL_FUNDING_JOURNAL)) return;
    await postJournal(tx, {
      journalId: INITIAL_FUNDING_JOURNAL,
      requestId: 'startup',
      kind: 'funding',
      businessDate: businessDate(services.clock.now()),
      entries: [
        { account: 'platform_funds', debitFen: amountFen },
        { account: 'funding_equity', creditFen: amountFen },
      ],
    });
  });
}

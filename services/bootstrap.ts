import type { Services } from './container';
import { DRAWS, REPAYMENTS } from './loans/draw-document';
import { ensurePoolFunded } from './loans/funding';
import { JOURNALS } from './ledger';

/** Declares the indexes the queries use and funds the lending pool on first start. */
export async function prepareServices(services: Services): Promise<void> {
  await services.store.ensureIndex(DRAWS, 'openId');
  await services.store.ensureIndex(DRAWS, 'status');
  await services.store.ensureIndex(DRAWS, 'nextEventDate');
  await services.store.ensureIndex(DRAWS, 'createdAt');
  await services.store.ensureIndex(REPAYMENTS, 'status');
  await services.store.ensureIndex(JOURNALS, 'businessDate');
  await ensurePoolFunded(services);
}

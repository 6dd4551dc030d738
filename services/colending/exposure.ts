import type { StoredDocument, Transaction } from '../../adapters/storage/port';
import { LoanError } from '../../core/errors';
import { PLATFORM } from '../accrual/accrual-state';

export const PARTNER_EXPOSURE = 'partner_exposure';

/** Principal a partner has out in draws being disbursed or not yet repaid, in fen. */
export interface ExposureDocument extends StoredDocument {
  outstandingFen: number;
}

/** Adds a draw's partner share to the partner's exposure, refusing past the cap. */
export async function reserveExposure(tx: Transaction, partnerId: string, amountFen: number, capFen: number): Promise<void> {
  const current = await tx.get<ExposureDocument>(PARTNER_EXPOSURE, partnerId);
  const outstandingFen = (current?.outstandingFen ?? 0) + amountFen;
  if (outstandingFen > capFen) {
    throw new LoanError('FUNDS_UNAVAILABLE', `partner ${partnerId} would exceed its concentration cap`, undefined, {
      account: `partner_exposure:${partnerId}`,
      capFen,
    });
  }
  if (current) await tx.update(PARTNER_EXPOSURE, partnerId, { outstandingFen: { $inc: amountFen } });
  else await tx.create(PARTNER_EXPOSURE, { _id: partnerId, outstandingFen });
}

/** Takes repaid or cancelled partner principal off the partners' exposure. */
export async function releaseExposure(tx: Transaction, funding: { funder: string; principalFen: number }[]): Promise<void> {
  for (const { funder, principalFen } of funding) {
    if (funder === PLATFORM || principalFen === 0) continue;
    await tx.update(PARTNER_EXPOSURE, funder, { outstandingFen: { $inc: -principalFen } });
  }
}

import type { StoredDocument } from '../../adapters/storage/port';
import type { AccountStage, ConsentKind, ReasonCode } from '../../core/api';
import type { SealedUserPii } from '../privacy/user-pii';

export const USERS = 'users';
/** One document per verified ID number (keyed by a keyed hash), so an ID binds one account. */
export const IDENTITY_CLAIMS = 'identity_claims';

export interface CreditDecisionRecord {
  decisionId: string;
  decision: 'approved' | 'declined';
  displayScore: number;
  probabilityOfDefault: number;
  lineFen: number;
  dailyRatePpm: number;
  band: string;
  reasons: ReasonCode[];
  modelVersion: string;
  decidedAt: string;
}

/**
 * A borrower, keyed by OPENID. Personal fields appear only once identity is verified, and
 * only sealed: read them through `readPii` in `services/privacy/user-pii.ts`.
 */
export interface UserDocument extends StoredDocument {
  appId: string;
  stage: AccountStage;
  createdAt: string;
  /** Name, ID, phone and card numbers, each AES-256-GCM sealed. */
  pii?: SealedUserPii;
  /** HMAC lookup hashes, for finding a user by a value without decrypting every record. */
  idNumberHash?: string;
  phoneHash?: string;
  bankCardHash?: string;
  consents: { kind: ConsentKind; version: string; acceptedAt: string }[];
  /** Face attempts on `faceAttemptDate` (business date). */
  faceAttemptDate?: string;
  faceAttempts: number;
  credit?: CreditDecisionRecord;
  /** Principal of draws being disbursed or not yet repaid, in fen. */
  usedFen: number;
  /** Day of month of every installment, fixed by the first draw. */
  repaymentDay?: number;
  /**
   * Draws being paid out on a `repaymentDay` that no paid-out draw has used yet. The day is
   * provisional while this list exists: the first payout makes it final (the list goes), and
   * when the last of them fails the day is released for the next draw to fix again.
   */
  repaymentDayPendingDrawIds?: string[];
}

/** Returns a fresh user document for a first visit. */
export function newUser(openId: string, appId: string, now: Date): UserDocument {
  return {
    _id: openId,
    appId,
    stage: 'new',
    createdAt: now.toISOString(),
    consents: [],
    faceAttempts: 0,
    usedFen: 0,
  };
}

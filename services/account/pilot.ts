import { createHash } from 'node:crypto';
import type { StoredDocument, Store } from '../../adapters/storage/port';
import { LoanError } from '../../core/errors';

export const INVITATIONS = 'invitations';

export interface InvitationDocument extends StoredDocument {
  cohort: string;
  invitedAt: string;
  revokedAt?: string;
}

/**
 * Returns the user's stable rollout bucket 0–99: the first four bytes of SHA-256 of the
 * OPENID, modulo 100. A user admitted at 10% stays admitted at every higher percentage.
 */
export function rolloutBucket(openId: string): number {
  return createHash('sha256').update(openId).digest().readUInt32BE(0) % 100;
}

/** Whether the pilot admits the user: an invitation not revoked, or the rollout bucket. */
export async function isInvited(store: Store, openId: string, rolloutPercent: number): Promise<boolean> {
  const invitation = await store.get<InvitationDocument>(INVITATIONS, openId);
  if (invitation && !invitation.revokedAt) return true;
  if (invitation?.revokedAt) return false;
  return rolloutBucket(openId) < rolloutPercent;
}

/** Throws NOT_INVITED unless the pilot admits the user. */
export async function assertInvited(store: Store, openId: string, rolloutPercent: number): Promise<void> {
  if (!(await isInvited(store, openId, rolloutPercent))) {
    throw new LoanError(
      'NOT_INVITED',
      '借款服务目前仅对受邀用户开放，您的账户暂未获得邀请。',
    );
  }
}

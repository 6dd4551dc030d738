import { randomBytes, randomInt } from 'node:crypto';
import type { StoredDocument } from '../../adapters/storage/port';
import type { FaceChallenge, LivenessAction } from '../../core/api';
import { LIVENESS_ACTIONS, LIVENESS_RULES } from '../../adapters/face/liveness-rules';
import { LoanError } from '../../core/errors';
import type { Caller } from '../platform/caller';
import type { Services } from '../container';
import { requireUser } from '../account/account-status';
import { assertFaceAttemptLeft } from './face-attempts';

export const FACE_CHALLENGES = 'face_challenges';
/** How long a challenge nonce is accepted after it is issued. */
export const CHALLENGE_TTL_SECONDS = 120;

/** An issued challenge, keyed by its nonce. It is marked used, never deleted, so replays show. */
export interface FaceChallengeDocument extends StoredDocument {
  openId: string;
  actions: LivenessAction[];
  issuedAt: string;
  expiresAt: string;
  usedAt?: string;
}

/** Picks 2 or 3 different actions in random order with a CSPRNG. */
export function pickActions(random: (maxExclusive: number) => number = randomInt): LivenessAction[] {
  const pool = [...LIVENESS_ACTIONS];
  const count = 2 + random(2);
  const actions: LivenessAction[] = [];
  while (actions.length < count) actions.push(pool.splice(random(pool.length), 1)[0]);
  return actions;
}

/**
 * Issues a liveness challenge: a random sequence of 2 or 3 actions and a single-use nonce
 * valid for 120 s. Refused when no face attempt is left today. `actions` fixes the
 * sequence; only tests pass it.
 */
export async function issueChallenge(
  services: Services,
  caller: Caller,
  actions: LivenessAction[] = pickActions(),
): Promise<FaceChallenge> {
  const user = await requireUser(services, caller);
  if (user.stage !== 'identity_verified') {
    throw new LoanError('PRECONDITION_FAILED', '人脸核验已完成，无需再次核验。');
  }
  const attemptsLeftToday = assertFaceAttemptLeft(services, user);
  const now = services.clock.now();
  const nonce = randomBytes(18).toString('base64url');
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_SECONDS * 1000).toISOString();
  await services.store.create(FACE_CHALLENGES, {
    _id: nonce,
    openId: caller.openId,
    actions,
    issuedAt: now.toISOString(),
    expiresAt,
  } satisfies FaceChallengeDocument);
  return {
    nonce,
    actions,
    expiresAt,
    expiresInSeconds: CHALLENGE_TTL_SECONDS,
    minFrames: Math.max(LIVENESS_RULES.minFrames, actions.length + 1),
    maxFrames: LIVENESS_RULES.maxFrames,
    attemptsLeftToday,
  };
}

export type ChallengeUse =
  | { ok: true; actions: LivenessAction[] }
  | { ok: false; reason: 'challenge_not_found' | 'challenge_expired' | 'challenge_used' };

/**
 * Marks a nonce used, in one transaction, so two requests racing with one nonce cannot both
 * pass. A nonce issued to another user reads as not found.
 */
export async function useChallenge(services: Services, openId: string, nonce: string): Promise<ChallengeUse> {
  const now = services.clock.now();
  return services.store.runTransaction(async (tx): Promise<ChallengeUse> => {
    const challenge = await tx.get<FaceChallengeDocument>(FACE_CHALLENGES, nonce);
    if (!challenge || challenge.openId !== openId) return { ok: false, reason: 'challenge_not_found' };
    if (challenge.usedAt) return { ok: false, reason: 'challenge_used' };
    await tx.update(FACE_CHALLENGES, nonce, { usedAt: now.toISOString() });
    if (Date.parse(challenge.expiresAt) <= now.getTime()) return { ok: false, reason: 'challenge_expired' };
    return { ok: true, actions: challenge.actions };
  });
}

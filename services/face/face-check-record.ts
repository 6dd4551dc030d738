import { randomUUID } from 'node:crypto';
import type { StoredDocument } from '../../adapters/storage/port';
import type { FrameMeasurement, LivenessAction } from '../../adapters/ports/face';
import type { Services } from '../container';
import { USERS } from '../account/user-document';

export const FACE_CHECKS = 'face_checks';

/**
 * What is kept of a face check: the decision, distances, liveness measurements and model
 * version. Images are never part of it.
 */
export interface FaceCheck {
  openId: string;
  method: 'liveness' | 'selfie';
  outcome: string;
  distance: number | null;
  threshold: number | null;
  modelVersion: string;
  liveness?: {
    actions: LivenessAction[];
    frames: FrameMeasurement[];
    frameIndex?: number;
    failedAction?: LivenessAction;
  };
}

export type FaceCheckDocument = StoredDocument & FaceCheck & { checkedAt: string };

/** Stores the record and, for a match, moves the user to `face_verified` in one transaction. */
export async function recordFaceCheck(
  services: Services,
  check: FaceCheck,
): Promise<string> {
  const checkId = `face_${randomUUID()}`;
  await services.store.runTransaction(async (tx) => {
    await tx.create(FACE_CHECKS, {
      _id: checkId,
      ...check,
      checkedAt: services.clock.now().toISOString(),
    } satisfies FaceCheckDocument);
    if (check.outcome === 'match') await tx.update(USERS, check.openId, { stage: 'face_verified' });
  });
  services.logger.info({ openId: check.openId, outcome: check.outcome, checkId, method: check.method }, 'face check finished');
  return checkId;
}

/** Overwrites image bytes once the decision is made, so no copy outlives the request. */
export function wipeImages(images: Uint8Array[]): void {
  for (const image of images) image.fill(0);
}

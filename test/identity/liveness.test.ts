import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaceChallenge, FaceVerifyResult, LivenessAction } from '../../core/api';
import { issueChallenge, CHALLENGE_TTL_SECONDS, FACE_CHALLENGES } from '../../services/face/face-challenge';
import { FACE_CHECKS } from '../../services/face/face-check-record';
import { blankImage, sideBySide } from '../adapters/face-images';
import { createHarness, openAccount, personWithPhoto, type Harness } from '../support/harness';
import { framesOf } from './liveness-frames';

type Frames = Awaited<ReturnType<typeof framesOf>>;
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

let harness: Harness;
let paul2: Frames;
let chris: Frames;
let nextPerson = 0;

/** Opens an account for a fresh registry person whose photo on file is Paul.jpeg. */
async function paulAccount(openId: string): Promise<void> {
  await openAccount(harness, openId, personWithPhoto('Paul.jpeg', nextPerson++));
}

async function challenge(openId: string, actions: LivenessAction[]): Promise<FaceChallenge> {
  return issueChallenge(harness.services, { openId, appId: 'wx_test', source: 'wx_client' }, actions);
}

async function verify(openId: string, nonce: string, frames: { action?: LivenessAction; image: Uint8Array }[]) {
  const event = {
    action: 'verify',
    nonce,
    frames: frames.map((frame) => ({ action: frame.action, imageBase64: base64(frame.image) })),
  };
  return harness.ok<FaceVerifyResult>('faceVerify', openId, event);
}

beforeAll(async () => {
  harness = await createHarness();
  paul2 = await framesOf('Paul2.jpeg');
  chris = await framesOf('Chris.jpeg');
});

afterAll(async () => {
  await harness.close();
});

describe('liveness challenge', () => {
  it('issues 2 or 3 distinct actions with a nonce', async () => {
    await paulAccount('live_issue');
    const issued = await harness.ok<FaceChallenge>('faceVerify', 'live_issue', { action: 'challenge' });
    expect(issued.actions.length).toBeGreaterThanOrEqual(2);
    expect(issued.actions.length).toBeLessThanOrEqual(3);
    expect(new Set(issued.actions).size).toBe(issued.actions.length);
    expect(issued.nonce.length).toBeGreaterThanOrEqual(20);
    expect(issued.expiresInSeconds).toBe(CHALLENGE_TTL_SECONDS);
  });

  it('passes the same person turning left and right', async () => {
    await paulAccount('live_same');
    const { nonce } = await challenge('live_same', ['turn_left', 'turn_right']);
    const result = await verify('live_same', nonce, [
      { image: paul2.neutral },
      { action: 'turn_left', image: paul2.turnLeft },
      { action: 'turn_right', image: paul2.turnRight },
    ]);
    expect(result.passed).toBe(true);
    expect(result.stage).toBe('face_verified');
    expect(result.distance).toBeLessThanOrEqual(result.threshold!);
  });

  it('stores measurements but no image', async () => {
    const page = await harness.services.store.page(FACE_CHECKS, { where: { openId: 'live_same' }, limit: 10 });
    const check = page.documents[0];
    expect(check.outcome).toBe('match');
    expect(check.modelVersion).toMatch(/^face-api-/);
    const text = JSON.stringify(check);
    expect(text).not.toContain(base64(paul2.neutral).slice(0, 200));
    expect(text.length).toBeLessThan(4000);
  });

  it('rejects a different person', async () => {
    await paulAccount('live_other');
    const { nonce } = await challenge('live_other', ['turn_left', 'turn_right']);
    const result = await verify('live_other', nonce, [
      { image: chris.neutral },
      { action: 'turn_left', image: chris.turnLeft },
      { action: 'turn_right', image: chris.turnRight },
    ]);
    expect(result.passed).toBe(false);
    expect(result.reason).toBe('no_match');
  });

  it('rejects a mirrored copy as a turn', async () => {
    await paulAccount('live_mirror');
    const { nonce } = await challenge('live_mirror', ['turn_left', 'turn_right']);
    const result = await verify('live_mirror', nonce, [
      { image: paul2.neutral },
      { action: 'turn_left', image: paul2.turnLeft },
      { action: 'turn_right', image: paul2.mirroredTurnLeft },
    ]);
    expect(result.reason).toBe('mirrored_frame');
    expect(result.frameIndex).toBe(2);
  });

  it('rejects frames from two people', async () => {
    await paulAccount('live_two');
    const { nonce } = await challenge('live_two', ['turn_left', 'turn_right']);
    const result = await verify('live_two', nonce, [
      { image: paul2.neutral },
      { action: 'turn_left', image: chris.turnLeft },
      { action: 'turn_right', image: paul2.turnRight },
    ]);
    expect(result.reason).toBe('different_people');
    expect(result.frameIndex).toBe(1);
  });

  it('rejects a turn that was not made', async () => {
    await paulAccount('live_still');
    const { nonce } = await challenge('live_still', ['turn_left', 'turn_right']);
    const result = await verify('live_still', nonce, [
      { image: paul2.neutral },
      { action: 'turn_left', image: paul2.neutral },
      { action: 'turn_right', image: paul2.turnRight },
    ]);
    expect(result.reason).toBe('action_not_performed');
    expect(result.failedAction).toBe('turn_left');
  });

  it('rejects an expired nonce without an attempt', async () => {
    await paulAccount('live_expired');
    const issued = await challenge('live_expired', ['turn_left', 'turn_right']);
    harness.clock.advance((CHALLENGE_TTL_SECONDS + 1) * 1000);
    const result = await verify('live_expired', issued.nonce, [
      { image: paul2.neutral },
      { action: 'turn_left', image: paul2.turnLeft },
      { action: 'turn_right', image: paul2.turnRight },
    ]);
    expect(result.reason).toBe('challenge_expired');
    expect(result.attemptsLeftToday).toBe(issued.attemptsLeftToday);
  });

  it('rejects a replayed nonce', async () => {
    await paulAccount('live_replay');
    const { nonce } = await challenge('live_replay', ['turn_left', 'turn_right']);
    const frames = [
      { image: chris.neutral },
      { action: 'turn_left' as const, image: chris.turnLeft },
      { action: 'turn_right' as const, image: chris.turnRight },
    ];
    const first = await verify('live_replay', nonce, frames);
    expect(first.reason).toBe('no_match');
    const replay = await verify('live_replay', nonce, frames);
    expect(replay.reason).toBe('challenge_used');
    const stored = await harness.services.store.get(FACE_CHALLENGES, nonce);
    expect(stored?.usedAt).toBeTruthy();
  });

  it('rejects another user’s nonce', async () => {
    await paulAccount('live_owner');
    await paulAccount('live_thief');
    const { nonce } = await challenge('live_owner', ['turn_left', 'turn_right']);
    const result = await verify('live_thief', nonce, [
      { image: paul2.neutral },
      { action: 'turn_left', image: paul2.turnLeft },
      { action: 'turn_right', image: paul2.turnRight },
    ]);
    expect(result.reason).toBe('challenge_not_found');
  });

  it('rejects a frame without a face', async () => {
    await paulAccount('live_noface');
    const { nonce } = await challenge('live_noface', ['turn_left', 'turn_right']);
    const result = await verify('live_noface', nonce, [
      { image: blankImage(400) },
      { action: 'turn_left', image: paul2.turnLeft },
      { action: 'turn_right', image: paul2.turnRight },
    ]);
    expect(result.reason).toBe('no_face');
    expect(result.frameIndex).toBe(0);
  });

  it('rejects a frame with two faces', async () => {
    await paulAccount('live_twofaces');
    const { nonce } = await challenge('live_twofaces', ['turn_left', 'turn_right']);
    const result = await verify('live_twofaces', nonce, [
      { image: sideBySide('Paul2.jpeg', 'Chris.jpeg') },
      { action: 'turn_left', image: paul2.turnLeft },
      { action: 'turn_right', image: paul2.turnRight },
    ]);
    expect(result.reason).toBe('multiple_faces');
    expect(result.frameIndex).toBe(0);
  });

  it('rejects frames out of challenge order', async () => {
    await paulAccount('live_order');
    const { nonce } = await challenge('live_order', ['turn_left', 'turn_right']);
    const result = await harness.call('faceVerify', 'live_order', {
      action: 'verify',
      nonce,
      frames: [
        { imageBase64: base64(paul2.neutral) },
        { action: 'turn_right', imageBase64: base64(paul2.turnRight) },
        { action: 'turn_left', imageBase64: base64(paul2.turnLeft) },
      ],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountStatus, FaceVerifyResult } from '../../core/api';
import {
  createHarness,
  facePhotoBase64,
  openAccount,
  personWithPhoto,
  type Harness,
} from '../support/harness';

let harness: Harness;

beforeAll(async () => {
  harness = await createHarness({ sandboxTools: false });
});

afterAll(async () => {
  await harness.close();
});

describe('face check outside the sandbox', () => {
  // A single photo proves nothing about a live person: the registry photo itself would
  // pass. Outside the sandbox only the liveness challenge (several frames) is accepted.
  it('rejects the photo on file sent as a selfie', async () => {
    const person = personWithPhoto('Paul.jpeg', 3);
    await openAccount(harness, 'photo_attack', person);
    const result = await harness.call<FaceVerifyResult>('faceVerify', 'photo_attack', {
      action: 'verify',
      selfieBase64: facePhotoBase64('Paul.jpeg'),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('PRECONDITION_FAILED');
    const status = await harness.ok<AccountStatus>('account', 'photo_attack', { action: 'status' });
    expect(status.stage).toBe('identity_verified');
  });
});

describe('face check in the sandbox', () => {
  it('rejects the photo on file sent back as a selfie', async () => {
    const sandbox = await createHarness();
    try {
      const person = personWithPhoto('Chris.jpeg', 2);
      await openAccount(sandbox, 'photo_copy', person);
      const result = await sandbox.ok<FaceVerifyResult>('faceVerify', 'photo_copy', {
        action: 'verify',
        selfieBase64: facePhotoBase64('Chris.jpeg'),
      });
      expect(result.passed).toBe(false);
      expect(result.message).toContain('登记照片');
      expect(result.stage).toBe('identity_verified');
      const status = await sandbox.ok<AccountStatus>('account', 'photo_copy', { action: 'status' });
      expect(status.stage).toBe('identity_verified');
      const line = await sandbox.call('creditLine', 'photo_copy', { action: 'evaluate' });
      expect(line.ok).toBe(false);
    } finally {
      await sandbox.close();
    }
  });
});

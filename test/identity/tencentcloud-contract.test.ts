import { describe, expect, it } from 'vitest';
import { productionProviders } from '../../adapters/tencentcloud/production-providers';
import { TencentIdentityVerifier } from '../../adapters/tencentcloud/tencent-identity-verifier';

/**
 * Runs against the real FaceID service, only when credentials and a known identity are
 * set. Each run is charged by Tencent Cloud.
 */
const REQUIRED = ['TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'FACEID_CONTRACT_NAME', 'FACEID_CONTRACT_ID_NUMBER'];
const missing = REQUIRED.filter((name) => !process.env[name]);
if (missing.length > 0) {
  console.info(`FaceID contract test skipped: set ${missing.join(', ')} to run it against the real service.`);
}

describe.skipIf(missing.length > 0)('FaceID contract', () => {
  it('verifies a known name and ID number', async () => {
    const identity = productionProviders().identity as TencentIdentityVerifier;
    const result = await identity.verifyIdCard(process.env.FACEID_CONTRACT_NAME!, process.env.FACEID_CONTRACT_ID_NUMBER!);
    expect(result).toEqual({ outcome: 'match' });
  });
});

/**
 * The store contract against a real CloudBase environment. It runs only when
 * TCB_TEST_ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are set, and empties
 * the contract's collections in that environment before each test.
 */
import { describe, it } from 'vitest';
import { openCloudBaseStore } from '../../adapters/storage/cloudbase-store';
import {
  missingCloudBaseVariables,
  resetContractCollections,
  testApp,
} from '../cloudbase/cloudbase-test-env';
import { describeStoreContract } from './store-contract';

const missing = missingCloudBaseVariables();

if (missing.length > 0) {
  describe('Store contract: CloudBase', () => {
    it.skip(`skipped: set ${missing.join(', ')} to run the store contract on CloudBase`, () => {});
  });
  console.info(
    `CloudBase store contract skipped: set ${missing.join(', ')} (a test environment whose` +
      ' contract collections may be emptied) to run it',
  );
} else {
  describeStoreContract('CloudBase', async () => {
    const app = testApp();
    await resetContractCollections(app);
    return openCloudBaseStore(app, { maxTransactionAttempts: 10 });
  });
}

/**
 * The CloudBase environment for the contract run, from TCB_TEST_ENV_ID and a Tencent Cloud
 * API key. A separate variable from the deployment's TCB_ENV_ID, because the run deletes
 * every document in the collections it uses.
 */
import type { CloudBase } from '@cloudbase/node-sdk';
import { createCloudBaseApp } from '../../adapters/platform/cloudbase-app';

export const CLOUDBASE_TEST_VARIABLES = ['TCB_TEST_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'];

/** Collections the store contract writes to, emptied before each test. */
export const CONTRACT_COLLECTIONS = ['loans', 'users', 'repayments', 'counters', 'audit', 'bulk', 'empty_collection'];

/** Returns the names of the missing variables; empty when the run can go ahead. */
export function missingCloudBaseVariables(env: NodeJS.ProcessEnv = process.env): string[] {
  return CLOUDBASE_TEST_VARIABLES.filter((name) => !env[name]);
}

export function testApp(env: NodeJS.ProcessEnv = process.env): CloudBase {
  return createCloudBaseApp({
    envId: env.TCB_TEST_ENV_ID,
    secretId: env.TENCENTCLOUD_SECRETID,
    secretKey: env.TENCENTCLOUD_SECRETKEY,
    sessionToken: env.TENCENTCLOUD_SESSIONTOKEN,
  });
}

/** Creates the contract collections when missing and deletes every document in them. */
export async function resetContractCollections(app: CloudBase): Promise<void> {
  const database = app.database();
  const command = database.command;
  for (const name of CONTRACT_COLLECTIONS) {
    await database.createCollection(name).catch(() => undefined);
    await database.collection(name).where({ _id: command.exists(true) }).remove();
  }
}

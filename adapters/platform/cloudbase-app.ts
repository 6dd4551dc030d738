/**
 * One `@cloudbase/node-sdk` 3.x app per process, shared by the store, file storage and the
 * caller adapter. Inside a cloud function the SDK finds the environment and the function
 * role's temporary keys by itself; elsewhere (tests, scripts) they come from configuration.
 */
import * as tcb from '@cloudbase/node-sdk';
import type { CloudBase } from '@cloudbase/node-sdk';

export interface CloudBaseConnection {
  /** Environment id; unset inside a cloud function, which then uses its own environment. */
  envId?: string;
  secretId?: string;
  secretKey?: string;
  /** Needed with temporary keys only. */
  sessionToken?: string;
  /** Request timeout in ms; the SDK default is 15,000. */
  timeoutMs?: number;
}

/** Initialises the SDK. Sends no request: the first database or storage call does. */
export function createCloudBaseApp(connection: CloudBaseConnection = {}): CloudBase {
  return tcb.init({
    env: connection.envId ?? tcb.SYMBOL_CURRENT_ENV,
    secretId: connection.secretId,
    secretKey: connection.secretKey,
    sessionToken: connection.sessionToken,
    timeout: connection.timeoutMs,
  });
}

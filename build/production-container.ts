/**
 * The services entry of the function bundles. The bundler resolves every import of
 * `services/container` to this module, so a deployed function builds its services on
 * CloudBase and never loads the embedded adapters.
 */
import type { Services } from '../services/container';
import { createCloudBaseServices } from '../services/cloudbase-services';
import { prepareServices } from '../services/bootstrap';

export type { Services };

let current: Promise<Services> | undefined;

async function start(): Promise<Services> {
  const services = createCloudBaseServices();
  await prepareServices(services);
  return services;
}

/**
 * Returns the instance's services, built and prepared on the first call. A failed start
 * (a configuration error above all) is not kept, so the next invocation tries again and
 * logs the same clear error.
 */
export function getServices(): Promise<Services> {
  current ??= start().catch((error: unknown) => {
    current = undefined;
    throw error;
  });
  return current;
}

/** Installs the services for this instance; tests of the bundle entry call it first. */
export function setServices(services: Services): void {
  current = Promise.resolve(services);
}

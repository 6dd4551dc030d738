/**
 * The services of a CloudBase deployment. This module imports no embedded storage or face
 * code at load time, so the function bundles built from it carry neither the native
 * SQLite addon nor the face models, except the face function, which loads its matcher on
 * first use.
 */
import os from 'node:os';
import path from 'node:path';
import type { FaceComparison, FaceComparisonRequest, FaceVerifier } from '../adapters/ports/face';
import { createCloudBaseApp } from '../adapters/platform/cloudbase-app';
import { openCloudBaseStore } from '../adapters/storage/cloudbase-store';
import { CloudBaseFileStorage } from '../adapters/files/cloudbase-file-storage';
import type { FileStorage } from '../adapters/files/port';
import { SandboxFourElementsVerifier } from '../adapters/identity/sandbox-four-elements';
import { OutboxSmsSender } from '../adapters/sms/outbox-sms-sender';
import { SandboxBankRail } from '../adapters/bank/sandbox-bank-rail';
import { TaiwanCreditData } from '../adapters/credit-data/taiwan-credit-data';
import { SandboxPartnerBank } from '../adapters/partners/sandbox-partner-bank';
import { HttpPartnerBank } from '../adapters/partners/http-partner-bank';
import { deployedScorecard } from './deployed-scorecard';
import { loadConfig, loadProductionConfig, type ProductionConfig } from './config';
import type { Services } from './container';
import { parsePartners } from './colending/partners';
import { systemClock } from './platform/clock';
import { createLogger, type Logger } from './platform/logger';

/** Services of a CloudBase deployment, plus its file storage and production settings. */
export interface CloudBaseServices extends Services {
  files: FileStorage;
  production: ProductionConfig;
}

export interface CloudBaseOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/** Loads the face matcher on the first comparison, so only the face function pays for it. */
class LazyFaceVerifier implements FaceVerifier {
  private verifier?: Promise<FaceVerifier>;

  constructor(private readonly threshold: number) {}

  async compare(request: FaceComparisonRequest): Promise<FaceComparison> {
    this.verifier ??= (async () => {
      const { EmbeddedFaceVerifier } = await import('../adapters/face/embedded-face-verifier');
      const { FaceApiMatcher } = await import('../adapters/face/face-api-matcher');
      return new EmbeddedFaceVerifier({ matcher: new FaceApiMatcher({ threshold: this.threshold }) });
    })();
    return (await this.verifier).compare(request);
  }
}

function notBuilt(what: string): never {
  throw new Error(
    `PROVIDERS=tencent needs the Tencent Cloud ${what} adapter, which is not part of this` +
      ' build yet: deploy with PROVIDERS=sandbox for a staging environment',
  );
}

/**
 * Builds the services on CloudBase: the CloudBase database and cloud storage, with the
 * providers chosen by `PROVIDERS`. Checks the configuration first and throws one error
 * listing every missing or invalid variable.
 */
export function createCloudBaseServices(options: CloudBaseOptions = {}): CloudBaseServices {
  const env = options.env ?? process.env;
  const production = loadProductionConfig(env);
  // A function instance may write only below the temporary folder, and loses it on exit.
  const dataDir = env.LOAN_DATA_DIR ?? path.join(os.tmpdir(), 'weili');
  const config = loadConfig({ ...env, LOAN_DATA_DIR: dataDir });
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  // NOTE: the Tencent Cloud providers (adapters/tencentcloud) are built and unit-tested but not
  // wired here: bundling their SDK puts every function over the 1 MiB budget, so they need
  // shipping as an external dependency of the account and faceVerify functions first.
  if (production.providers === 'tencent') notBuilt('SMS, four-element, face and credit bureau');

  const app = createCloudBaseApp({ envId: production.envId, ...production.credentials });
  const store = openCloudBaseStore(app, { logger: logger.child({ component: 'store' }) });
  // Instances share no memory, so a movable sandbox clock could not stay consistent.
  const clock = systemClock;
  const now = () => clock.now();
  const outbox = new OutboxSmsSender({ dataDir, now });
  // Staging testers read the sandbox codes in the function log, as they would on a phone.
  outbox.onMessage?.((message) => logger.info({ sms: message }, 'sandbox SMS sent'));
  const partners = parsePartners(env.PARTNERS_JSON);
  const endpoints = production.partnerEndpoints;
  const partnerBank =
    Object.keys(endpoints).length > 0
      ? new HttpPartnerBank(endpoints, now)
      : new SandboxPartnerBank({
          policies: Object.fromEntries(partners.map((partner) => [partner.id, partner.eligibility])),
        });
  return {
    config,
    production,
    store,
    files: new CloudBaseFileStorage(app),
    clock,
    identity: new SandboxFourElementsVerifier(),
    face: new LazyFaceVerifier(config.faceMatchThreshold),
    sms: outbox,
    bank: new SandboxBankRail({ store, settleDelayMs: config.bankSettleDelayMs, now }),
    creditData: new TaiwanCreditData(),
    scorecard: deployedScorecard(),
    partners,
    partnerBank,
    logger,
    secret: config.sessionSecret ?? '',
  };
}

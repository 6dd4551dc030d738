import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../adapters/storage/port';
import type { IdentityVerifier } from '../adapters/ports/identity';
import type { FaceVerifier, LivenessVerifier } from '../adapters/ports/face';
import type { SmsSender } from '../adapters/ports/sms';
import type { BankRail } from '../adapters/ports/bank';
import type { CreditDataProvider } from '../adapters/ports/credit-data';
import { openSqliteStore } from '../adapters/storage/sqlite-store';
import { SandboxFourElementsVerifier } from '../adapters/identity/sandbox-four-elements';
import { EmbeddedFaceVerifier } from '../adapters/face/embedded-face-verifier';
import { FaceApiMatcher } from '../adapters/face/face-api-matcher';
import { FaceWorkerPool } from '../adapters/face/face-worker-pool';
import { OutboxSmsSender } from '../adapters/sms/outbox-sms-sender';
import { SandboxBankRail } from '../adapters/bank/sandbox-bank-rail';
import { TaiwanCreditData } from '../adapters/credit-data/taiwan-credit-data';
import type { Scorecard } from '../core/scoring/scorecard';
import { deployedScorecard } from './deployed-scorecard';
import { loadConfig, type AppConfig } from './config';
import type { FileStorage } from '../adapters/files/port';
import type { CloudBaseOptions, CloudBaseServices } from './cloudbase-services';
import { parsePartners, type PartnerConfig } from './colending/partners';
import type { PartnerBank } from '../adapters/ports/partner-bank';
import { SandboxPartnerBank } from '../adapters/partners/sandbox-partner-bank';
import { AdjustableClock, type Clock } from './platform/clock';
import { createLogger, type Logger } from './platform/logger';
import { resolvePiiKey } from './privacy/pii-key';

/** Everything a use case needs, each behind its port. */
export interface Services {
  config: AppConfig;
  store: Store;
  clock: Clock;
  identity: IdentityVerifier;
  face: FaceVerifier;
  /** Challenge-and-response liveness; unset where no liveness check is configured. */
  liveness?: LivenessVerifier;
  sms: SmsSender;
  bank: BankRail;
  creditData: CreditDataProvider;
  scorecard: Scorecard;
  /** Partner banks that co-lend, and the channel to their credit decisions. */
  partners: PartnerConfig[];
  partnerBank: PartnerBank;
  logger: Logger;
  /** Key for hashing SMS codes and lookup values; never logged. */
  secret: string;
  /** Tester tools of the embedded setup; absent in production. */
  sandbox?: { clock: AdjustableClock; outbox: OutboxSmsSender };
  /** Cloud storage for selfies kept as evidence; set on CloudBase. */
  files?: FileStorage;
}

/** Reads the secret from the data folder, creating a random one on first start. */
function sandboxSecret(dataDir: string, configured?: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'sandbox-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Creates the sandbox clock, resumed from the offset a previous run saved in the data folder. */
function sandboxClock(dataDir: string): AdjustableClock {
  const file = path.join(dataDir, 'sandbox-clock.json');
  let offsetMs = 0;
  if (fs.existsSync(file)) {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { offsetMs?: unknown };
    if (typeof saved.offsetMs === 'number' && Number.isSafeInteger(saved.offsetMs) && saved.offsetMs >= 0) {
      offsetMs = saved.offsetMs;
    }
  }
  return new AdjustableClock(undefined, offsetMs, (offset) => {
    fs.writeFileSync(file, JSON.stringify({ offsetMs: offset }) + '\n');
  });
}

export interface EmbeddedOptions {
  config?: AppConfig;
  /** `':memory:'` for tests; defaults to `<dataDir>/loans.sqlite`. */
  databaseFile?: string;
  logger?: Logger;
}

/** Builds the services on the embedded adapters: SQLite, sandbox registry, outbox, rail. */
export function createEmbeddedServices(options: EmbeddedOptions = {}): Services {
  const loaded = options.config ?? loadConfig();
  fs.mkdirSync(loaded.dataDir, { recursive: true });
  // Resolved once at start, so every reader of personal data uses the same key.
  const piiKey = resolvePiiKey(loaded.dataDir, loaded.piiEncryptionKey).toString('base64');
  const config: AppConfig = { ...loaded, piiEncryptionKey: piiKey };
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const clock = sandboxClock(config.dataDir);
  const now = () => clock.now();
  const store = openSqliteStore({
    file: options.databaseFile ?? path.join(config.dataDir, 'loans.sqlite'),
    logger: logger.child({ component: 'store' }),
  });
  const outbox = new OutboxSmsSender({ dataDir: config.dataDir, now });
  // Two threads describe the frames of one liveness check in parallel; each loads the
  // model once, on its first image.
  const faceOptions = { threshold: config.faceMatchThreshold };
  const embeddedFace = new EmbeddedFaceVerifier({
    matcher: new FaceApiMatcher(faceOptions),
    describer: new FaceWorkerPool(2, faceOptions),
  });
  const partners = parsePartners(process.env.PARTNERS_JSON);
  return {
    config,
    store,
    clock,
    identity: new SandboxFourElementsVerifier(),
    face: embeddedFace,
    liveness: embeddedFace,
    sms: outbox,
    bank: new SandboxBankRail({ store, settleDelayMs: config.bankSettleDelayMs, now }),
    creditData: new TaiwanCreditData(),
    scorecard: deployedScorecard(),
    partners,
    partnerBank: new SandboxPartnerBank({
      policies: Object.fromEntries(partners.map((partner) => [partner.id, partner.eligibility])),
    }),
    logger,
    secret: sandboxSecret(config.dataDir, config.sessionSecret),
    sandbox: config.sandboxTools ? { clock, outbox } : undefined,
  };
}

let current: Promise<Services> | undefined;

/** Returns the process's services, creating the embedded ones on first use. */
export function getServices(): Promise<Services> {
  current ??= Promise.resolve().then(() => createEmbeddedServices());
  return current;
}

/** Installs the services for this process (the local server and tests call it first). */
export function setServices(services: Services): void {
  current = Promise.resolve(services);
}

/**
 * Builds the services on CloudBase (see `services/cloudbase-services.ts`). That module is
 * loaded on the first call, so the embedded setup never loads the CloudBase SDK, and the
 * function bundles import it directly, without this module's embedded adapters.
 */
export function createCloudBaseServices(options: CloudBaseOptions = {}): CloudBaseServices {
  const production = require('./cloudbase-services') as typeof import('./cloudbase-services');
  return production.createCloudBaseServices(options);
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../adapters/storage/port';
import type { IdentityVerifier } from '../adapters/ports/identity';
import type { FaceVerifier } from '../adapters/ports/face';
import type { SmsSender } from '../adapters/ports/sms';
import type { BankRail } from '../adapters/ports/bank';
import type { CreditDataProvider } from '../adapters/ports/credit-data';
import { openSqliteStore } from '../adapters/storage/sqlite-store';
import { SandboxFourElementsVerifier } from '../adapters/identity/sandbox-four-elements';
import { EmbeddedFaceVerifier } from '../adapters/face/embedded-face-verifier';
import { FaceApiMatcher } from '../adapters/face/face-api-matcher';
import { OutboxSmsSender } from '../adapters/sms/outbox-sms-sender';
import { SandboxBankRail } from '../adapters/bank/sandbox-bank-rail';
import { TaiwanCreditData } from '../adapters/credit-data/taiwan-credit-data';
import { parseScorecard, type Scorecard } from '../core/scoring/scorecard';
import scorecardJson from '../model/scorecard-v1.json';
import { loadConfig, type AppConfig } from './config';
import { AdjustableClock, type Clock } from './platform/clock';
import { createLogger, type Logger } from './platform/logger';

/** Everything a use case needs, each behind its port. */
export interface Services {
  config: AppConfig;
  store: Store;
  clock: Clock;
  identity: IdentityVerifier;
  face: FaceVerifier;
  sms: SmsSender;
  bank: BankRail;
  creditData: CreditDataProvider;
  scorecard: Scorecard;
  logger: Logger;
  /** Key for hashing SMS codes and lookup values; never logged. */
  secret: string;
  /** Tester tools of the embedded setup; absent in production. */
  sandbox?: { clock: AdjustableClock; outbox: OutboxSmsSender };
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

export interface EmbeddedOptions {
  config?: AppConfig;
  /** `':memory:'` for tests; defaults to `<dataDir>/loans.sqlite`. */
  databaseFile?: string;
  logger?: Logger;
}

/** Builds the services on the embedded adapters: SQLite, sandbox registry, outbox, rail. */
export function createEmbeddedServices(options: EmbeddedOptions = {}): Services {
  const config = options.config ?? loadConfig();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const clock = new AdjustableClock();
  const now = () => clock.now();
  const store = openSqliteStore({
    file: options.databaseFile ?? path.join(config.dataDir, 'loans.sqlite'),
    logger: logger.child({ component: 'store' }),
  });
  const outbox = new OutboxSmsSender({ dataDir: config.dataDir, now });
  return {
    config,
    store,
    clock,
    identity: new SandboxFourElementsVerifier(),
    face: new EmbeddedFaceVerifier({ matcher: new FaceApiMatcher({ threshold: config.faceMatchThreshold }) }),
    sms: outbox,
    bank: new SandboxBankRail({ store, settleDelayMs: config.bankSettleDelayMs, now }),
    creditData: new TaiwanCreditData(),
    scorecard: parseScorecard(scorecardJson),
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

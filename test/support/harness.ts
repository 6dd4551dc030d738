import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CloudContext } from '../../services/platform/caller';
import { createEmbeddedServices, setServices, type Services } from '../../services/container';
import { loadConfig } from '../../services/config';
import { prepareServices } from '../../services/bootstrap';
import { AdjustableClock, type Clock } from '../../services/platform/clock';
import { createLogger } from '../../services/platform/logger';
import { checkLedger } from '../../services/ledger';
import { USER_FUNCTIONS, TIMER_FUNCTIONS } from '../../cloudfunctions/registry';
import { loadSandboxRegistry, type SandboxPerson } from '../../adapters/identity/sandbox-registry';
import { SANDBOX_FACES_DIR } from '../../adapters/identity/sandbox-registry';
import { CONSENT_VERSIONS } from '../../core/api';
import type { FunctionResult, LoanQuote } from '../../core/api';
import { OutboxSmsSender } from '../../adapters/sms/outbox-sms-sender';
import { makeSelfie } from '../../scripts/lib/selfie-variants';
import { SandboxBankRail } from '../../adapters/bank/sandbox-bank-rail';
import { SandboxPartnerBank } from '../../adapters/partners/sandbox-partner-bank';
import type { PartnerBank } from '../../adapters/ports/partner-bank';
import { SANDBOX_PARTNERS, type PartnerConfig } from '../../services/colending/partners';
import { TaiwanCreditData } from '../../adapters/credit-data/taiwan-credit-data';
import { scoreProfile } from '../../core/scoring/scorecard';
import { creditPolicy } from '../../core/scoring/policy';
import { deployedScorecard } from '../../services/deployed-scorecard';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A clock fixed at an instant that tests move by hand. */
class FixedClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return new Date(this.instant);
  }
}

export interface Harness {
  services: Services;
  clock: AdjustableClock;
  dataDir: string;
  /** Calls a user function as the given OPENID, the way CloudBase passes identity. */
  call<T = unknown>(name: string, openId: string | null, event: unknown): Promise<FunctionResult<T>>;
  /** Calls a user function and returns its data, failing the test on an error result. */
  ok<T = unknown>(name: string, openId: string, event: unknown): Promise<T>;
  runDailyJob(businessDate?: string): Promise<FunctionResult<unknown>>;
  advanceDays(days: number): Promise<void>;
  latestCode(phone: string): string;
  close(): Promise<void>;
}

/**
 * Builds the embedded services on an in-memory store and a temporary data folder, with the
 * clock at `start` (default 2026-03-10T02:00:00Z, 10:00 in Shanghai) and instant settlement.
 */
export interface HarnessOptions {
  start?: string;
  poolFundsFen?: number;
  settleDelayMs?: number;
  /** Partner banks; default two sandbox banks that never decline or stall on their own. */
  partners?: PartnerConfig[];
  partnerBank?: PartnerBank;
  pilotRolloutPercent?: number;
  /** Tester tools such as the single-photo face check; on unless set to false. */
  sandboxTools?: boolean;
  /** Keeps the SQLite database in `<dataDir>/loans.sqlite` instead of memory. */
  onDisk?: boolean;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loan-test-'));
  const config = {
    ...loadConfig({}),
    dataDir,
    bankSettleDelayMs: options.settleDelayMs ?? 0,
    poolFundsFen: options.poolFundsFen ?? loadConfig({}).poolFundsFen,
    pilotRolloutPercent: options.pilotRolloutPercent ?? 100,
    sandboxTools: options.sandboxTools ?? true,
  };
  const services = createEmbeddedServices({ config, databaseFile: options.onDisk ? path.join(dataDir, 'loans.sqlite') : ':memory:', logger: createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) });
  const clock = new AdjustableClock(new FixedClock(new Date(options.start ?? '2026-03-10T02:00:00Z')));
  const partners = options.partners ?? SANDBOX_PARTNERS;
  const adjusted: Services = {
    ...rebuildWithClock(services, clock),
    partners,
    partnerBank:
      options.partnerBank ??
      new SandboxPartnerBank({
        policies: Object.fromEntries(partners.map((partner) => [partner.id, partner.eligibility])),
        latencyMs: 0,
        slowEvery: 0,
        declineEvery: 0,
      }),
  };
  setServices(adjusted);
  await prepareServices(adjusted);
  const outbox = adjusted.sms as OutboxSmsSender;

  const context = (openId: string | null): CloudContext => ({
    request_id: `test-${Math.random().toString(36).slice(2)}`,
    environ: openId ? `WX_OPENID=${openId};WX_APPID=wx_test;TCB_SOURCE=wx_client;` : 'TCB_SOURCE=wx_trigger;',
  });

  const harness: Harness = {
    services: adjusted,
    clock,
    dataDir,
    async call(name, openId, event) {
      const main = USER_FUNCTIONS[name] ?? TIMER_FUNCTIONS[name];
      if (!main) throw new Error(`no function ${name}`);
      return (await main(event, context(openId))) as never;
    },
    async ok(name, openId, event) {
      const result = await harness.call(name, openId, event);
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return result.data as never;
    },
    runDailyJob: (businessDate) => harness.call('accrueDaily', null, businessDate ? { businessDate } : {}),
    async advanceDays(days) {
      for (let day = 0; day < days; day++) {
        clock.advance(DAY_MS);
        const result = await harness.runDailyJob();
        if (!result.ok) throw new Error(`daily job failed: ${result.error.message}`);
      }
    },
    latestCode(phone) {
      const code = outbox.latestCode(phone);
      if (!code) throw new Error(`no code sent to ${phone}`);
      return code;
    },
    async close() {
      await adjusted.store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Returns the same services with the clock replaced everywhere it is read. */
function rebuildWithClock(services: Services, clock: AdjustableClock): Services {
  const now = () => clock.now();
  const outbox = new OutboxSmsSender({ dataDir: services.config.dataDir, now });
  return {
    ...services,
    clock,
    sms: outbox,
    bank: new SandboxBankRail({ store: services.store, settleDelayMs: services.config.bankSettleDelayMs, now }),
    sandbox: { clock, outbox },
  };
}

export const registry = loadSandboxRegistry();

/** Returns a registry person whose photo on file is the given file. */
export function personWithPhoto(photo: string, skip = 0): SandboxPerson {
  const people = registry.people.filter((person) => person.photo === photo);
  return people[skip];
}

export function personWithCard(bankCard: string): SandboxPerson | undefined {
  return registry.people.find((person) => person.bankCard === bankCard);
}

/**
 * Returns a genuine selfie of a registry person, base64: the second photo of Paul, or an altered
 * copy (crop, brightness, re-encoding) of anyone else's photo on file.
 */
export function selfieFor(person: SandboxPerson): string {
  if (person.photo === 'Paul.jpeg') return facePhotoBase64('Paul2.jpeg');
  const photo = fs.readFileSync(path.join(SANDBOX_FACES_DIR, person.photo));
  return Buffer.from(makeSelfie(photo, 7)).toString('base64');
}

export function facePhotoBase64(file: string): string {
  return fs.readFileSync(path.join(SANDBOX_FACES_DIR, file)).toString('base64');
}

export const ALL_CONSENTS = { ...CONSENT_VERSIONS };

/** Opens an account for a registry person through the account function. */
export async function openAccount(harness: Harness, openId: string, person: SandboxPerson): Promise<void> {
  await harness.ok('account', openId, { action: 'sendCode', phone: person.phone });
  await harness.ok('account', openId, {
    action: 'open',
    name: person.name,
    idNumber: person.idNumber,
    bankCard: person.bankCard,
    phone: person.phone,
    code: harness.latestCode(person.phone),
    consents: ALL_CONSENTS,
  });
}

/** Takes a person through account, face check (their own photo) and a credit decision. */
export async function onboard(harness: Harness, openId: string, person: SandboxPerson) {
  await openAccount(harness, openId, person);
  const face = await harness.ok<{ passed: boolean }>('faceVerify', openId, { action: 'verify', selfieBase64: selfieFor(person) });
  if (!face.passed) throw new Error(`face check failed for ${person.photo}`);
  return harness.ok<{ decision: string; lineFen: number; availableFen: number }>('creditLine', openId, { action: 'evaluate' });
}

/**
 * Quotes a draw and returns the draw request with the digest of the quote's loan agreement,
 * as the confirm screen sends it once the borrower accepts.
 */
export async function acceptedDrawRequest<R extends { amountFen: number; termMonths: number }>(
  harness: Harness,
  openId: string,
  request: R,
): Promise<R & { agreementDigest: string }> {
  const quote = await harness.ok<LoanQuote>('loanQuote', openId, { amountFen: request.amountFen, termMonths: request.termMonths });
  return { ...request, agreementDigest: quote.agreement.digest };
}

/**
 * A well-formed agreement digest that matches no agreement, for draws that must fail on an
 * earlier check (pilot, line or pool) before the agreement is compared.
 */
export const UNMATCHED_AGREEMENT_DIGEST = '0'.repeat(64);

/** Fails the test unless the ledger balances and no receivable is below zero. */
export async function expectBalancedLedger(harness: Harness): Promise<void> {
  const report = await checkLedger(harness.services.store);
  if (!report.balanced) throw new Error(`ledger does not balance: ${report.problems.join('; ')}`);
}

const creditData = new TaiwanCreditData();
const scorecard = deployedScorecard();

/** Registry people the credit policy approves, in registry order, with their line. */
export async function approvedPeople(): Promise<{ person: SandboxPerson; lineFen: number }[]> {
  const approved: { person: SandboxPerson; lineFen: number }[] = [];
  for (const person of registry.people) {
    const profile = await creditData.profileFor(person.idNumber);
    if (!profile) continue;
    const decision = creditPolicy(scoreProfile(scorecard, profile).displayScore);
    if (decision.decision === 'approved') approved.push({ person, lineFen: decision.lineFen });
  }
  return approved;
}

import path from 'node:path';
import { z } from 'zod';

/**
 * Settings read from the environment once at start. Every variable has an embedded default,
 * so the product runs on one machine with no cloud account.
 */
const environmentSchema = z.object({
  LOAN_DATA_DIR: z.string().min(1).default('data'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  FACE_MATCH_THRESHOLD: z.coerce.number().gt(0).lt(2).default(0.5),
  BANK_SETTLE_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(300),
  SESSION_SECRET: z.string().min(32).optional(),
  PII_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, { error: 'must be 32 bytes in base64 (44 characters)' })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SANDBOX_TOOLS: z.enum(['on', 'off']).default('on'),
  PILOT_ROLLOUT_PERCENT: z.coerce.number().int().min(0).max(100).default(100),
  POOL_FUNDS_FEN: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(5_000_000_000),
});

export interface AppConfig {
  dataDir: string;
  host: string;
  port: number;
  faceMatchThreshold: number;
  bankSettleDelayMs: number;
  sessionSecret?: string;
  /**
   * AES-256-GCM key for ID, card and phone numbers at rest, 32 bytes in base64. Unset, a
   * random key is generated in `<dataDir>/pii-key` on first start.
   */
  piiEncryptionKey?: string;
  logLevel: string;
  /** Clock control and the SMS inbox for testers; never enabled in production. */
  sandboxTools: boolean;
  /** Share of users (0–100, by a stable hash of the OPENID) admitted without an invitation. */
  pilotRolloutPercent: number;
  /** The platform's own lending funds put into the pool on first start, in fen. */
  poolFundsFen: number;
}

/** Reads the configuration, failing with a message that names each invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  return {
    dataDir: path.resolve(values.LOAN_DATA_DIR),
    host: values.HOST,
    port: values.PORT,
    faceMatchThreshold: values.FACE_MATCH_THRESHOLD,
    bankSettleDelayMs: values.BANK_SETTLE_DELAY_MS,
    sessionSecret: values.SESSION_SECRET,
    piiEncryptionKey: values.PII_ENCRYPTION_KEY,
    logLevel: values.LOG_LEVEL,
    sandboxTools: values.SANDBOX_TOOLS === 'on',
    pilotRolloutPercent: values.PILOT_ROLLOUT_PERCENT,
    poolFundsFen: values.POOL_FUNDS_FEN,
  };
}

/** `sandbox`: the embedded identity, SMS, bank and credit-data stand-ins; `tencent`: real ones. */
export type Providers = 'sandbox' | 'tencent';

/** Settings that only a CloudBase deployment reads, checked by {@link loadProductionConfig}. */
export interface ProductionConfig {
  /** Unset inside a cloud function, which uses its own environment. */
  envId?: string;
  credentials?: { secretId: string; secretKey: string; sessionToken?: string };
  providers: Providers;
  /** Tencent Cloud SMS; set when `providers` is `tencent`. */
  sms?: {
    sdkAppId: string;
    signName: string;
    region: string;
    templateIds: { verificationCode: string; repaymentReminder: string; disbursed: string };
  };
  /** Tencent Cloud FaceID (慧眼); set when `providers` is `tencent`. */
  faceId?: { ruleId: string; region: string };
  /** HTTPS endpoint and signing secret of each partner bank, by partner id. */
  partnerEndpoints: Record<string, { url: string; secret: string }>;
  /** Folder in cloud storage for selfies kept as evidence, without a trailing slash. */
  selfieFolder: string;
}

const ENV_ID = /^[a-z0-9_-]{1,40}$/;
const DIGITS = /^\d{1,20}$/;

const partnerEndpointsSchema = z.record(
  z.string().regex(/^[a-z0-9_-]{1,32}$/, { error: 'partner id must be 1–32 of a-z, 0-9, _ or -' }),
  z.strictObject({
    url: z.url({ protocol: /^https$/, error: 'url must be an https:// URL' }),
    secret: z.string().min(32, { error: 'secret must be at least 32 characters' }),
  }),
);

/** True inside a Tencent Cloud function, where the platform injects the role's keys. */
export function isCloudFunctionRuntime(env: NodeJS.ProcessEnv): boolean {
  return env.TENCENTCLOUD_RUNENV === 'SCF' || Boolean(env.SCF_NAMESPACE);
}

type Problems = string[];

function required(env: NodeJS.ProcessEnv, name: string, problems: Problems, hint: string): string {
  const value = env[name]?.trim();
  if (!value) problems.push(`${name} is missing: ${hint}`);
  return value ?? '';
}

function matching(env: NodeJS.ProcessEnv, name: string, pattern: RegExp, problems: Problems, hint: string) {
  const value = required(env, name, problems, hint);
  if (value && !pattern.test(value)) problems.push(`${name} is invalid: ${hint}`);
  return value;
}

function readConnection(env: NodeJS.ProcessEnv, problems: Problems) {
  const inFunction = isCloudFunctionRuntime(env);
  const envId = env.TCB_ENV_ID?.trim() || undefined;
  if (envId !== undefined && !ENV_ID.test(envId)) {
    problems.push('TCB_ENV_ID is invalid: use the environment id from the CloudBase console');
  }
  if (inFunction) return { envId };
  if (envId === undefined) {
    problems.push('TCB_ENV_ID is missing: set the CloudBase environment id (outside a function)');
  }
  const hint = 'set a Tencent Cloud API key (CAM) with access to the environment';
  const secretId = required(env, 'TENCENTCLOUD_SECRETID', problems, hint);
  const secretKey = required(env, 'TENCENTCLOUD_SECRETKEY', problems, hint);
  const sessionToken = env.TENCENTCLOUD_SESSIONTOKEN?.trim() || undefined;
  return { envId, credentials: { secretId, secretKey, sessionToken } };
}

function readSms(env: NodeJS.ProcessEnv, problems: Problems): ProductionConfig['sms'] {
  const template = (name: string) =>
    matching(env, name, DIGITS, problems, 'use the numeric id of an approved SMS template');
  return {
    sdkAppId: matching(env, 'SMS_SDK_APP_ID', DIGITS, problems, 'use the numeric SMS SdkAppId'),
    signName: required(env, 'SMS_SIGN_NAME', problems, 'use the approved signature text'),
    region: env.SMS_REGION?.trim() || 'ap-guangzhou',
    templateIds: {
      verificationCode: template('SMS_TEMPLATE_VERIFICATION_CODE'),
      repaymentReminder: template('SMS_TEMPLATE_REPAYMENT_REMINDER'),
      disbursed: template('SMS_TEMPLATE_DISBURSED'),
    },
  };
}

function readPartnerEndpoints(env: NodeJS.ProcessEnv, problems: Problems, needed: boolean) {
  const text = env.PARTNER_ENDPOINTS_JSON?.trim();
  if (!text) {
    if (needed) problems.push('PARTNER_ENDPOINTS_JSON is missing: give each partner its url and secret');
    return {};
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    problems.push('PARTNER_ENDPOINTS_JSON is not valid JSON: give {"<partnerId>": {"url", "secret"}}');
    return {};
  }
  const parsed = partnerEndpointsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    problems.push(`PARTNER_ENDPOINTS_JSON.${issue.path.join('.')} is invalid: ${issue.message}`);
  }
  return {};
}

function readSharedSecrets(env: NodeJS.ProcessEnv, providers: Providers, problems: Problems) {
  // Instances of a function share no disk, so the keys generated on first start of the
  // embedded setup would differ per instance: both must be configured.
  if (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32) {
    problems.push('SESSION_SECRET is missing or shorter than 32 characters: generate one with `openssl rand -base64 32`');
  }
  if (!env.PII_ENCRYPTION_KEY) {
    problems.push('PII_ENCRYPTION_KEY is missing: generate one with `openssl rand -base64 32`');
  }
  if (providers === 'tencent' && env.SANDBOX_TOOLS !== 'off') {
    problems.push('SANDBOX_TOOLS must be off with PROVIDERS=tencent: the sandbox clock and inbox are for testers');
  }
}

/**
 * Reads and checks the CloudBase deployment's settings at start. Throws one Error that
 * lists every missing or invalid variable with what to set, so a deployment is fixed in
 * one pass. The general settings are checked by {@link loadConfig}.
 */
export function loadProductionConfig(env: NodeJS.ProcessEnv = process.env): ProductionConfig {
  const problems: Problems = [];
  const providers = env.PROVIDERS ?? 'sandbox';
  if (providers !== 'sandbox' && providers !== 'tencent') {
    problems.push(`PROVIDERS is ${JSON.stringify(providers)}: use sandbox or tencent`);
  }
  const connection = readConnection(env, problems);
  readSharedSecrets(env, providers as Providers, problems);
  const real = providers === 'tencent';
  const sms = real ? readSms(env, problems) : undefined;
  const faceId = real
    ? {
        ruleId: matching(env, 'FACEID_RULE_ID', DIGITS, problems, 'use the RuleId of the FaceID rule'),
        region: env.FACEID_REGION?.trim() || 'ap-guangzhou',
      }
    : undefined;
  const partnerEndpoints = readPartnerEndpoints(env, problems, real);
  const selfieFolder = (env.SELFIE_FOLDER?.trim() || 'selfies').replace(/\/+$/, '');
  if (problems.length > 0) {
    throw new Error(`Invalid production configuration:\n- ${problems.join('\n- ')}`);
  }
  return { ...connection, providers: providers as Providers, sms, faceId, partnerEndpoints, selfieFolder };
}

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
    logLevel: values.LOG_LEVEL,
    sandboxTools: values.SANDBOX_TOOLS === 'on',
    pilotRolloutPercent: values.PILOT_ROLLOUT_PERCENT,
    poolFundsFen: values.POOL_FUNDS_FEN,
  };
}

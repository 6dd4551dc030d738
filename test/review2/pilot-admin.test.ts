import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountStatus } from '../../core/api';
import { INVITATIONS, rolloutBucket } from '../../services/account/pilot';
import { UNMATCHED_AGREEMENT_DIGEST, approvedPeople, createHarness, onboard, type Harness } from '../support/harness';
import { coLendable, drawFor, ledgerProblems, payNow, type ApprovedPerson } from './colending-support';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

let people: ApprovedPerson[];

beforeAll(async () => {
  people = await approvedPeople();
});

/** Runs the admin CLI on a data folder and returns its exit code and output. */
async function admin(dataDir: string, args: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/admin.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOAN_DATA_DIR: dataDir },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('pilot access', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness({ pilotRolloutPercent: 0 });
  });

  afterAll(async () => {
    expect(await ledgerProblems(h)).toEqual([]);
    await h.close();
  });

  it('lets a revoked borrower repay', async () => {
    const [{ person }] = coLendable(people, 1, 20);
    const now = h.clock.now().toISOString();
    await h.services.store.set(INVITATIONS, { _id: 'pilot_repay', cohort: 'c1', invitedAt: now });
    await onboard(h, 'pilot_repay', person);
    const view = await drawFor(h, 'pilot_repay', 100_000);
    await h.services.store.set(INVITATIONS, { _id: 'pilot_repay', cohort: 'c1', invitedAt: now, revokedAt: now });
    const status = await h.ok<AccountStatus>('account', 'pilot_repay', { action: 'status' });
    expect(status.invited).toBe(false);
    const refused = await h.call('draw', 'pilot_repay', { amountFen: 50_000, termMonths: 5, idempotencyKey: '44444444-0000-4000-8000-000000000001', agreementDigest: UNMATCHED_AGREEMENT_DIGEST });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('NOT_INVITED');
    await h.advanceDays(3);
    const paid = await payNow(h, 'pilot_repay', view.drawId, 'payoff');
    expect(paid.status).toBe('succeeded');
  });

  it('admits again after a new invitation', async () => {
    const now = h.clock.now().toISOString();
    await h.services.store.set(INVITATIONS, { _id: 'pilot_repay', cohort: 'c2', invitedAt: now });
    const status = await h.ok<AccountStatus>('account', 'pilot_repay', { action: 'status' });
    expect(status.invited).toBe(true);
  });
});

describe('pilot rollout', () => {
  it('admits uninvited users below the percentage', async () => {
    const h = await createHarness({ pilotRolloutPercent: 50 });
    try {
      const [{ person }] = coLendable(people, 1, 21);
      const openId = Array.from({ length: 50 }, (_, index) => `roll_${index}`).find((id) => rolloutBucket(id) < 50)!;
      await onboard(h, openId, person);
      const status = await h.ok<AccountStatus>('account', openId, { action: 'status' });
      expect(status.invited).toBe(true);
      const outside = Array.from({ length: 50 }, (_, index) => `roll_out_${index}`).find((id) => rolloutBucket(id) >= 50)!;
      const quote = await h.call('loanQuote', outside, { amountFen: 50_000, termMonths: 5 });
      expect(quote.ok ? 'ok' : quote.error.code).not.toBe('ok');
    } finally {
      await h.close();
    }
  });
});

describe('admin CLI', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loan-admin-'));
  });

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('rejects an invalid OPENID', async () => {
    const result = await admin(dataDir, ['invite', 'bad id!']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not a valid OPENID');
  });

  it('invites nobody when one OPENID is invalid', async () => {
    const result = await admin(dataDir, ['invite', 'good_user_1', 'bad id!']);
    expect(result.code).toBe(1);
    const listed = await admin(dataDir, ['invitations', '--json']);
    const rows = JSON.parse(listed.stdout || '[]') as { openId: string }[];
    expect(rows.map((row) => row.openId)).not.toContain('good_user_1');
  });

  it('rejects an impossible settlement date', async () => {
    const result = await admin(dataDir, ['settlement', '--date', '2026-02-30']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--date');
  });

  it('rejects an unknown partner', async () => {
    const result = await admin(dataDir, ['settlement', '--date', '2026-03-10', '--partner', 'no_such_bank', '--json']);
    expect({ code: result.code, stdout: result.stdout.slice(0, 200) }).toMatchObject({ code: 1 });
  });

  it('exits 2 on an unknown command', async () => {
    const result = await admin(dataDir, ['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage');
  });

  it('rejects an unknown option', async () => {
    const result = await admin(dataDir, ['pool', '--bogus']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bogus');
  });

  it('balances the ledger of a fresh data folder', async () => {
    const result = await admin(dataDir, ['ledger-check', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).balanced).toBe(true);
  });
});

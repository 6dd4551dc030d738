import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loan-admin-'));

function admin(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/admin.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
}

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('admin commands', () => {
  it('invites and revokes pilot users', () => {
    admin('invite', 'user_alpha1', 'user_beta22', '--cohort', 'wave-1');
    admin('revoke', 'user_beta22');
    const rows = JSON.parse(admin('invitations', '--json')) as { openId: string; cohort: string; revokedAt: string | null }[];
    expect(rows.map((row) => row.openId).sort()).toEqual(['user_alpha1', 'user_beta22']);
    expect(rows.find((row) => row.openId === 'user_alpha1')?.revokedAt).toBeNull();
    expect(rows.find((row) => row.openId === 'user_beta22')?.revokedAt).toBeTruthy();
  });

  it('shows partners and a funded pool', () => {
    const partners = JSON.parse(admin('partners', '--json')) as { id: string }[];
    expect(partners.map((partner) => partner.id)).toEqual(['bank_a', 'bank_b']);
    const pool = JSON.parse(admin('pool', '--json')) as { account: string; balanceFen: number }[];
    expect(pool.find((row) => row.account === 'platform_funds')?.balanceFen).toBeGreaterThan(0);
  });

  it('checks the ledger and prints settlement CSV', () => {
    const report = JSON.parse(admin('ledger-check', '--json')) as { balanced: boolean };
    expect(report.balanced).toBe(true);
    const csv = admin('settlement', '--date', '2026-12-01', '--csv');
    expect(csv.split('\n')[0]).toBe(
      'partnerId,businessDate,openingBalanceFen,disbursedFen,principalRepaidFen,closingBalanceFen,interestAccruedFen,interestReceivedFen,penaltyReceivedFen',
    );
    expect(csv).toContain('bank_a,2026-12-01,0,0,0,0,0,0,0');
  });

  it('rejects an invalid OPENID', () => {
    expect(() => admin('invite', 'bad id!')).toThrow();
  });
});

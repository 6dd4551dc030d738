import { describe, expect, it } from 'vitest';
import { TaiwanCreditData } from '../../adapters/credit-data/taiwan-credit-data';
import { loadSandboxRegistry, SandboxRegistry } from '../../adapters/identity/sandbox-registry';

const registry = new SandboxRegistry([
  { name: '王伟', idNumber: '110101199003078035', phone: '13800000001',
    bankCard: '6222020000000000000', photo: 'Paul.jpeg', creditRow: 0 },
  { name: '李娜', idNumber: '11010119900307803X', phone: '13800000002',
    bankCard: '6222020000000000018', photo: 'Chris.jpeg', creditRow: 29_999 },
]);
const provider = new TaiwanCreditData({ registry });

describe('TaiwanCreditData', () => {
  it('reads 30,000 rows with 6,636 defaults', async () => {
    const rows = await provider.rows();
    expect(rows).toHaveLength(30_000);
    expect(rows.filter((row) => row.defaulted)).toHaveLength(6_636);
    expect(rows[0].id).toBe(1);
    expect(rows[29_999].id).toBe(30_000);
  });

  it('maps the first row to its profile', async () => {
    expect(await provider.profileFor('110101199003078035')).toEqual({
      limitBalance: 20_000,
      age: 24,
      education: 2,
      repaymentStatus: [2, 2, -1, -1, -2, -2],
      billAmounts: [3913, 3102, 689, 0, 0, 0],
      paymentAmounts: [0, 689, 0, 0, 0, 0],
    });
  });

  it('never exposes sex or marriage', async () => {
    const profile = await provider.profileFor('11010119900307803X');
    expect(Object.keys(profile!).sort()).toEqual([
      'age', 'billAmounts', 'education', 'limitBalance', 'paymentAmounts', 'repaymentStatus',
    ]);
  });

  it('accepts a lower-case check character', async () => {
    expect(await provider.profileFor('11010119900307803x')).not.toBeNull();
  });

  it('returns null for an unknown ID', async () => {
    expect(await provider.profileFor('110101199001010011')).toBeNull();
  });

  it('returns a copy the caller may change', async () => {
    const profile = await provider.profileFor('110101199003078035');
    profile!.repaymentStatus[0] = 99;
    expect((await provider.profileFor('110101199003078035'))!.repaymentStatus[0]).toBe(2);
  });

  it('gives every sandbox person a profile', async () => {
    const sandbox = loadSandboxRegistry();
    const committed = new TaiwanCreditData({ registry: sandbox });
    for (const person of sandbox.people) {
      expect(await committed.profileFor(person.idNumber), person.idNumber).not.toBeNull();
    }
  });

  it('reports a missing file', async () => {
    const broken = new TaiwanCreditData({ registry, csvPath: '/nonexistent/credit.csv' });
    await expect(broken.profileFor('110101199003078035')).rejects.toThrow(/ENOENT/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountStatus, DrawView } from '../../core/api';
import { USERS, type UserDocument } from '../../services/account/user-document';
import { readPii } from '../../services/privacy/user-pii';
import { acceptedDrawRequest, approvedPeople, createHarness, onboard, type Harness } from '../support/harness';
import type { SandboxPerson } from '../../adapters/identity/sandbox-registry';

let harness: Harness;
let people: SandboxPerson[];

/** Reads the database file and its write-ahead log as raw bytes. */
function databaseBytes(dataDir: string): Buffer {
  const file = path.join(dataDir, 'loans.sqlite');
  const parts = [file, `${file}-wal`].filter((part) => fs.existsSync(part));
  return Buffer.concat(parts.map((part) => fs.readFileSync(part)));
}

beforeAll(async () => {
  harness = await createHarness({ onDisk: true });
  people = (await approvedPeople()).slice(0, 3).map(({ person }) => person);
  for (const [index, person] of people.entries()) {
    await onboard(harness, `pii_user_${index}`, person);
  }
  const request = await acceptedDrawRequest(harness, 'pii_user_0', {
    amountFen: 100_000,
    termMonths: 5,
    idempotencyKey: '6f1c1f0e-8f43-4b7a-9d64-0d8f5d7a1c11',
  });
  await harness.ok<DrawView>('draw', 'pii_user_0', request);
});

afterAll(async () => {
  await harness.close();
});

describe('personal data at rest', () => {
  it('keeps no ID, card, phone or name in plain text', () => {
    const bytes = databaseBytes(harness.dataDir);
    expect(bytes.length).toBeGreaterThan(10_000);
    for (const person of people) {
      for (const value of [person.idNumber, person.bankCard, person.phone, person.name]) {
        expect(bytes.includes(Buffer.from(value, 'utf8')), `${value} found in the database file`).toBe(false);
      }
    }
  });

  it('opens the sealed values for the owner only', async () => {
    const user = await harness.services.store.get<UserDocument>(USERS, 'pii_user_1');
    expect(readPii(harness.services, user)).toEqual({
      name: people[1].name,
      idNumber: people[1].idNumber,
      phone: people[1].phone,
      bankCard: people[1].bankCard,
    });
    const moved = { ...user!, _id: 'pii_user_2' };
    expect(() => readPii(harness.services, moved)).toThrow();
  });

  it('shows masked values in the account status', async () => {
    const status = await harness.ok<AccountStatus>('account', 'pii_user_0', { action: 'status' });
    expect(status.maskedIdNumber).toBe(`${people[0].idNumber.slice(0, 4)}**********${people[0].idNumber.slice(-4)}`);
    expect(status.maskedPhone).toBe(`${people[0].phone.slice(0, 3)}****${people[0].phone.slice(-4)}`);
    expect(status.maskedBankCard).toBe(`**** ${people[0].bankCard.slice(-4)}`);
  });
});

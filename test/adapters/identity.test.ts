import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { SANDBOX_TEST_CARDS } from '../../adapters/bank/test-cards';
import { passesLuhn } from '../../core/validation/bankCard';
import { validateIdCard } from '../../core/validation/idCard';
import { SandboxFourElementsVerifier } from '../../adapters/identity/sandbox-four-elements';
import { loadSandboxRegistry } from '../../adapters/identity/sandbox-registry';
import { makeSandboxPeople } from '../../scripts/make-sandbox-people';

const PEOPLE_FILE = path.resolve(__dirname, '../../adapters/identity/sandbox-people.json');
const registry = loadSandboxRegistry();
const people = registry.people;

describe('sandbox people', () => {
  it('matches a fresh run of the generator', () => {
    expect(makeSandboxPeople()).toEqual(JSON.parse(fs.readFileSync(PEOPLE_FILE, 'utf8')));
  });

  it('gives every failing test card the photo with a second shot', () => {
    const failing = people.filter((person) => person.bankCard.startsWith('6217000'));
    expect(failing.length).toBeGreaterThanOrEqual(20);
    for (const person of failing) expect(person.photo).toBe('Paul.jpeg');
  });

  it('has 300 people in under 150 KB', () => {
    expect(people).toHaveLength(300);
    expect(fs.statSync(PEOPLE_FILE).size).toBeLessThan(150 * 1024);
  });

  it('uses 2 to 4 Han characters per name', () => {
    for (const person of people) expect(person.name).toMatch(/^\p{Script=Han}{2,4}$/u);
  });

  it('has valid unique ID numbers born 1965 to 2004', () => {
    for (const { idNumber } of people) {
      const result = validateIdCard(idNumber);
      expect(result.ok, idNumber).toBe(true);
      if (!result.ok) continue;
      expect(result.birthDate >= '1965-01-01', idNumber).toBe(true);
      expect(result.birthDate <= '2004-12-31', idNumber).toBe(true);
    }
    expect(new Set(people.map((person) => person.idNumber)).size).toBe(300);
  });

  it('has valid unique phones', () => {
    for (const { phone } of people) expect(phone).toMatch(/^1[3-9]\d{9}$/);
    expect(new Set(people.map((person) => person.phone)).size).toBe(300);
  });

  it('has Luhn-valid unique UnionPay cards', () => {
    for (const { bankCard } of people) {
      expect(bankCard).toMatch(/^62(\d{14}|\d{17})$/);
      expect(passesLuhn(bankCard), bankCard).toBe(true);
    }
    expect(new Set(people.map((person) => person.bankCard)).size).toBe(300);
  });

  it('binds each bank test card to one person', () => {
    const cards = people.map((person) => person.bankCard);
    for (const card of Object.values(SANDBOX_TEST_CARDS)) expect(cards).toContain(card);
  });

  it('cycles the four photos on file', () => {
    const photos = ['Paul.jpeg', 'Chris.jpeg', 'Bryan.png', 'Luciano.jpg'];
    people.forEach((person, i) => expect(person.photo).toBe(photos[i % 4]));
    for (const person of people.slice(0, 4)) {
      expect(fs.existsSync(registry.photoPath(person.idNumber)!)).toBe(true);
    }
  });

  it('spreads distinct credit rows over the dataset', () => {
    const rows = people.map((person) => person.creditRow);
    expect(new Set(rows).size).toBe(300);
    expect(Math.min(...rows)).toBeLessThan(100);
    expect(Math.max(...rows)).toBeGreaterThanOrEqual(29_900);
    expect(Math.max(...rows)).toBeLessThan(30_000);
  });
});

describe('SandboxRegistry', () => {
  it('resolves a photo path outside the project', () => {
    const photo = registry.photoPath(people[1].idNumber)!;
    expect(photo).toBe(path.resolve(__dirname, '../../../shared/data/faces/Chris.jpeg'));
  });

  it('returns null for an unknown ID', () => {
    expect(registry.photoPath('110101199001010011')).toBeNull();
    expect(registry.findByIdNumber('110101199001010011')).toBeUndefined();
  });
});

describe('SandboxFourElementsVerifier', () => {
  const verifier = new SandboxFourElementsVerifier(registry);
  const person = people[0];
  const elements = { name: person.name, idNumber: person.idNumber,
    bankCard: person.bankCard, phone: person.phone };

  it('matches all four elements', async () => {
    expect(await verifier.verifyFourElements(elements)).toEqual({ outcome: 'match' });
  });

  it('ignores spacing in phone and card', async () => {
    const spaced = {
      ...elements,
      bankCard: person.bankCard.replace(/(\d{4})(?=\d)/g, '$1 '),
      phone: `+86 ${person.phone.slice(0, 3)}-${person.phone.slice(3, 7)} ${person.phone.slice(7)}`,
    };
    expect(await verifier.verifyFourElements(spaced)).toEqual({ outcome: 'match' });
  });

  it.each([
    ['name', { name: '张三' }],
    ['bankCard', { bankCard: people[1].bankCard }],
    ['phone', { phone: people[1].phone }],
  ] as const)('names the differing %s', async (field, change) => {
    const result = await verifier.verifyFourElements({ ...elements, ...change });
    expect(result).toEqual({ outcome: 'mismatch', field });
  });

  it('reports an unknown ID as an ID mismatch', async () => {
    const unknown = { ...elements, idNumber: '110101199001010011' };
    const result = await verifier.verifyFourElements(unknown);
    expect(result).toEqual({ outcome: 'mismatch', field: 'idNumber' });
  });
});

import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { SANDBOX_TEST_CARDS } from '../../adapters/bank/test-cards';
import { SandboxFourElementsVerifier } from '../../adapters/identity/sandbox-four-elements';
import { loadSandboxRegistry } from '../../adapters/identity/sandbox-registry';
import { makeSandboxPeople } from '../../scripts/make-sandbox-people';

const PEOPLE_FILE = path.resolve(__dirname, '../../adapters/identity/sandbox-people.json');
const registry = loadSandboxRegistry();
const people = registry.people;

function idCheckCharacter(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return '10X98765432'[sum % 11];
}

function isLuhnValid(card: string): boolean {
  const sum = [...card].reverse().reduce((total, character, i) => {
    const digit = Number(character) * (i % 2 === 1 ? 2 : 1);
    return total + (digit > 9 ? digit - 9 : digit);
  }, 0);
  return sum % 10 === 0;
}

describe('sandbox people', () => {
  it('matches a fresh run of the generator', () => {
    expect(makeSandboxPeople()).toEqual(JSON.parse(fs.readFileSync(PEOPLE_FILE, 'utf8')));
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
      expect(idNumber).toMatch(/^[1-9]\d{16}[\dX]$/);
      expect(idNumber[17], idNumber).toBe(idCheckCharacter(idNumber.slice(0, 17)));
      const birth = idNumber.slice(6, 14);
      const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}T00:00:00Z`);
      expect(date.toISOString().slice(0, 10).replace(/-/g, ''), idNumber).toBe(birth);
      expect(Number(birth.slice(0, 4))).toBeGreaterThanOrEqual(1965);
      expect(Number(birth.slice(0, 4))).toBeLessThanOrEqual(2004);
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
      expect(isLuhnValid(bankCard), bankCard).toBe(true);
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
    const result = await verifier.verifyFourElements({ ...elements, idNumber: '110101199001010011' });
    expect(result).toEqual({ outcome: 'mismatch', field: 'idNumber' });
  });
});

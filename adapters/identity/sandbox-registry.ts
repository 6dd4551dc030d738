import * as path from 'path';
import peopleJson from './sandbox-people.json';

/**
 * One synthetic person in the sandbox identity registry: the record a real registry
 * (public security ID records, the card issuer, the mobile carrier, the credit bureau)
 * would hold about them.
 */
export interface SandboxPerson {
  name: string;
  /** 18-character mainland ID number with a valid GB 11643 check character. */
  idNumber: string;
  /** Mainland mobile number, 11 digits, no prefix. */
  phone: string;
  /** UnionPay debit card number, digits only. */
  bankCard: string;
  /** File name of the photo on file, in the shared faces folder. */
  photo: string;
  /** 0-based data row of this person's file in the Taiwan credit-card default dataset. */
  creditRow: number;
}

const REPO_ROOT = path.resolve(__dirname, '../..');
/** Folder of the photos on file, which are read in place and never copied into the project. */
export const SANDBOX_FACES_DIR = path.resolve(REPO_ROOT, '../shared/data/faces');

/** Read-only lookup over the sandbox people, keyed by ID number. */
export class SandboxRegistry {
  private readonly byIdNumber: Map<string, SandboxPerson>;

  constructor(readonly people: readonly SandboxPerson[], readonly facesDir = SANDBOX_FACES_DIR) {
    this.byIdNumber = new Map(people.map((person) => [person.idNumber, person]));
  }

  /** Finds a person by ID number. A lower-case check character `x` is accepted. */
  findByIdNumber(idNumber: string): SandboxPerson | undefined {
    return this.byIdNumber.get(idNumber.trim().toUpperCase());
  }

  /** Returns the absolute path of the person's photo on file, or null for an unknown ID. */
  photoPath(idNumber: string): string | null {
    const person = this.findByIdNumber(idNumber);
    return person ? path.join(this.facesDir, person.photo) : null;
  }
}

let defaultRegistry: SandboxRegistry | undefined;

/** Returns the registry built from the committed `sandbox-people.json`, loaded once. */
export function loadSandboxRegistry(): SandboxRegistry {
  defaultRegistry ??= new SandboxRegistry(peopleJson as SandboxPerson[]);
  return defaultRegistry;
}

import fs from 'node:fs';
import path from 'node:path';
import { SANDBOX_TEST_CARDS } from '../../adapters/bank/test-cards';
import {
  loadSandboxRegistry,
  SANDBOX_FACES_DIR,
  type SandboxPerson,
} from '../../adapters/identity/sandbox-registry';
import { makeSelfie } from './selfie-variants';

/** Genuine second photo of the person in `Paul.jpeg`, taken on another day. */
const PAUL_SECOND_PHOTO = 'Paul2.jpeg';
const TEST_CARDS: readonly string[] = Object.values(SANDBOX_TEST_CARDS);

/**
 * Picks `count` people from the sandbox registry: every person bound to a bank test card
 * first (so the journey reaches failed payouts and failed collections), then the others
 * in registry order. Throws when the registry has fewer people than requested.
 */
export function pickJourneyPeople(count: number): SandboxPerson[] {
  const people = loadSandboxRegistry().people;
  if (count > people.length) {
    throw new RangeError(`--people ${count} exceeds the ${people.length} sandbox people`);
  }
  const withTestCards = people.filter((person) => TEST_CARDS.includes(person.bankCard));
  const others = people.filter((person) => !TEST_CARDS.includes(person.bankCard));
  return [...withTestCards, ...others].slice(0, count);
}

/** Whether the sandbox bank rail fails every collection from this person's card. */
export function hasFailingCollectionCard(person: SandboxPerson): boolean {
  return TEST_CARDS.includes(person.bankCard);
}

/** Reads photos once; every selfie of the journey derives from these few files. */
export class SelfieSource {
  private readonly photos = new Map<string, Buffer>();

  constructor(private readonly facesDir = SANDBOX_FACES_DIR) {}

  /**
   * A genuine selfie of the person: the second photo for the Paul photo on file, else an
   * altered copy (crop, brightness, re-encode) of the photo on file, varied by `seed`.
   */
  genuineSelfie(person: SandboxPerson, seed: number): Buffer {
    if (person.photo === 'Paul.jpeg') return this.photo(PAUL_SECOND_PHOTO);
    return Buffer.from(makeSelfie(this.photo(person.photo), seed));
  }

  /** A photo of someone else: the first photo on file that is not this person's. */
  otherPersonsPhoto(person: SandboxPerson): Buffer {
    const others = ['Chris.jpeg', 'Bryan.png', 'Luciano.jpg', 'Paul.jpeg'];
    return this.photo(others.find((file) => file !== person.photo) as string);
  }

  private photo(file: string): Buffer {
    let bytes = this.photos.get(file);
    if (!bytes) {
      bytes = fs.readFileSync(path.join(this.facesDir, file));
      this.photos.set(file, bytes);
    }
    return bytes;
  }
}

import type { FourElementResult, FourElements, IdentityVerifier } from '../ports/identity';
import { loadSandboxRegistry, type SandboxRegistry } from './sandbox-registry';

/** Removes spaces and dashes, which people type inside phone and card numbers. */
function stripSeparators(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** Removes a +86 or 0086 country prefix after separators are gone. */
function normalisePhone(phone: string): string {
  return stripSeparators(phone).replace(/^(\+86|0086)/, '');
}

/**
 * Bank-card four-element check against the sandbox registry. The result is deterministic:
 * a match when name, ID number, card and phone all equal one registry person, otherwise a
 * mismatch naming the first differing field (ID number for an unknown ID). The production
 * check (`BankCard4EVerification`) reports which field failed in the same way.
 */
export class SandboxFourElementsVerifier implements IdentityVerifier {
  constructor(private readonly registry: SandboxRegistry = loadSandboxRegistry()) {}

  /** Compares the four elements with the registry record for the ID number. */
  async verifyFourElements(elements: FourElements): Promise<FourElementResult> {
    const person = this.registry.findByIdNumber(elements.idNumber);
    if (!person) return { outcome: 'mismatch', field: 'idNumber' };

    if (elements.name.trim() !== person.name) return { outcome: 'mismatch', field: 'name' };
    if (stripSeparators(elements.bankCard) !== person.bankCard) {
      return { outcome: 'mismatch', field: 'bankCard' };
    }
    if (normalisePhone(elements.phone) !== person.phone) {
      return { outcome: 'mismatch', field: 'phone' };
    }
    return { outcome: 'match' };
  }
}

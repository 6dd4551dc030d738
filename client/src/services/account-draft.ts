import type { ConsentKind } from '@core/api';

/**
 * Consents accepted during this account-opening session. They live in memory only: the
 * server records them, with time and version, when the account is opened.
 */
const accepted = new Set<ConsentKind>();

/** Records that the borrower accepted one consent screen. */
export function acceptConsent(kind: ConsentKind): void {
  accepted.add(kind);
}

/** Returns whether every consent in `kinds` has been accepted. */
export function hasAcceptedAll(kinds: readonly ConsentKind[]): boolean {
  return kinds.every((kind) => accepted.has(kind));
}

/** Forgets accepted consents (after sign-out or a finished opening). */
export function clearConsents(): void {
  accepted.clear();
}

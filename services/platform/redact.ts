/**
 * Masks ID-card, bank-card and mobile numbers wherever they appear in text, so that no log
 * line or error message carries one in full. The patterns run on every string a logger
 * writes, not only on fields known to hold such numbers, and accept digits grouped by
 * spaces or dashes the way people type them.
 */

// A digit optionally preceded by one space or dash, as in "138 0013 8000".
const D = '[ -]?[0-9]';

// An 18-character ID number: 17 digits and a digit or X check character.
const ID_NUMBER = new RegExp(`(?<![0-9])([1-9][0-9]{2})(?:${D}){11}((?:${D}){3}[ -]?[0-9Xx])(?![0-9])`, 'g');
// A bank card of 16 to 19 digits from any issuer.
const BANK_CARD = new RegExp(`(?<![0-9])([1-9][0-9]{3})(?:${D}){8,11}((?:${D}){4})(?![0-9])`, 'g');
// A mainland mobile number, with or without +86 / 0086.
const MOBILE = new RegExp(`(?<![0-9])((?:\\+86|0086)?[ -]?1[3-9][0-9])(?:${D}){4}((?:${D}){4})(?![0-9])`, 'g');

/** Returns `text` with every ID, card and mobile number masked, keeping a few edge digits. */
export function redactText(text: string): string {
  return text
    .replace(ID_NUMBER, (_match, head: string, tail: string) => `${head}***********${tail}`)
    .replace(BANK_CARD, (_match, head: string, tail: string) => `${head} **** **** ${tail}`)
    .replace(MOBILE, (_match, head: string, tail: string) => `${head}****${tail}`);
}

/** Deep-copies a log record with every string masked by {@link redactText}. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), code: (value as { code?: unknown }).code };
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactValue(item, depth + 1);
  return copy;
}

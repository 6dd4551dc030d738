import { z } from 'zod';

/** Schema building blocks with messages that state what is wrong and what to send instead. */

export const fenAmount = (what: string) =>
  z
    .number({ error: `${what} must be a number of fen (integer; 1 yuan = 100 fen)` })
    .int({ error: `${what} must be a whole number of fen, without fractions` })
    .positive({ error: `${what} must be greater than zero` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${what} is too large` });

export const termMonths = z.union([z.literal(5), z.literal(10), z.literal(20)], {
  error: 'termMonths must be 5, 10 or 20 (monthly installments)',
});

export const idempotencyKey = z
  .string({ error: 'idempotencyKey must be a string: generate a UUID once per confirmation' })
  .regex(/^[A-Za-z0-9-]{16,64}$/, {
    error: 'idempotencyKey must be 16–64 letters, digits or dashes, such as a UUID',
  });

export const documentId = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .regex(/^[A-Za-z0-9_:-]{1,80}$/, { error: `${what} is not a valid id` });

export const shortText = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} is missing` })
    .max(max, { error: `${what} must be at most ${max} characters` });

/** Digest of the accepted loan agreement: 64 lowercase hex digits. */
export const agreementDigest = z
  .string({ error: "agreementDigest must be a string: send the quote's agreement.digest once the borrower accepts it" })
  .regex(/^[0-9a-f]{64}$/, {
    error: "agreementDigest must be 64 lowercase hex digits: send the quote's agreement.digest unchanged",
  });

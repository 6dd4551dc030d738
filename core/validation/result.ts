/** Fields of the account-opening form. */
export type AccountField = 'name' | 'idNumber' | 'cardNumber' | 'phone';

/**
 * A problem with one form field: a stable English `code` for programs and a Chinese
 * `message` that tells the borrower what is wrong and what to do.
 */
export interface FieldIssue {
  field: AccountField;
  code: string;
  message: string;
}

/** Outcome of checking one field: the normalised value, or the reason it was rejected. */
export type FieldResult<T extends object = { value: string }> =
  | ({ ok: true; warnings: FieldIssue[] } & T)
  | ({ ok: false } & FieldIssue);

/** Builds a rejected FieldResult. */
export function rejectField(field: AccountField, code: string, message: string) {
  return { ok: false as const, field, code, message };
}

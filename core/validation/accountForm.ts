import { validateBankCard } from './bankCard';
import { validateIdCard, type IdCardOptions } from './idCard';
import { validateName } from './name';
import { validatePhone } from './phone';
import type { FieldIssue } from './result';

/** The account-opening form as typed by the borrower. */
export interface AccountForm {
  name: string;
  idNumber: string;
  cardNumber: string;
  phone: string;
}

/** Outcome of checking the whole form: normalised values when every field is valid. */
export interface AccountFormResult {
  ok: boolean;
  /** Normalised values; present only when ok. */
  values?: AccountForm & { birthDate: string };
  /** One issue per rejected field, in form order. */
  errors: FieldIssue[];
  /** Issues that do not block, such as a card number failing the Luhn check. */
  warnings: FieldIssue[];
}

/** Validates every field of the account-opening form and collects all issues at once. */
export function validateAccountForm(
  form: AccountForm,
  options: IdCardOptions = {},
): AccountFormResult {
  const name = validateName(form.name);
  const idNumber = validateIdCard(form.idNumber, options);
  const cardNumber = validateBankCard(form.cardNumber);
  const phone = validatePhone(form.phone);

  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  for (const result of [name, idNumber, cardNumber, phone]) {
    if (result.ok) warnings.push(...result.warnings);
    else errors.push({ field: result.field, code: result.code, message: result.message });
  }
  if (!name.ok || !idNumber.ok || !cardNumber.ok || !phone.ok) {
    return { ok: false, errors, warnings };
  }

  const values = {
    name: name.value,
    idNumber: idNumber.value,
    cardNumber: cardNumber.value,
    phone: phone.value,
    birthDate: idNumber.birthDate,
  };
  return { ok: true, values, errors, warnings };
}

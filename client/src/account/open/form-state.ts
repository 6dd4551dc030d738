import { useState } from 'react';
import {
  validateBankCard,
  validateIdCard,
  validateName,
  validatePhone,
  type FieldResult,
} from '@core/validation';

/** Fields of the account-opening form as the borrower types them. */
export interface OpenForm {
  name: string;
  idNumber: string;
  cardNumber: string;
  phone: string;
  code: string;
}

export type OpenFormField = keyof OpenForm;
export type FieldMessages = Partial<Record<OpenFormField, string>>;

const EMPTY_FORM: OpenForm = { name: '', idNumber: '', cardNumber: '', phone: '', code: '' };

/** The core validator of each field: the same rules the server applies. */
const VALIDATORS: Partial<Record<OpenFormField, (input: string) => FieldResult>> = {
  name: validateName,
  idNumber: (input) => validateIdCard(input),
  cardNumber: validateBankCard,
  phone: validatePhone,
};

/**
 * Prompts for an empty field. The core validators would report the format rule instead,
 * which reads as if the borrower had typed something wrong.
 */
const EMPTY_FIELD_MESSAGES: Record<Exclude<OpenFormField, 'code'>, string> = {
  name: '请输入姓名。',
  idNumber: '请输入身份证号码。',
  cardNumber: '请输入银行卡号。',
  phone: '请输入手机号码。',
};

/**
 * The server accepts only a 6-digit SMS code and rejects others with an English schema
 * message, so the form checks the code before sending it.
 */
const SMS_CODE = /^\d{6}$/;

function checkSmsCode(value: string): string | undefined {
  const code = value.trim();
  if (code === '') return '请输入短信验证码。';
  if (!SMS_CODE.test(code)) return '短信验证码应为 6 位数字，请核对短信后重新输入。';
  return undefined;
}

/** Checks one field; returns its error message, its warning, or neither. */
export function checkField(field: OpenFormField, value: string) {
  if (field === 'code') return { error: checkSmsCode(value) };
  if (value.trim() === '') return { error: EMPTY_FIELD_MESSAGES[field] };
  const result = VALIDATORS[field]!(value);
  if (!result.ok) return { error: result.message };
  return { warning: result.warnings[0]?.message };
}

/** Form values with per-field errors and warnings, checked on blur and on submit. */
export function useOpenForm() {
  const [values, setValues] = useState<OpenForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [warnings, setWarnings] = useState<FieldMessages>({});

  const change = (field: OpenFormField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const blur = (field: OpenFormField) => {
    if (values[field] === '') return;
    const { error, warning } = checkField(field, values[field]);
    setErrors((current) => ({ ...current, [field]: error }));
    setWarnings((current) => ({ ...current, [field]: warning }));
  };

  /** Checks every field; returns true when all pass. */
  const checkAll = (): boolean => {
    const nextErrors: FieldMessages = {};
    const nextWarnings: FieldMessages = {};
    for (const field of Object.keys(EMPTY_FORM) as OpenFormField[]) {
      const { error, warning } = checkField(field, values[field]);
      nextErrors[field] = error;
      nextWarnings[field] = warning;
    }
    setErrors(nextErrors);
    setWarnings(nextWarnings);
    return Object.values(nextErrors).every((message) => message === undefined);
  };

  const setFieldError = (field: OpenFormField, message: string) =>
    setErrors((current) => ({ ...current, [field]: message }));

  return { values, errors, warnings, change, blur, checkAll, setFieldError };
}

/** Normalised value of a field as the core validator returns it (e.g. "+86" stripped). */
export function normalised(field: Exclude<OpenFormField, 'code'>, value: string): string {
  const result = VALIDATORS[field]!(value);
  return result.ok ? result.value : value;
}

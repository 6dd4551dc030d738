import { rejectField, type FieldResult } from './result';

/**
 * Validates a debit card number: spaces removed, then 16 to 19 digits (UnionPay lengths).
 * A failed Luhn check is returned as a warning that asks the borrower to re-check the
 * number. It does not reject the card, because some genuine UnionPay numbers fail it.
 */
export function validateBankCard(input: string): FieldResult {
  const value = String(input ?? '').replace(/\s+/g, '');
  if (!/^\d{16,19}$/.test(value)) {
    return rejectField(
      'cardNumber',
      'CARD_FORMAT',
      '银行卡号应为16至19位数字。请核对卡面上的卡号后重新输入。',
    );
  }
  const warnings = passesLuhn(value)
    ? []
    : [
        {
          field: 'cardNumber' as const,
          code: 'CARD_LUHN',
          message: '银行卡号的校验位未通过，可能有数字输错。请再核对一遍；如确认无误可继续。',
        },
      ];
  return { ok: true, value, warnings };
}

/** Returns true when a digit string passes the Luhn (mod 10) check. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

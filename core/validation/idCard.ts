import { businessDate, isValidDate } from '../dates';
import { rejectField, type FieldResult } from './result';

/** GB 11643 weights of the first 17 digits; the check character is CHECK_CHARACTERS[sum % 11]. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Options for `validateIdCard`. */
export interface IdCardOptions {
  /** Business date used to reject future birth dates; default today in Asia/Shanghai. */
  today?: string;
}

/**
 * Validates a mainland second-generation resident ID number (GB 11643). It must have 18
 * characters (17 digits, then a digit or X), a region code not starting with 0, a real
 * birth date from 1900-01-01 to today (leap years included) and a correct mod-11 check
 * character. Lower-case x is normalised to X. 15-digit first-generation numbers are
 * rejected because those cards stopped being valid on 2013-01-01.
 */
export function validateIdCard(
  input: string,
  options: IdCardOptions = {},
): FieldResult<{ value: string; birthDate: string }> {
  const value = String(input ?? '').trim().toUpperCase();
  if (/^\d{15}$/.test(value)) {
    return rejectField(
      'idNumber',
      'ID_FIRST_GENERATION',
      '这是15位的第一代身份证号码，第一代身份证已于2013年1月1日停止使用。请输入18位的第二代身份证号码。',
    );
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return rejectField(
      'idNumber',
      'ID_FORMAT',
      '身份证号码应为18位：前17位是数字，最后一位是数字或X。请核对后重新输入。',
    );
  }
  if (value[0] === '0') {
    return rejectField('idNumber', 'ID_REGION', '身份证号码的地区码不正确（不能以0开头）。请核对后重新输入。');
  }

  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const today = options.today ?? businessDate(new Date());
  if (!isValidDate(birthDate) || birthDate < EARLIEST_BIRTH_DATE || birthDate > today) {
    return rejectField(
      'idNumber',
      'ID_BIRTH_DATE',
      `身份证号码中的出生日期（第7至14位）${value.slice(6, 14)}不是有效日期。请核对后重新输入。`,
    );
  }
  if (checkCharacter(value) !== value[17]) {
    return rejectField(
      'idNumber',
      'ID_CHECK_DIGIT',
      '身份证号码的最后一位校验码不正确，可能有数字输错。请对照身份证逐位核对。',
    );
  }
  return { ok: true, value, birthDate, warnings: [] };
}

/** Returns the GB 11643 check character for the first 17 digits of an ID number. */
export function checkCharacter(idNumber: string): string {
  const sum = WEIGHTS.reduce((total, weight, i) => total + weight * Number(idNumber[i]), 0);
  return CHECK_CHARACTERS[sum % 11];
}

import { rejectField, type FieldResult } from './result';

/**
 * Validates a mainland mobile number: spaces and dashes removed, a +86 or 0086 prefix
 * stripped, then 1, a digit from 3 to 9, and 9 more digits.
 */
export function validatePhone(input: string): FieldResult {
  const compact = String(input ?? '').replace(/[\s-]+/g, '');
  const value = compact.replace(/^(?:\+86|0086)/, '');
  if (!/^1[3-9]\d{9}$/.test(value)) {
    return rejectField(
      'phone',
      'PHONE_FORMAT',
      '手机号码应为11位、以13至19开头的中国大陆号码。请核对后重新输入。',
    );
  }
  return { ok: true, value, warnings: [] };
}

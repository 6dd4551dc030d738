import { rejectField, type FieldResult } from './result';

/** The middle dot used between parts of minority names (U+00B7). */
const MIDDLE_DOT = '·';
/** Dots that phones often insert in its place, normalised to U+00B7. */
const DOT_VARIANTS = /[•・‧∙･]/g;
const HAN_NAME = /^\p{Script=Han}+(?:·\p{Script=Han}+)*$/u;

/**
 * Validates a real name as printed on a second-generation ID card: 2 to 15 Chinese (Han)
 * characters, optionally in parts joined by the middle dot "·" used in minority names
 * (for example 买买提·艾力). Surrounding spaces are removed and dot variants are
 * normalised to "·". Digits, Latin letters and other symbols are rejected, because the
 * name must match the ID card exactly for verification.
 */
export function validateName(input: string): FieldResult {
  const value = String(input ?? '').trim().replace(DOT_VARIANTS, MIDDLE_DOT);
  const hanCount = [...value].filter((ch) => ch !== MIDDLE_DOT).length;
  if (!HAN_NAME.test(value)) {
    return rejectField(
      'name',
      'NAME_CHARACTERS',
      '姓名只能包含汉字，少数民族姓名可用间隔号“·”分隔。请按身份证上的姓名填写。',
    );
  }
  if (hanCount < 2 || hanCount > 15) {
    return rejectField(
      'name',
      'NAME_LENGTH',
      '姓名应为2至15个汉字（不含间隔号）。请按身份证上的姓名填写。',
    );
  }
  return { ok: true, value, warnings: [] };
}

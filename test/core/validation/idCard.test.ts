import { describe, expect, it } from 'vitest';
import { checkCharacter, validateIdCard } from '../../../core/validation';

const today = '2026-12-05';

describe('validateIdCard', () => {
  it('accepts X as the check character', () => {
    const result = validateIdCard('11010119900307803X', { today });
    expect(result).toEqual({
      ok: true,
      value: '11010119900307803X',
      birthDate: '1990-03-07',
      warnings: [],
    });
  });

  it('normalises a lower-case x', () => {
    const result = validateIdCard(' 11010119900307803x ', { today });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toBe('11010119900307803X');
  });

  it.each([
    ['11010119901015001X', true, undefined],
    ['110101199002300014', false, 'ID_BIRTH_DATE'], // 30 February
    ['110101190002290011', false, 'ID_BIRTH_DATE'], // 1900 is not a leap year
    ['110101200002290018', true, undefined], // 2000 is a leap year
  ])('checks the birth date of %s', (idNumber, ok, code) => {
    const result = validateIdCard(idNumber, { today });
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.code).toBe(code);
  });

  it('rejects junk', () => {
    const result = validateIdCard('abcdefghijklmno', { today });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('ID_FORMAT');
  });

  it('rejects first-generation numbers with the reason', () => {
    const result = validateIdCard('110101900307803', { today });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('ID_FIRST_GENERATION');
      expect(result.field).toBe('idNumber');
      expect(result.message).toContain('第一代身份证已于2013年1月1日停止使用');
    }
  });

  it('rejects a wrong check character', () => {
    const result = validateIdCard('110101199003078030', { today });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('ID_CHECK_DIGIT');
  });

  it('rejects birth dates in the future or before 1900', () => {
    const future = '110101202701010000';
    const tooOld = '110101189912310000';
    const withCheck = (id: string) => id.slice(0, 17) + checkCharacter(id);
    const futureResult = validateIdCard(withCheck(future), { today });
    const oldResult = validateIdCard(withCheck(tooOld), { today });
    expect(futureResult.ok).toBe(false);
    expect(oldResult.ok).toBe(false);
    if (!futureResult.ok) expect(futureResult.code).toBe('ID_BIRTH_DATE');
    if (!oldResult.ok) expect(oldResult.code).toBe('ID_BIRTH_DATE');
  });

  it('accepts a birth date of today', () => {
    const id = '11010120261205001';
    expect(validateIdCard(id + checkCharacter(id), { today }).ok).toBe(true);
  });

  it('rejects a region code starting with 0', () => {
    const id = '01010119900307803';
    const result = validateIdCard(id + checkCharacter(id), { today });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe('ID_REGION');
  });

  it.each(['11010119900307803', '1101011990030780312', '11010119900307803Y', ''])(
    'rejects %j by format',
    (idNumber) => {
      const result = validateIdCard(idNumber, { today });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.code).toBe('ID_FORMAT');
    },
  );
});

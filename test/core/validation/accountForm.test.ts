import { describe, expect, it } from 'vitest';
import {
  maskCardNumber,
  maskIdNumber,
  maskName,
  maskPhone,
  validateAccountForm,
} from '../../../core/validation';

describe('validateAccountForm', () => {
  it('returns normalised values for a valid form', () => {
    const result = validateAccountForm(
      {
        name: '张三',
        idNumber: '11010119900307803x',
        cardNumber: '6240 0086 3140 1148',
        phone: '+86 165-6560-0001',
      },
      { today: '2026-12-05' },
    );
    expect(result).toEqual({
      ok: true,
      values: {
        name: '张三',
        idNumber: '11010119900307803X',
        cardNumber: '6240008631401148',
        phone: '16565600001',
        birthDate: '1990-03-07',
      },
      errors: [],
      warnings: [],
    });
  });

  it('reports every invalid field at once', () => {
    const result = validateAccountForm(
      { name: 'Tom', idNumber: '110101900307803', cardNumber: '123', phone: '12345678901' },
      { today: '2026-12-05' },
    );
    expect(result.ok).toBe(false);
    expect(result.values).toBeUndefined();
    expect(result.errors.map((issue) => [issue.field, issue.code])).toEqual([
      ['name', 'NAME_CHARACTERS'],
      ['idNumber', 'ID_FIRST_GENERATION'],
      ['cardNumber', 'CARD_FORMAT'],
      ['phone', 'PHONE_FORMAT'],
    ]);
  });

  it('passes a Luhn warning through without blocking', () => {
    const form = {
      name: '张三',
      idNumber: '11010119900307803X',
      cardNumber: '6240008631401149',
      phone: '13800138000',
    };
    const result = validateAccountForm(form, { today: '2026-12-05' });
    expect(result.ok).toBe(true);
    expect(result.warnings.map((issue) => issue.code)).toEqual(['CARD_LUHN']);
  });
});

describe('masks', () => {
  it('keeps the first 4 and last 4 of an ID number', () => {
    expect(maskIdNumber('11010119900307803X')).toBe('1101**********803X');
  });

  it('keeps the first 3 and last 4 of a phone number', () => {
    expect(maskPhone('13800000000')).toBe('138****0000');
  });

  it('keeps the last 4 of a card number', () => {
    expect(maskCardNumber('6240 0086 3140 1148')).toBe('**** 1148');
    expect(maskCardNumber('123')).toBe('***');
  });

  it('keeps the first character of a name and its dots', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('买买提·艾力')).toBe('买**·**');
  });

  it('hides short values entirely', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
  });
});

import { describe, expect, it } from 'vitest';
import {
  passesLuhn,
  validateBankCard,
  validateName,
  validatePhone,
} from '../../../core/validation';

describe('validateBankCard', () => {
  it.each(['6283875070985593', '6240008631401148'])('accepts UnionPay card %s', (card) => {
    expect(passesLuhn(card)).toBe(true);
    expect(validateBankCard(card)).toEqual({ ok: true, value: card, warnings: [] });
  });

  it('strips spaces', () => {
    const result = validateBankCard('6240 0086 3140 1148');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toBe('6240008631401148');
  });

  it('warns but accepts on a Luhn failure', () => {
    const result = validateBankCard('6240008631401149');
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0].code).toBe('CARD_LUHN');
      expect(result.warnings[0].field).toBe('cardNumber');
    }
  });

  it.each(['624000863140114', '62400086314011481234', '6240-0086-3140-1148', 'abcd', ''])(
    'rejects %j',
    (card) => {
      const result = validateBankCard(card);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.code).toBe('CARD_FORMAT');
    },
  );

  it('accepts 19 digits', () => {
    expect(validateBankCard('6217000010012345678').ok).toBe(true);
  });
});

describe('validatePhone', () => {
  it.each([
    ['16212345678', '16212345678'],
    ['16565600001', '16565600001'],
    ['19112185239', '19112185239'],
    ['19203868088', '19203868088'],
    ['19512345678', '19512345678'],
    ['+8616565600001', '16565600001'],
    ['008616565600001', '16565600001'],
    ['138 0013-8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
  ])('accepts %s as %s', (input, value) => {
    expect(validatePhone(input)).toEqual({ ok: true, value, warnings: [] });
  });

  it.each(['12345678901', '10012345678', '1341234567', '+8512345678901', '861380013800', ''])(
    'rejects %j',
    (input) => {
      const result = validatePhone(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.code).toBe('PHONE_FORMAT');
    },
  );
});

describe('validateName', () => {
  it.each([
    ['张三', '张三'],
    ['欧阳娜娜', '欧阳娜娜'],
    [' 李四 ', '李四'],
    ['买买提·艾力', '买买提·艾力'],
    ['买买提•艾力', '买买提·艾力'],
    ['阿卜杜热西提·阿卜杜热合曼', '阿卜杜热西提·阿卜杜热合曼'],
  ])('accepts %s', (input, value) => {
    expect(validateName(input)).toEqual({ ok: true, value, warnings: [] });
  });

  it.each([
    ['张', 'NAME_LENGTH'],
    ['一二三四五六七八九十一二三四五六', 'NAME_LENGTH'],
    ['Zhang San', 'NAME_CHARACTERS'],
    ['张3', 'NAME_CHARACTERS'],
    ['·张三', 'NAME_CHARACTERS'],
    ['张三·', 'NAME_CHARACTERS'],
    ['买买提··艾力', 'NAME_CHARACTERS'],
    ['张 三', 'NAME_CHARACTERS'],
    ['', 'NAME_CHARACTERS'],
  ])('rejects %j with %s', (input, code) => {
    const result = validateName(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe(code);
  });
});

import { describe, expect, it } from 'vitest';
import { redactText, redactValue } from '../../services/platform/redact';

describe('redactText', () => {
  it.each([
    ['an ID number', 'id 11010119900307803X ok', '11010119900307803X'],
    ['an ID number with a lower-case x', 'id 11010119900307803x', '11010119900307803x'],
    ['a UnionPay card', 'card 6240008631401148', '6240008631401148'],
    ['a grouped card', 'card 6240 0086 3140 1148', '6240 0086 3140 1148'],
    ['a 19-digit card', 'card 6228482272846313255', '6228482272846313255'],
    ['a mobile number', 'phone 13087354852', '13087354852'],
    ['a prefixed mobile number', 'phone +8613087354852', '13087354852'],
  ])('masks %s', (_case, text, secret) => {
    expect(redactText(text)).not.toContain(secret);
  });

  it('keeps edge digits for recognition', () => {
    expect(redactText('13087354852')).toBe('130****4852');
    expect(redactText('11010119900307803X')).toBe('110***********803X');
  });

  it('leaves short numbers alone', () => {
    expect(redactText('amount 100000 fen on 2026-03-10')).toBe('amount 100000 fen on 2026-03-10');
  });

  it('masks nested log fields', () => {
    const record = redactValue({ user: { phone: '13087354852', cards: ['6240008631401148'] } });
    expect(JSON.stringify(record)).not.toContain('13087354852');
    expect(JSON.stringify(record)).not.toContain('6240008631401148');
  });
});

import { describe, expect, it } from 'vitest';
import { validateBankCard } from '../../core/validation/bankCard';
import { validatePhone } from '../../core/validation/phone';
import { redactText } from '../../services/platform/redact';

// Every value below is accepted by the account form's validation, so it can reach a log line.
const CARDS = ['4367421234567890', '5187101234567890123'];
const PHONES = ['138 0013 8000', '138-0013-8000'];

describe('log masking', () => {
  it.each(CARDS)('masks card number %s', (card) => {
    expect(validateBankCard(card).ok).toBe(true);
    expect(redactText(`card ${card}`)).not.toContain(card);
  });

  it.each(PHONES)('masks phone number %s', (phone) => {
    expect(validatePhone(phone).ok).toBe(true);
    expect(redactText(`phone ${phone}`).replace(/\D/g, '')).not.toContain('13800138000');
  });
});

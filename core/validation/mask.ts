/**
 * Masks for showing and logging personal data. The mask length follows the input
 * length, and the kept parts are only those a borrower needs to recognise the value.
 */

/** Masks an ID number, keeping the first 4 and last 4 characters: 1101**********803X. */
export function maskIdNumber(idNumber: string): string {
  return maskMiddle(idNumber, 4, 4);
}

/** Masks a mobile number, keeping the first 3 and last 4 digits: 138****0000. */
export function maskPhone(phone: string): string {
  return maskMiddle(phone, 3, 4);
}

/** Masks a card number, keeping the last 4 digits: **** 1148. */
export function maskCardNumber(cardNumber: string): string {
  const digits = cardNumber.replace(/\s+/g, '');
  return digits.length <= 4 ? '*'.repeat(digits.length) : `**** ${digits.slice(-4)}`;
}

/** Masks a name, keeping the first character and any middle dots: 张*, 买**·**. */
export function maskName(name: string): string {
  const characters = [...name];
  return characters.map((ch, i) => (i === 0 || ch === '·' ? ch : '*')).join('');
}

function maskMiddle(text: string, keepStart: number, keepEnd: number): string {
  const characters = [...text];
  if (characters.length <= keepStart + keepEnd) return '*'.repeat(characters.length);
  const hidden = characters.length - keepStart - keepEnd;
  const start = characters.slice(0, keepStart).join('');
  const end = characters.slice(-keepEnd).join('');
  return start + '*'.repeat(hidden) + end;
}

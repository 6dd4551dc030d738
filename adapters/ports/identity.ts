/**
 * Bank-card four-element check: name, ID number, card and phone verified together, shaped
 * like Tencent Cloud FaceID `BankCard4EVerification` so a production adapter maps 1:1.
 */
export interface FourElements {
  name: string;
  idNumber: string;
  bankCard: string;
  phone: string;
}

export type FourElementResult =
  | { outcome: 'match' }
  | { outcome: 'mismatch'; field?: 'name' | 'idNumber' | 'bankCard' | 'phone' }
  | { outcome: 'unavailable'; reason: string };

export interface IdentityVerifier {
  verifyFourElements(elements: FourElements): Promise<FourElementResult>;
}

/** Name and ID number checked against the public-security registry. */
export type IdCardResult =
  | { outcome: 'match' }
  | { outcome: 'mismatch' }
  | { outcome: 'invalid_input'; field: 'name' | 'idNumber' }
  | { outcome: 'no_record' }
  | { outcome: 'unavailable'; reason: string };

export interface IdCardVerifier {
  verifyIdCard(name: string, idNumber: string): Promise<IdCardResult>;
}

import type {
  FourElementResult,
  FourElements,
  IdCardResult,
  IdCardVerifier,
  IdentityVerifier,
} from '../ports/identity';
import { BANK_CARD_4E_RESULTS, ID_CARD_RESULTS } from './faceid-result-codes';
import { tencentErrorCode, type FaceIdApi } from './faceid-client';
import { mapApiError, mapCode, type ProviderCode } from './provider-codes';

const MISMATCH_FIELD: Partial<Record<ProviderCode, 'name' | 'idNumber' | 'bankCard' | 'phone'>> = {
  NAME_INVALID: 'name',
  ID_NUMBER_INVALID: 'idNumber',
  CARD_INVALID: 'bankCard',
  CARD_RESTRICTED: 'bankCard',
  PHONE_INVALID: 'phone',
};

/** Builds the `BankCard4EVerification` request; CertType 0 is the mainland ID card. */
export function bankCard4ERequest(elements: FourElements) {
  return {
    Name: elements.name.trim(),
    IdCard: elements.idNumber.trim().toUpperCase(),
    BankCard: elements.bankCard.replace(/[\s-]/g, ''),
    Phone: elements.phone.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, ''),
    CertType: 0,
  };
}

/** Maps a `BankCard4EVerification` result code to a four-element result. */
export function mapBankCard4EResult(result: string): FourElementResult {
  const mapped = mapCode(BANK_CARD_4E_RESULTS, result);
  if (mapped.code === 'MATCH') return { outcome: 'match' };
  if (mapped.code === 'MISMATCH') return { outcome: 'mismatch' };
  const field = MISMATCH_FIELD[mapped.code];
  if (field) return { outcome: 'mismatch', field };
  return { outcome: 'unavailable', reason: `${mapped.code} (BankCard4EVerification ${result})` };
}

/** Maps an `IdCardVerification` result code to an ID-card result. */
export function mapIdCardResult(result: string): IdCardResult {
  const mapped = mapCode(ID_CARD_RESULTS, result);
  switch (mapped.code) {
    case 'MATCH':
      return { outcome: 'match' };
    case 'MISMATCH':
      return { outcome: 'mismatch' };
    case 'NAME_INVALID':
      return { outcome: 'invalid_input', field: 'name' };
    case 'ID_NUMBER_INVALID':
      return { outcome: 'invalid_input', field: 'idNumber' };
    case 'NO_RECORD':
      return { outcome: 'no_record' };
    default:
      return { outcome: 'unavailable', reason: `${mapped.code} (IdCardVerification ${result})` };
  }
}

/**
 * Four-element and ID-card checks on Tencent Cloud FaceID. An API error (bad credentials,
 * throttling, outage) becomes `unavailable` with our stable code and the provider's code,
 * never a thrown error, so account opening can tell the borrower to retry later.
 */
export class TencentIdentityVerifier implements IdentityVerifier, IdCardVerifier {
  constructor(private readonly client: FaceIdApi) {}

  async verifyFourElements(elements: FourElements): Promise<FourElementResult> {
    try {
      const response = await this.client.BankCard4EVerification(bankCard4ERequest(elements));
      return mapBankCard4EResult(response.Result ?? '');
    } catch (error) {
      return unavailable(error, 'BankCard4EVerification');
    }
  }

  async verifyIdCard(name: string, idNumber: string): Promise<IdCardResult> {
    try {
      const response = await this.client.IdCardVerification({
        Name: name.trim(),
        IdCard: idNumber.trim().toUpperCase(),
      });
      return mapIdCardResult(response.Result ?? '');
    } catch (error) {
      return unavailable(error, 'IdCardVerification');
    }
  }
}

function unavailable(error: unknown, call: string): { outcome: 'unavailable'; reason: string } {
  const providerCode = tencentErrorCode(error);
  if (!providerCode) throw error;
  return { outcome: 'unavailable', reason: `${mapApiError(providerCode).code} (${call} ${providerCode})` };
}

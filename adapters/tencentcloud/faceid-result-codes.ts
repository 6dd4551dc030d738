import type { ProviderCode } from './provider-codes';

/**
 * FaceID `IdCardVerification` `Result` (tencentcloud-sdk-nodejs 4.1, faceid v20180301):
 * 0 and -1 are charged, the rest are not.
 */
export const ID_CARD_RESULTS: Readonly<Record<string, ProviderCode>> = {
  '0': 'MATCH',
  '-1': 'MISMATCH',
  '-2': 'ID_NUMBER_INVALID',
  '-3': 'NAME_INVALID',
  '-4': 'PROVIDER_UNAVAILABLE',
  '-5': 'NO_RECORD',
  '-6': 'PROVIDER_UNAVAILABLE',
  '-7': 'RATE_LIMITED',
};

/** FaceID `BankCard4EVerification` `Result`, same SDK version. */
export const BANK_CARD_4E_RESULTS: Readonly<Record<string, ProviderCode>> = {
  '0': 'MATCH',
  '-1': 'MISMATCH',
  '-2': 'NAME_INVALID',
  '-3': 'ID_NUMBER_INVALID',
  '-4': 'CARD_INVALID',
  '-5': 'PHONE_INVALID',
  '-6': 'MISMATCH',
  '-7': 'CARD_RESTRICTED',
  '-8': 'CARD_RESTRICTED',
  '-9': 'CARD_INVALID',
  '-10': 'CARD_INVALID',
  '-11': 'CARD_RESTRICTED',
  '-12': 'CARD_RESTRICTED',
  '-13': 'CARD_RESTRICTED',
  '-14': 'CARD_RESTRICTED',
  '-15': 'CARD_RESTRICTED',
  '-16': 'CARD_RESTRICTED',
  '-17': 'CARD_RESTRICTED',
  '-18': 'PROVIDER_UNAVAILABLE',
  '-19': 'RATE_LIMITED',
  '-20': 'ID_NUMBER_INVALID',
  '-21': 'CARD_RESTRICTED',
};

/**
 * FaceID `ImageRecognitionV2` `Result` values. `Success` means the comparison ran, and
 * `Sim` then decides. NOTE: the SDK lists no failure names, and these are not yet checked
 * against FaceID's error-code page. An unlisted value maps to PROVIDER_UNAVAILABLE and
 * keeps its provider code in the record.
 */
export const IMAGE_RECOGNITION_RESULTS: Readonly<Record<string, ProviderCode>> = {
  Success: 'MATCH',
  'FailedOperation.CompareLowSimilarity': 'FACE_NOT_MATCHED',
  'FailedOperation.ImageNoFace': 'FACE_NOT_FOUND',
  'FailedOperation.ImageDecodeFailed': 'IMAGE_INVALID',
  'FailedOperation.ImageSizeTooLarge': 'IMAGE_INVALID',
  'FailedOperation.ImageBlur': 'IMAGE_INVALID',
  'FailedOperation.IdNameMisMatch': 'MISMATCH',
  'FailedOperation.IdNoExistSystem': 'NO_RECORD',
  'FailedOperation.IdPhotoNoExist': 'NO_RECORD',
  'FailedOperation.IdFormatError': 'ID_NUMBER_INVALID',
  'FailedOperation.NameFormatError': 'NAME_INVALID',
};

/** `Sim` at or above which FaceID calls two faces the same person (fixed by the service). */
export const FACEID_SAME_PERSON_SIM = 70;

import { CONSENT_VERSIONS, type FaceVerifyResult } from '../core/api';
import type { SandboxPerson } from '../adapters/identity/sandbox-registry';
import type { JourneyClient } from '../scripts/lib/journey-http';
import type { SelfieSource } from '../scripts/lib/journey-people';

/** Genuine selfies tried before the setup gives up on a person. */
const SELFIE_TRIES = 3;

/**
 * Signs a person in, opens the account with the SMS code from the sandbox inbox and passes
 * the face check, leaving the account at `face_verified`. Throws when any step fails.
 */
export async function onboardToFaceVerified(
  client: JourneyClient,
  person: SandboxPerson,
  selfies: SelfieSource,
  selfieSeed: number,
): Promise<void> {
  await client.signIn();
  await client.callOk('account', { action: 'sendCode', phone: person.phone });
  const inbox = await client.getJson<{ messages: { templateId: string; params: string[] }[] }>(
    `/api/sandbox/inbox?phone=${person.phone}`,
  );
  const codes = inbox.messages.filter((message) => message.templateId === 'verification_code');
  if (codes.length === 0) throw new Error(`no verification code sent to ${person.phone}`);
  await client.callOk('account', {
    action: 'open',
    name: person.name,
    idNumber: person.idNumber,
    bankCard: person.bankCard,
    phone: person.phone,
    code: codes[codes.length - 1].params[0],
    consents: { ...CONSENT_VERSIONS },
  });
  for (let attempt = 0; attempt < SELFIE_TRIES; attempt++) {
    const selfie = selfies.genuineSelfie(person, selfieSeed + attempt);
    const result = await client.callOk<FaceVerifyResult>('faceVerify', {
      action: 'verify',
      selfieBase64: selfie.toString('base64'),
    });
    if (result.passed) return;
  }
  throw new Error(`no genuine selfie of person ${person.phone.slice(-4)} passed the face check`);
}

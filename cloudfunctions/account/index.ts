import { z } from 'zod';
import { CONSENT_VERSIONS } from '../../core/api';
import { accountStatus } from '../../services/account/account-status';
import { openAccount } from '../../services/account/open-account';
import { sendCode } from '../../services/account/sms-code';
import { validatePhone } from '../../core/validation/phone';
import { LoanError } from '../../core/errors';
import { defineFunction } from '../../services/platform/handler';
import { shortText } from '../../services/platform/schemas';

const consentVersion = z.string({ error: 'each consent must be the accepted version string' }).max(32);

const input = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ action: z.literal('status') }),
    z.strictObject({ action: z.literal('sendCode'), phone: shortText('phone', 20) }),
    z.strictObject({
      action: z.literal('open'),
      name: shortText('name', 40),
      idNumber: shortText('idNumber', 30),
      bankCard: shortText('bankCard', 30),
      phone: shortText('phone', 20),
      code: z.string({ error: 'code must be the 6-digit SMS code' }).regex(/^\d{6}$/, { error: 'code must be the 6-digit SMS code' }),
      consents: z.strictObject(
        Object.fromEntries(Object.keys(CONSENT_VERSIONS).map((kind) => [kind, consentVersion])) as Record<
          keyof typeof CONSENT_VERSIONS,
          typeof consentVersion
        >,
        { error: 'consents must list the accepted version of each of: identity, biometrics, creditQuery, automatedDecision' },
      ),
    }),
  ],
  { error: 'action must be one of: status, sendCode, open' },
);

/** Account opening: status, the SMS code, and the four-element check with consents. */
export const main = defineFunction({
  name: 'account',
  caller: 'required',
  input,
  async run(request, { caller, services }) {
    const user = caller!;
    switch (request.action) {
      case 'status':
        return accountStatus(services, user);
      case 'sendCode': {
        const phone = validatePhone(request.phone);
        if (!phone.ok) throw new LoanError('INVALID_INPUT', phone.message, 'phone');
        return sendCode(services, user.openId, phone.value);
      }
      case 'open':
        return openAccount(services, user, request);
    }
  },
});

import { createHmac } from 'node:crypto';
import { CONSENT_VERSIONS, type ConsentKind, type OpenAccountRequest, type OpenAccountResult } from '../../core/api';
import { LoanError } from '../../core/errors';
import { validateAccountForm } from '../../core/validation/accountForm';
import { businessDate } from '../../core/dates';
import type { Caller } from '../platform/caller';
import type { Services } from '../container';
import { sealUserPii } from '../privacy/user-pii';
import { checkCode, SMS_CODES, smsCodeId, spendCodeTry } from './sms-code';
import { accountStatus } from './account-status';
import { IDENTITY_CLAIMS, newUser, USERS, type UserDocument } from './user-document';

const FIELD_NAMES: Record<string, keyof OpenAccountRequest> = { cardNumber: 'bankCard' };

const MISMATCH_MESSAGES: Record<string, string> = {
  name: '姓名与身份证号码登记的信息不一致，请核对后重新输入。',
  idNumber: '身份证号码未通过核验，请核对后重新输入。',
  bankCard: '银行卡与本人身份信息不一致，请使用本人名下的借记卡。',
  phone: '手机号不是该银行卡预留的手机号，请使用银行预留手机号。',
};

/** Keyed hash of an ID number, so uniqueness can be checked without storing it as a key. */
export function identityClaimId(secret: string, idNumber: string): string {
  return createHmac('sha256', secret).update(`id:${idNumber}`).digest('hex');
}

function assertConsents(consents: Record<ConsentKind, string>): void {
  for (const kind of Object.keys(CONSENT_VERSIONS) as ConsentKind[]) {
    if (consents[kind] !== CONSENT_VERSIONS[kind]) {
      throw new LoanError(
        'INVALID_INPUT',
        `请阅读并同意最新版本（${CONSENT_VERSIONS[kind]}）的授权书后再继续。`,
        `consents.${kind}`,
        { requiredVersion: CONSENT_VERSIONS[kind] },
      );
    }
  }
}

/**
 * Opens an account: validates the four elements with the core's rules, checks the SMS
 * code, verifies name, ID number, card and phone together with the identity provider, and
 * records the consents. The code is used up and the user written in one transaction.
 */
export async function openAccount(
  services: Services,
  caller: Caller,
  request: OpenAccountRequest,
): Promise<OpenAccountResult> {
  const now = services.clock.now();
  const form = validateAccountForm(
    { name: request.name, idNumber: request.idNumber, cardNumber: request.bankCard, phone: request.phone },
    { today: businessDate(now) },
  );
  if (!form.ok || !form.values) {
    const first = form.errors[0];
    throw new LoanError('INVALID_INPUT', first.message, FIELD_NAMES[first.field] ?? first.field, { reason: first.code });
  }
  assertConsents(request.consents);
  const values = form.values;

  const existing = await services.store.get<UserDocument>(USERS, caller.openId);
  if (existing && existing.stage !== 'new') {
    throw new LoanError('CONFLICT', '您已完成开户，无需重复开户。');
  }
  await checkCode(services, caller.openId, values.phone, request.code);

  const elements = { name: values.name, idNumber: values.idNumber, bankCard: values.cardNumber, phone: values.phone };
  const verification = await services.identity.verifyFourElements(elements);
  if (verification.outcome === 'unavailable') {
    services.logger.warn({ reason: verification.reason }, 'four-element check unavailable');
    throw new LoanError('INTERNAL', '身份核验服务暂时不可用，请稍后再试。');
  }
  if (verification.outcome === 'mismatch') {
    const field = verification.field ?? 'idNumber';
    const triesLeft = await spendCodeTry(services, caller.openId, values.phone);
    const next = triesLeft > 0 ? `（本验证码还可提交 ${triesLeft} 次）` : '验证码已失效，请重新获取。';
    throw new LoanError('VERIFICATION_FAILED', MISMATCH_MESSAGES[field] + next, field, { triesLeft });
  }

  const acceptedAt = now.toISOString();
  const claimId = identityClaimId(services.secret, values.idNumber);
  await services.store.runTransaction(async (tx) => {
    const claim = await tx.get<{ _id: string; openId: string }>(IDENTITY_CLAIMS, claimId);
    if (claim && claim.openId !== caller.openId) {
      throw new LoanError('CONFLICT', '该身份证号码已绑定其他账户，每人只能开立一个账户。', 'idNumber');
    }
    const user = (await tx.get<UserDocument>(USERS, caller.openId)) ?? newUser(caller.openId, caller.appId, now);
    if (user.stage !== 'new') throw new LoanError('CONFLICT', '您已完成开户，无需重复开户。');
    if (!claim) await tx.create(IDENTITY_CLAIMS, { _id: claimId, openId: caller.openId, createdAt: acceptedAt });
    await tx.remove(SMS_CODES, smsCodeId(services, values.phone, caller.openId));
    await tx.set(USERS, {
      ...user,
      stage: 'identity_verified',
      ...sealUserPii(services, caller.openId, {
        name: values.name,
        idNumber: values.idNumber,
        phone: values.phone,
        bankCard: values.cardNumber,
      }),
      consents: (Object.keys(CONSENT_VERSIONS) as ConsentKind[]).map((kind) => ({
        kind,
        version: request.consents[kind],
        acceptedAt,
      })),
    } satisfies UserDocument);
  });

  services.logger.info({ openId: caller.openId }, 'account opened');
  return {
    status: await accountStatus(services, caller),
    warnings: form.warnings.map((warning) => warning.message),
  };
}

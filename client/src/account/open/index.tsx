import { View, Text, Button } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { openAccount } from '../../services/api';
import { CloudError, messageOf } from '../../services/cloud-error';
import { CONSENT_SCREENS, consentVersions } from '../../services/consents';
import { clearConsents, hasAcceptedAll } from '../../services/account-draft';
import { ROUTES } from '../../services/routes';
import { Screen } from '../../components/Screen';
import { Notice } from '../../components/Notice';
import { FormField } from '../../components/FormField';
import { AccountGate } from '../AccountGate';
import { checkField, normalised, useOpenForm, type OpenFormField } from './form-state';
import { resendLabel, useSmsCode } from './useSmsCode';

/** Server field names that differ from the form's own. */
const SERVER_FIELDS: Record<string, OpenFormField> = {
  name: 'name',
  idNumber: 'idNumber',
  bankCard: 'cardNumber',
  cardNumber: 'cardNumber',
  phone: 'phone',
  code: 'code',
};

/** Renders the four elements and the SMS code, checked inline by the core rules. */
function OpenAccountForm() {
  const form = useOpenForm();
  const sms = useSmsCode();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string>();
  // Read once on mount, because a successful opening clears the consents and a later
  // render must not send the borrower back to them.
  const [consentsDone] = useState(() =>
    hasAcceptedAll(CONSENT_SCREENS.map((screen) => screen.kind)),
  );

  useEffect(() => {
    if (!consentsDone) Taro.redirectTo({ url: `${ROUTES.consent}?step=0` });
  }, [consentsDone]);

  const codeLocked = sms.sending || sms.secondsLeft > 0;

  const sendCode = () => {
    // The h5 button still fires onClick while disabled, so a tap during the wait ends here.
    if (codeLocked) return undefined;
    const { error } = checkField('phone', form.values.phone);
    if (error) return form.setFieldError('phone', error);
    return sms.send(normalised('phone', form.values.phone));
  };

  const submit = async () => {
    setFailure(undefined);
    if (!form.checkAll()) return;
    setSubmitting(true);
    try {
      await openAccount({
        name: normalised('name', form.values.name),
        idNumber: normalised('idNumber', form.values.idNumber),
        bankCard: normalised('cardNumber', form.values.cardNumber),
        phone: normalised('phone', form.values.phone),
        code: form.values.code.trim(),
        consents: consentVersions(),
      });
      clearConsents();
      Taro.redirectTo({ url: ROUTES.face });
    } catch (error) {
      const field =
        error instanceof CloudError && error.field ? SERVER_FIELDS[error.field] : undefined;
      if (field) form.setFieldError(field, messageOf(error));
      else setFailure(messageOf(error));
    } finally {
      setSubmitting(false);
    }
  };

  const fieldProps = (field: OpenFormField) => ({
    id: `open-${field}`,
    value: form.values[field],
    error: form.errors[field],
    warning: form.warnings[field],
    onChange: (value: string) => form.change(field, value),
    onBlur: () => form.blur(field),
  });

  return (
    <>
      <Text className='muted'>请填写本人真实信息，四项信息需与银行预留信息一致。</Text>
      <View className='card'>
        <FormField label='姓名' placeholder='与身份证一致' {...fieldProps('name')} />
        <FormField label='身份证号码' type='idcard' maxlength={18} {...fieldProps('idNumber')} />
        <FormField
          label='银行卡号（储蓄卡）'
          type='number'
          maxlength={23}
          {...fieldProps('cardNumber')}
        />
        <FormField label='手机号码' type='number' maxlength={16} {...fieldProps('phone')} />
        <Button
          className={`btn btn-secondary ${codeLocked ? 'btn-disabled' : ''}`}
          id='open-send-code'
          disabled={codeLocked || undefined}
          onClick={sendCode}
        >
          {sms.secondsLeft > 0 ? resendLabel(sms.secondsLeft) : '获取验证码'}
        </Button>
        {sms.sentTo ? <Text className='hint'>验证码已发送至 {sms.sentTo}</Text> : null}
        {sms.error ? <Text className='field-error'>{sms.error}</Text> : null}
        <FormField label='短信验证码' type='number' maxlength={6} {...fieldProps('code')} />
      </View>
      {failure ? <Notice kind='error' message={failure} /> : null}
      <Button
        className={`btn btn-primary ${submitting ? 'btn-disabled' : ''}`}
        id='open-submit'
        loading={submitting}
        disabled={submitting || undefined}
        onClick={submit}
      >
        {submitting ? '正在核验…' : '提交开户'}
      </Button>
    </>
  );
}

/**
 * Renders the account-opening form for a new account. An account that is already open
 * (for example after a reload of this page) goes on to its next step instead.
 */
export default function OpenAccountPage() {
  return (
    <Screen title='开通借款账户'>
      <AccountGate>{() => <OpenAccountForm />}</AccountGate>
    </Screen>
  );
}

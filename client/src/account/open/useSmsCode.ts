import { useEffect, useState } from 'react';
import { sendSmsCode } from '../../services/api';
import { messageOf } from '../../services/cloud-error';

/** Sending state of the SMS code: a countdown until a resend is allowed, and messages. */
export function useSmsCode() {
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (secondsLeft <= 0) return undefined;
    const timer = setTimeout(() => setSecondsLeft((seconds) => seconds - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  /** Sends a code to an already validated phone number. */
  const send = async (phone: string) => {
    setSending(true);
    setError(undefined);
    try {
      const result = await sendSmsCode(phone);
      setSentTo(result.maskedPhone);
      setSecondsLeft(result.resendAfterSeconds);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSending(false);
    }
  };

  return { secondsLeft, sending, sentTo, error, send };
}

import { useEffect, useState } from 'react';
import { sendSmsCode } from '../../services/api';
import { limitReasonOf, messageOf, retryAfterSecondsOf } from '../../services/cloud-error';

/** Sending state of the SMS code: a countdown until a resend is allowed, and messages. */
export function useSmsCode() {
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [sending, setSending] = useState(false);
  const [sentTo, setSentTo] = useState<string>();
  const [error, setError] = useState<string>();

  // Set while the countdown is a server-named wait, whose message goes once the wait is over.
  const [waitingOutLimit, setWaitingOutLimit] = useState(false);

  useEffect(() => {
    if (secondsLeft <= 0) {
      if (waitingOutLimit) {
        setWaitingOutLimit(false);
        setError(undefined);
      }
      return undefined;
    }
    const timer = setTimeout(() => setSecondsLeft((seconds) => seconds - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft, waitingOutLimit]);

  /** Sends a code to an already validated phone number. */
  const send = async (phone: string) => {
    setSending(true);
    setError(undefined);
    try {
      const result = await sendSmsCode(phone);
      setSentTo(result.maskedPhone);
      setSecondsLeft(result.resendAfterSeconds);
    } catch (failure) {
      // A rate limit or lock carries its wait, so the button counts it down instead of inviting
      // taps, and the message points at the button rather than at a number that goes stale.
      const waitSeconds = retryAfterSecondsOf(failure);
      if (waitSeconds === undefined) {
        setError(messageOf(failure));
      } else {
        setError(`${limitReasonOf(failure) ?? ''}请在按钮倒计时结束后再获取验证码。`);
        setWaitingOutLimit(true);
        setSecondsLeft(waitSeconds);
      }
    } finally {
      setSending(false);
    }
  };

  return { secondsLeft, sending, sentTo, error, send };
}

/** Labels the resend button during a wait: seconds up to two minutes, then minutes, then hours. */
export function resendLabel(secondsLeft: number): string {
  if (secondsLeft <= 120) return `${secondsLeft} 秒后可重发`;
  if (secondsLeft <= 3600) return `${Math.ceil(secondsLeft / 60)} 分钟后可重发`;
  return `${Math.ceil(secondsLeft / 3600)} 小时后可重发`;
}

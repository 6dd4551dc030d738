import { useEffect, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { sendSmsCode } from '../../services/api';
import { limitReasonOf, messageOf, retryAfterSecondsOf } from '../../services/cloud-error';

/** Sending state of the SMS code: a countdown until a resend is allowed, and messages. */
export function useSmsCode() {
  // The wait is kept as a deadline and read from the clock on every tick, because a
  // mini-program's timers stop while it is in the background.
  const [deadlineMs, setDeadlineMs] = useState(0);
  const [nowMs, setNowMs] = useState(() => Date.now());
  const secondsLeft = Math.max(0, Math.ceil((deadlineMs - nowMs) / 1000));
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
    const timer = setTimeout(() => setNowMs(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft, nowMs, waitingOutLimit]);

  // Back from the background: read the clock at once instead of waiting for the next tick.
  useDidShow(() => setNowMs(Date.now()));

  const waitFor = (seconds: number) => {
    const now = Date.now();
    setNowMs(now);
    setDeadlineMs(now + seconds * 1000);
  };

  /** Sends a code to an already validated phone number. */
  const send = async (phone: string) => {
    setSending(true);
    setError(undefined);
    try {
      const result = await sendSmsCode(phone);
      setSentTo(result.maskedPhone);
      waitFor(result.resendAfterSeconds);
    } catch (failure) {
      // A rate limit or lock carries its wait, so the button counts it down instead of inviting
      // taps, and the message points at the button rather than at a number that goes stale.
      const waitSeconds = retryAfterSecondsOf(failure);
      if (waitSeconds === undefined) {
        setError(messageOf(failure));
      } else {
        setError(`${limitReasonOf(failure) ?? ''}请在按钮倒计时结束后再获取验证码。`);
        setWaitingOutLimit(true);
        waitFor(waitSeconds);
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

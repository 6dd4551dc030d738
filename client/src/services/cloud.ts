import Taro from '@tarojs/taro';
import type { FunctionResult } from '@core/api';
import { CloudError, FALLBACK_MESSAGE } from './cloud-error';

/** Names of the cloud functions the app calls. */
export type CloudFunctionName =
  'account' | 'faceVerify' | 'creditLine' | 'loanQuote' | 'draw' | 'loans' | 'repay';

const IS_MINI_PROGRAM = process.env.TARO_ENV === 'weapp' || process.env.TARO_ENV === 'qq';

/** Prefix of the local server's API on h5; empty means the page's own origin. */
const API_BASE = process.env.TARO_APP_API_BASE ?? '';

let ready: Promise<void> | undefined;

/**
 * Prepares the connection once: `Taro.cloud.init` on weapp and qq, and on h5 a
 * `POST /api/session` that sets the signed session cookie. A failure is forgotten so the
 * next call tries again.
 */
export function prepareCloud(): Promise<void> {
  if (ready === undefined) {
    ready = (IS_MINI_PROGRAM ? initMiniProgramCloud() : openBrowserSession()).catch((error) => {
      ready = undefined;
      throw error;
    });
  }
  return ready;
}

/** Forgets the prepared connection, so the next call signs in again (used by sign-out). */
export function resetCloud(): void {
  ready = undefined;
}

/**
 * Calls one cloud function and unwraps its {@link FunctionResult}. Returns `data` on
 * success; throws {@link CloudError} with the server's code, message and field otherwise.
 */
export async function callCloud<T>(name: CloudFunctionName, data: object): Promise<T> {
  await prepareCloud();
  const result = IS_MINI_PROGRAM
    ? await callMiniProgram<T>(name, data)
    : await callHttp<T>(name, data);
  if (!isFunctionResult(result)) {
    throw new CloudError('BAD_RESPONSE', FALLBACK_MESSAGE);
  }
  if (result.ok) return result.data;
  const { code, message, field, details } = result.error;
  throw new CloudError(code, typeof message === 'string' ? message : '', field, result.requestId, details);
}

async function initMiniProgramCloud(): Promise<void> {
  const env = process.env.TARO_APP_CLOUD_ENV;
  await Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
}

async function openBrowserSession(): Promise<void> {
  const response = await sendHttp(`${API_BASE}/api/session`, {});
  if (!response.ok) {
    throw new CloudError('NETWORK_ERROR', await readHttpError(response));
  }
}

async function callMiniProgram<T>(name: string, data: object): Promise<FunctionResult<T>> {
  try {
    const response = await Taro.cloud.callFunction({ name, data: data as Record<string, unknown> });
    return response.result as FunctionResult<T>;
  } catch (error) {
    // errMsg such as "cloud.callFunction:fail -504002" is for developers, not borrowers.
    console.error('cloud function call failed', name, error);
    throw new CloudError('NETWORK_ERROR', FALLBACK_MESSAGE);
  }
}

async function callHttp<T>(name: string, data: object): Promise<FunctionResult<T>> {
  const response = await sendHttp(`${API_BASE}/api/functions/${name}`, data);
  if (!response.ok) {
    throw new CloudError('NETWORK_ERROR', await readHttpError(response));
  }
  const body = (await response.json().catch(() => undefined)) as
    { result?: FunctionResult<T> } | undefined;
  return body?.result as FunctionResult<T>;
}

async function sendHttp(url: string, body: object): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    console.error('request failed', url, error);
    throw new CloudError('NETWORK_ERROR', '网络连接失败，请检查网络后重试。');
  }
}

/** Reads the `{ error }` message the local server sends with a non-2xx status. */
async function readHttpError(response: Response): Promise<string> {
  const body = (await response.json().catch(() => undefined)) as { error?: unknown } | undefined;
  return typeof body?.error === 'string' && body.error !== '' ? body.error : FALLBACK_MESSAGE;
}

function isFunctionResult(value: unknown): value is FunctionResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as { ok?: unknown; data?: unknown; error?: unknown };
  if (result.ok === true) return true;
  return result.ok === false && typeof result.error === 'object' && result.error !== null;
}

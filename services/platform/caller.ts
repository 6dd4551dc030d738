/**
 * The calling user, taken from the platform context of the invocation and never from the
 * request body.
 *
 * CloudBase passes a function the SCF context, whose `environ` string carries the
 * mini-program identity as `WX_OPENID=...;WX_APPID=...;` (QQ logins use the same keys).
 * Inside a deployed function the same keys also appear in `process.env`, which is how
 * `@cloudbase/node-sdk`'s `getUserInfo()` reads them; `environ` wins because it belongs to
 * this invocation alone.
 */
export interface CloudContext {
  request_id?: string;
  function_name?: string;
  environ?: string;
  [key: string]: unknown;
}

export interface Caller {
  openId: string;
  appId: string;
  /** `wx_client`, `wx_devtools`, `wx_trigger`, ... as the platform reports it. */
  source: string;
}

/** Parses an SCF `environ` string (`KEY=value;KEY=value`) into a map. */
export function parseEnviron(environ: string | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  if (!environ) return values;
  for (const pair of environ.split(';')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    values[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return values;
}

const OPENID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/;

/** Returns the caller of this invocation, or null when the platform supplied no OPENID. */
export function callerFromContext(context: CloudContext | undefined, env: NodeJS.ProcessEnv = {}): Caller | null {
  const environ = parseEnviron(context?.environ);
  const openId = environ.WX_OPENID ?? env.WX_OPENID ?? '';
  if (!OPENID_PATTERN.test(openId)) return null;
  return {
    openId,
    appId: environ.WX_APPID ?? env.WX_APPID ?? '',
    source: environ.TCB_SOURCE ?? environ.WX_SOURCE ?? env.TCB_SOURCE ?? 'unknown',
  };
}

/**
 * The signed-in user as `@cloudbase/node-sdk` reports it, for WeChat and QQ logins alike.
 *
 * `auth().getUserInfo()` returns the WeChat OPENID and APPID of the running invocation.
 * A QQ mini-program login carries `LOGINTYPE=QQ-MINI` and its ids as `QQ_OPENID` and
 * `QQ_APPID`, which only `auth().getAuthContext(context)` returns.
 */
import type { CloudBase } from '@cloudbase/node-sdk';
import type { CloudContext } from '../../services/platform/caller';

export type CloudBaseAuth = Pick<ReturnType<CloudBase['auth']>, 'getUserInfo' | 'getAuthContext'>;

export interface CloudBaseCaller {
  openId: string;
  appId: string;
  platform: 'wechat' | 'qq';
}

/** The `main(event, context)` of a cloud function. */
export type CloudFunctionMain = (event: unknown, context?: CloudContext) => Promise<unknown>;

/** Returns the caller of this invocation, or null when the platform supplied none. */
export async function callerFromCloudBase(
  auth: CloudBaseAuth,
  context: CloudContext,
): Promise<CloudBaseCaller | null> {
  const wechat = auth.getUserInfo();
  if (wechat.openId) return { openId: wechat.openId, appId: wechat.appId, platform: 'wechat' };
  // The SDK rejects a context without `environ` or `environment` (a test or a direct call),
  // and such a context carries no QQ login either.
  const environment = (context as { environment?: unknown }).environment;
  if (typeof context.environ !== 'string' && typeof environment !== 'string') return null;
  const scfContext = context as unknown as Parameters<CloudBaseAuth['getAuthContext']>[0];
  const login = await auth.getAuthContext(scfContext);
  if (login.loginType === 'QQ-MINI' && login.openId) {
    return { openId: login.openId, appId: login.appId ?? '', platform: 'qq' };
  }
  return null;
}

function withoutSeparators(value: string): string {
  return value.replace(/[;=]/g, '');
}

/**
 * Wraps a function so the handler finds the SDK's caller in the context. The OPENID and
 * APPID are appended to `environ` as `WX_OPENID` and `WX_APPID`, the keys the handler
 * reads, so a QQ login passes the same way as a WeChat one. Without a caller the context
 * is passed on unchanged, and functions that need a user reject the call.
 */
export function withCloudBaseCaller(main: CloudFunctionMain, auth: CloudBaseAuth): CloudFunctionMain {
  return async (event, context = {}) => {
    const caller = await callerFromCloudBase(auth, context);
    if (caller === null) return main(event, context);
    const identity =
      `WX_OPENID=${withoutSeparators(caller.openId)};` + `WX_APPID=${withoutSeparators(caller.appId)}`;
    const environ = context.environ ? `${context.environ};${identity}` : identity;
    return main(event, { ...context, environ });
  };
}

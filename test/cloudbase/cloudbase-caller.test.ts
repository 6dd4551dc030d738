import { describe, expect, it } from 'vitest';
import { callerFromCloudBase, withCloudBaseCaller, type CloudBaseAuth } from '../../adapters/platform/cloudbase-caller';
import { callerFromContext, type CloudContext } from '../../services/platform/caller';
import { createCloudBaseApp } from '../../adapters/platform/cloudbase-app';

function fakeAuth(wechat: { openId: string; appId: string }, login: { loginType?: string; openId?: string; appId?: string } = {}) {
  return {
    getUserInfo: () => ({ ...wechat, uid: '', customUserId: '', isAnonymous: false }),
    getAuthContext: async () => ({ uid: 'u1', loginType: login.loginType ?? '', openId: login.openId, appId: login.appId }),
  } as unknown as CloudBaseAuth;
}

describe('callerFromCloudBase', () => {
  it('WeChat caller from getUserInfo', async () => {
    const caller = await callerFromCloudBase(fakeAuth({ openId: 'oWx_abc123', appId: 'wx0123456789abcdef' }), {});
    expect(caller).toEqual({ openId: 'oWx_abc123', appId: 'wx0123456789abcdef', platform: 'wechat' });
  });

  it('QQ caller from getAuthContext', async () => {
    const auth = fakeAuth({ openId: '', appId: '' }, { loginType: 'QQ-MINI', openId: 'QQOPENID123', appId: '1112223334' });
    expect(await callerFromCloudBase(auth, { environ: 'LOGINTYPE=QQ-MINI' })).toEqual({ openId: 'QQOPENID123', appId: '1112223334', platform: 'qq' });
  });

  it('context without environ skips the QQ lookup', async () => {
    const auth = fakeAuth({ openId: '', appId: '' }, { loginType: 'QQ-MINI', openId: 'QQOPENID123' });
    expect(await callerFromCloudBase(auth, {})).toBeNull();
  });

  it('real SDK reads a QQ login from environ', async () => {
    const app = createCloudBaseApp({ envId: 'unit-test-env' });
    const environ = 'LOGINTYPE=QQ-MINI;QQ_OPENID=QQOPENID123;QQ_APPID=1112223334;TCB_UUID=u1';
    const caller = await callerFromCloudBase(app.auth(), { environ });
    expect(caller).toEqual({ openId: 'QQOPENID123', appId: '1112223334', platform: 'qq' });
  });

  it('no caller for a timer', async () => {
    expect(await callerFromCloudBase(fakeAuth({ openId: '', appId: '' }), {})).toBeNull();
  });
});

describe('withCloudBaseCaller', () => {
  async function contextSeen(auth: CloudBaseAuth, context: CloudContext): Promise<CloudContext> {
    let seen: CloudContext = {};
    const main = withCloudBaseCaller(async (_event, received) => {
      seen = received ?? {};
      return null;
    }, auth);
    await main({}, context);
    return seen;
  }

  it('QQ login reaches the handler as the caller', async () => {
    const auth = fakeAuth({ openId: '', appId: '' }, { loginType: 'QQ-MINI', openId: 'QQOPENID123', appId: '1112223334' });
    const context = await contextSeen(auth, { request_id: 'r1', environ: 'TCB_SOURCE=qq_client' });
    expect(callerFromContext(context)).toEqual({ openId: 'QQOPENID123', appId: '1112223334', source: 'qq_client' });
    expect(context.request_id).toBe('r1');
  });

  it('SDK identity wins over a forged environ value', async () => {
    const auth = fakeAuth({ openId: 'oWx_real01', appId: 'wx0123456789abcdef' });
    const context = await contextSeen(auth, { environ: 'WX_OPENID=oWx_forged;WX_APPID=x' });
    expect(callerFromContext(context)?.openId).toBe('oWx_real01');
  });

  it('without a caller the context is unchanged', async () => {
    const original = { request_id: 'timer-1' };
    expect(await contextSeen(fakeAuth({ openId: '', appId: '' }), original)).toBe(original);
  });
});

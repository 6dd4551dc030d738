import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certHash } from '../../adapters/wechat/cert-hash';
import { mapVerifyRet, WechatFacialVerify } from '../../adapters/wechat/wechat-facial-verify';

const PERSON = { openId: 'o-1', idNumber: '11010519491231002x', name: '张三', sequenceNo: 'seq-9' };

describe('WeChat facial verification 2.0', () => {
  it('hashes base64 cert fields with SHA-256', () => {
    const text = `cert_type=${Buffer.from('IDENTITY_CARD').toString('base64')}` +
      `&cert_name=${Buffer.from('张三').toString('base64')}` +
      `&cert_no=${Buffer.from('11010519491231002X').toString('base64')}`;
    expect(certHash('张三', '11010519491231002X')).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it.each([
    [0, 10000, 'MATCH'],
    [0, 10003, 'MISMATCH'],
    [0, 10004, 'FACE_NOT_MATCHED'],
    [0, 90002, 'USER_CANCELLED'],
    [0, 90017, 'SESSION_EXPIRED'],
    [0, 90011, 'LIVENESS_FAILED'],
    [40001, undefined, 'PROVIDER_UNAVAILABLE'],
  ])('maps errcode %i verify_ret %s', (errcode, verifyRet, code) => {
    expect(mapVerifyRet(errcode, verifyRet).code).toBe(code);
  });

  it('sends getverifyid and queryverifyinfo', async () => {
    const posts: { url: string; body: unknown }[] = [];
    const replies = [
      { errcode: 0, errmsg: 'ok', verify_id: 'vid-1', expires_in: 3600 },
      { errcode: 0, errmsg: 'ok', verify_ret: 10000 },
    ];
    const client = new WechatFacialVerify(async (url, body) => {
      posts.push({ url, body });
      return replies.shift()!;
    }, async () => 'TOKEN');

    const session = await client.start(PERSON);
    const result = await client.result({ ...PERSON, token: session.token });
    expect(session).toEqual({ token: 'vid-1', expiresInSeconds: 3600 });
    expect(posts[0].url).toBe('https://api.weixin.qq.com/cityservice/face/identify/getverifyid?access_token=TOKEN');
    expect(posts[0].body).toEqual({
      out_seq_no: 'seq-9',
      cert_info: { cert_type: 'IDENTITY_CARD', cert_name: '张三', cert_no: '11010519491231002X' },
      openid: 'o-1',
    });
    expect(posts[1].body).toEqual({
      verify_id: 'vid-1',
      out_seq_no: 'seq-9',
      cert_hash: certHash('张三', '11010519491231002X'),
      openid: 'o-1',
    });
    expect(result.outcome).toBe('match');
  });
});

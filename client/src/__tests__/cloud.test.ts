import { CloudError, messageOf, retryAfterSecondsOf } from '../services/cloud-error';

/** The real cloud helper on h5: fetch to the local server, with a fresh module per test. */
function loadCloud() {
  let cloud: typeof import('../services/cloud') | undefined;
  jest.isolateModules(() => {
    cloud = require('../services/cloud');
  });
  return cloud!;
}

function jsonResponse(status: number, body: unknown) {
  return { ok: status >= 200 && status < 300, status, json: async () => body } as Response;
}

const fetchMock = jest.fn();

beforeEach(() => {
  fetchMock.mockReset();
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
});

describe('callCloud on h5', () => {
  it('signs in once, then posts to the function and returns its data', async () => {
    fetchMock.mockImplementation(async (url: string) =>
      url === '/api/session'
        ? jsonResponse(200, { openId: 'sbx_1' })
        : jsonResponse(200, {
            result: { ok: true, requestId: 'r1', data: { stage: 'new' } },
            requestId: 'r1',
          }),
    );
    const { callCloud } = loadCloud();
    await expect(callCloud('account', { action: 'status' })).resolves.toEqual({ stage: 'new' });
    await callCloud('account', { action: 'status' });
    const urls = fetchMock.mock.calls.map(([url]) => url);
    expect(urls).toEqual(['/api/session', '/api/functions/account', '/api/functions/account']);
    const [, init] = fetchMock.mock.calls[1];
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      body: '{"action":"status"}',
    });
  });

  it('throws the server code, message and field of ok:false', async () => {
    fetchMock.mockImplementation(async (url: string) =>
      url === '/api/session'
        ? jsonResponse(200, {})
        : jsonResponse(200, {
            result: {
              ok: false,
              requestId: 'r2',
              error: { code: 'VERIFICATION_FAILED', message: '验证码不正确。', field: 'code' },
            },
          }),
    );
    const { callCloud } = loadCloud();
    const failure = await callCloud('account', { action: 'open' }).catch((error: unknown) => error);
    expect(failure).toHaveProperty('name', 'CloudError');
    expect(failure).toMatchObject({
      code: 'VERIFICATION_FAILED',
      message: '验证码不正确。',
      field: 'code',
      requestId: 'r2',
    });
  });

  it('keeps the wait of a rate limit', async () => {
    fetchMock.mockImplementation(async (url: string) =>
      url === '/api/session'
        ? jsonResponse(200, {})
        : jsonResponse(200, {
            result: {
              ok: false,
              requestId: 'r3',
              error: {
                code: 'RATE_LIMITED',
                message: '验证码发送过于频繁，请 45 秒后再试。',
                field: 'phone',
                details: { retryAfterSeconds: 45, retryAt: '2026-01-10T02:00:45.000Z' },
              },
            },
          }),
    );
    const { callCloud } = loadCloud();
    const failure = await callCloud('account', { action: 'sendCode' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'RATE_LIMITED', field: 'phone' });
    expect(failure).toHaveProperty('details.retryAfterSeconds', 45);
  });

  it('reads the wait of a rate limit', () => {
    const failure = new CloudError('RATE_LIMITED', '稍后再试。', 'phone', 'r4', { retryAfterSeconds: 45 });
    expect(retryAfterSecondsOf(failure)).toBe(45);
  });

  it.each([
    [{ retryAfterSeconds: 0 }],
    [{ retryAfterSeconds: 1.5 }],
    [{ retryAfterSeconds: '45' }],
    [undefined],
  ])('reads no wait from details %p', (details) => {
    expect(retryAfterSecondsOf(new CloudError('RATE_LIMITED', '稍后再试。', 'phone', 'r4', details))).toBeUndefined();
  });

  it('shows the message of a non-2xx answer', async () => {
    fetchMock.mockImplementation(async (url: string) =>
      url === '/api/session'
        ? jsonResponse(200, {})
        : jsonResponse(413, { error: 'Request body is too large.' }),
    );
    const { callCloud } = loadCloud();
    await expect(callCloud('faceVerify', {})).rejects.toMatchObject({
      message: 'Request body is too large.',
    });
  });

  it('gives a plain message when the network fails, and retries the sign-in', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const { callCloud } = loadCloud();
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(callCloud('account', {})).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      message: '网络连接失败，请检查网络后重试。',
    });
    spy.mockRestore();
    fetchMock.mockImplementation(async (url: string) =>
      url === '/api/session'
        ? jsonResponse(200, {})
        : jsonResponse(200, { result: { ok: true, requestId: 'r', data: 1 } }),
    );
    await expect(callCloud('account', {})).resolves.toBe(1);
  });

  it.each([
    ['an unreadable body', undefined],
    ['a result without ok', { result: { data: 1 } }],
    ['ok:false without an error', { result: { ok: false } }],
  ])('falls back to a fixed message for %s', async (_case, body) => {
    fetchMock.mockImplementation(async (url: string) =>
      url === '/api/session' ? jsonResponse(200, {}) : jsonResponse(200, body),
    );
    const { callCloud } = loadCloud();
    const failure = (await callCloud('account', {}).catch((error: unknown) => error)) as Error;
    expect(failure.message).toBe('服务暂时不可用，请稍后重试。');
  });

  it('never shows "undefined" for an empty server message', async () => {
    fetchMock.mockImplementation(async (url: string) =>
      url === '/api/session'
        ? jsonResponse(200, {})
        : jsonResponse(200, { result: { ok: false, requestId: 'r', error: { code: 'INTERNAL' } } }),
    );
    const { callCloud } = loadCloud();
    await expect(callCloud('account', {})).rejects.toMatchObject({
      message: '服务暂时不可用，请稍后重试。',
    });
  });
});

describe('messageOf', () => {
  it('hides programming errors behind a fixed message', () => {
    expect(messageOf(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(
      '服务暂时不可用，请稍后重试。',
    );
    expect(messageOf(undefined)).toBe('服务暂时不可用，请稍后重试。');
    expect(messageOf(new CloudError('NOT_FOUND', '没有找到这笔借款。'))).toBe('没有找到这笔借款。');
  });
});

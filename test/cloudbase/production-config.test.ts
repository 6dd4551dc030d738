import { describe, expect, it } from 'vitest';
import { loadConfig, loadProductionConfig } from '../../services/config';

const KEY = 'q83vEjRWeJCrze8SNFZ4kKvN7xI0Vnh4mqvN7xI0Vng=';
const SECRET = 's'.repeat(40);
const BASE = { SESSION_SECRET: SECRET, PII_ENCRYPTION_KEY: KEY };

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    loadProductionConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadProductionConfig', () => {
  it('inside a function needs no env id or keys', () => {
    const config = loadProductionConfig({ ...BASE, TENCENTCLOUD_RUNENV: 'SCF' });
    expect(config.envId).toBeUndefined();
    expect(config.credentials).toBeUndefined();
    expect(config.providers).toBe('sandbox');
    expect(config.selfieFolder).toBe('selfies');
  });

  it('outside a function lists every missing variable', () => {
    const message = problemsOf({});
    for (const name of ['TCB_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'SESSION_SECRET', 'PII_ENCRYPTION_KEY']) {
      expect(message).toContain(`${name} is missing`);
    }
  });

  it('outside a function reads the keys', () => {
    const config = loadProductionConfig({
      ...BASE,
      TCB_ENV_ID: 'weili-prod-1a2b3c',
      TENCENTCLOUD_SECRETID: 'AKIDexample',
      TENCENTCLOUD_SECRETKEY: 'example-key',
    });
    expect(config.envId).toBe('weili-prod-1a2b3c');
    expect(config.credentials).toEqual({ secretId: 'AKIDexample', secretKey: 'example-key', sessionToken: undefined });
  });

  it('rejects an invalid env id', () => {
    expect(problemsOf({ ...BASE, TENCENTCLOUD_RUNENV: 'SCF', TCB_ENV_ID: 'Bad Env!' })).toContain('TCB_ENV_ID is invalid');
  });

  it('tencent providers need SMS, FaceID and partners', () => {
    const message = problemsOf({ ...BASE, TENCENTCLOUD_RUNENV: 'SCF', PROVIDERS: 'tencent' });
    for (const name of ['SMS_SDK_APP_ID', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_VERIFICATION_CODE', 'SMS_TEMPLATE_REPAYMENT_REMINDER', 'SMS_TEMPLATE_DISBURSED', 'FACEID_RULE_ID', 'PARTNER_ENDPOINTS_JSON']) {
      expect(message).toContain(name);
    }
    expect(message).toContain('SANDBOX_TOOLS must be off');
  });

  it('tencent providers read a full configuration', () => {
    const config = loadProductionConfig({
      ...BASE,
      TENCENTCLOUD_RUNENV: 'SCF',
      PROVIDERS: 'tencent',
      SANDBOX_TOOLS: 'off',
      SMS_SDK_APP_ID: '1400000000',
      SMS_SIGN_NAME: '微粒测试',
      SMS_TEMPLATE_VERIFICATION_CODE: '100001',
      SMS_TEMPLATE_REPAYMENT_REMINDER: '100002',
      SMS_TEMPLATE_DISBURSED: '100003',
      FACEID_RULE_ID: '1',
      PARTNER_ENDPOINTS_JSON: JSON.stringify({ bank_a: { url: 'https://partner.example/decide', secret: SECRET } }),
    });
    expect(config.sms?.templateIds.disbursed).toBe('100003');
    expect(config.sms?.region).toBe('ap-guangzhou');
    expect(config.faceId).toEqual({ ruleId: '1', region: 'ap-guangzhou' });
    expect(config.partnerEndpoints.bank_a.url).toBe('https://partner.example/decide');
  });

  it('rejects a partner endpoint over http', () => {
    const endpoints = JSON.stringify({ bank_a: { url: 'http://partner.example', secret: SECRET } });
    const message = problemsOf({ ...BASE, TENCENTCLOUD_RUNENV: 'SCF', PARTNER_ENDPOINTS_JSON: endpoints });
    expect(message).toContain('PARTNER_ENDPOINTS_JSON.bank_a.url is invalid');
  });

  it('rejects unknown providers', () => {
    expect(problemsOf({ ...BASE, TENCENTCLOUD_RUNENV: 'SCF', PROVIDERS: 'aws' })).toContain('PROVIDERS is "aws"');
  });
});

describe('loadConfig defaults', () => {
  it('keeps the embedded defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8787);
    expect(config.host).toBe('127.0.0.1');
    expect(config.sandboxTools).toBe(true);
  });
});

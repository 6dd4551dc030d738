import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ciOptions, WEAPP_BUILD_DIR } from '../../build/miniprogram-ci-options';
import { deploySteps, readCollections, readRc, REPO_ROOT } from '../../build/deploy-plan';
import { functionSpecs, readRegistryNames } from '../../build/functions/function-list';

describe('cloudbaserc.json', () => {
  const rc = readRc();
  const specs = functionSpecs(readRegistryNames());

  it('lists every registered function', () => {
    expect(rc.functions.map((fn) => fn.name).sort()).toEqual(specs.map((spec) => spec.name).sort());
  });

  it('uses the bundles on Node.js 18.15 without online install', () => {
    expect(rc.functionRoot).toBe('dist/cloudfunctions');
    for (const fn of rc.functions) {
      expect(fn.runtime).toBe('Nodejs18.15');
      expect(fn.handler).toBe('index.main');
      expect(fn.installDependency).toBe(false);
      expect(fn.timeout).toBeLessThanOrEqual(60);
    }
  });

  it('carries the same triggers as the sources', () => {
    for (const spec of specs) {
      const fn = rc.functions.find((candidate) => candidate.name === spec.name)!;
      expect(fn.triggers ?? []).toEqual(spec.triggers);
    }
  });

  it('keeps the environment id out of the file', () => {
    expect(rc.envId).toBe('{{env.TCB_ENV_ID}}');
  });
});

describe('database collections', () => {
  const collections = readCollections();

  it('deny every client read and write', () => {
    for (const collection of collections) {
      expect(collection.acl).toBe('ADMINONLY');
      expect(collection.rule).toEqual({ read: false, write: false });
    }
  });

  it('declare the indexes the services ask for', () => {
    const bootstrap = fs.readFileSync(path.join(REPO_ROOT, 'services', 'bootstrap.ts'), 'utf8');
    const declared = new Set(collections.flatMap((collection) => collection.indexes.map((index) => index.fields[0])));
    for (const match of bootstrap.matchAll(/ensureIndex\(\w+, '([\w.]+)'\)/g)) expect(declared).toContain(match[1]);
  });
});

describe('deploySteps', () => {
  const steps = deploySteps(readRc(), readCollections(), 'weili-test-1a2b');

  it('deploys each function with the environment id', () => {
    const deploys = steps.filter((step) => step.command?.[1] === 'deploy');
    expect(deploys).toHaveLength(readRc().functions.length);
    expect(deploys[0].command).toEqual(['fn', 'deploy', 'account', '--force', '-e', 'weili-test-1a2b']);
  });

  it('creates the timer trigger after its function', () => {
    const names = steps.map((step) => step.command?.join(' ') ?? '');
    const deploy = names.indexOf('fn deploy accrueDaily --force -e weili-test-1a2b');
    const trigger = names.indexOf('fn trigger create accrueDaily -e weili-test-1a2b');
    expect(deploy).toBeGreaterThanOrEqual(0);
    expect(trigger).toBe(deploy + 1);
  });

  it('lists collections as console steps', () => {
    const users = steps.find((step) => step.description.startsWith('collection users:'))!;
    expect(users.command).toBeNull();
    expect(users.description).toContain('ADMINONLY');
  });
});

describe('miniprogram-ci options', () => {
  const env = { MINIPROGRAM_APPID: 'wx0123456789abcdef', MINIPROGRAM_PRIVATE_KEY_PATH: '/keys/private.key' };
  const exists = () => true;

  it('builds preview options from configuration', () => {
    const options = ciOptions('preview', ['--desc', 'nightly'], env, exists);
    expect(options.project).toEqual({
      appid: 'wx0123456789abcdef',
      type: 'miniProgram',
      projectPath: WEAPP_BUILD_DIR,
      privateKeyPath: '/keys/private.key',
      ignores: ['node_modules/**/*'],
    });
    expect(options.desc).toBe('nightly');
    expect(options.robot).toBe(1);
    expect(options.qrcodeOutputDest).toMatch(/preview-qrcode\.jpg$/);
  });

  it('upload needs a version', () => {
    expect(() => ciOptions('upload', [], env, exists)).toThrow(/--version/);
    expect(ciOptions('upload', ['--version', '1.2.3'], { ...env, MINIPROGRAM_ROBOT: '3' }, exists)).toMatchObject({
      version: '1.2.3',
      robot: 3,
      qrcodeOutputDest: undefined,
    });
  });

  it('lists every problem at once', () => {
    const message = (() => {
      try {
        ciOptions('publish', [], { MINIPROGRAM_ROBOT: '31' }, () => false);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    for (const text of ['unknown action', 'MINIPROGRAM_APPID', 'MINIPROGRAM_PRIVATE_KEY_PATH is missing', 'MINIPROGRAM_ROBOT', 'build:weapp']) {
      expect(message).toContain(text);
    }
  });

  it('checks the key file exists', () => {
    const exists = (file: string) => !file.endsWith('private.key');
    expect(() => ciOptions('preview', [], env, exists)).toThrow(/does not exist/);
  });
});

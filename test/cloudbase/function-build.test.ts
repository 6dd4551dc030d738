import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFunction, FORBIDDEN_INPUTS } from '../../build/functions/bundle-function';
import { functionSpecs, readRegistryNames } from '../../build/functions/function-list';
import { formatSizeReport, MAX_FUNCTION_BYTES, oversized, type FunctionSize } from '../../build/functions/size-report';
import { functionConfigJson, functionPackageJson, writeFunctionFolder } from '../../build/functions/write-function';
import { USER_FUNCTIONS, TIMER_FUNCTIONS } from '../../cloudfunctions/registry';

const outputRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'function-build-test-'));
afterAll(() => fs.rmSync(outputRoot, { recursive: true, force: true }));

describe('function list', () => {
  it('matches the registry', () => {
    const names = readRegistryNames();
    expect(names.user).toEqual(Object.keys(USER_FUNCTIONS));
    expect(names.timer).toEqual(Object.keys(TIMER_FUNCTIONS));
  });

  it('reads the timer trigger', () => {
    const accrue = functionSpecs(readRegistryNames()).find((spec) => spec.name === 'accrueDaily')!;
    expect(accrue.kind).toBe('timer');
    expect(accrue.triggers).toEqual([{ name: 'accrueDailyAt0005', type: 'timer', config: '0 5 0 * * * *' }]);
    expect(functionConfigJson(accrue)).toEqual({ triggers: accrue.triggers });
  });

  it('only faceVerify ships face models', () => {
    const face = functionSpecs(readRegistryNames()).filter((spec) => spec.shipsFaceModels);
    expect(face.map((spec) => spec.name)).toEqual(['faceVerify']);
  });
});

describe('function bundle', () => {
  const spec = functionSpecs(readRegistryNames()).find((candidate) => candidate.name === 'loanQuote')!;

  it('leaves out the embedded store and stays under 1 MiB', async () => {
    const bundle = await bundleFunction(spec);
    const inputs = Object.keys(bundle.metafile.inputs);
    for (const pattern of FORBIDDEN_INPUTS) expect(inputs.some((input) => pattern.test(input))).toBe(false);
    expect(inputs).toContain('build/production-container.ts');
    expect(inputs).not.toContain('services/container.ts');
    expect(bundle.code.length).toBeLessThan(MAX_FUNCTION_BYTES);
  }, 30_000);

  it('loads offline and rejects a start without configuration', async () => {
    const bundle = await bundleFunction(spec);
    const dir = path.join(outputRoot, spec.name);
    writeFunctionFolder(spec, dir, bundle.code);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))).toEqual(functionPackageJson(spec));
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual({});
    const loaded = require(path.join(dir, 'index.js')) as { main: (event: unknown, context: unknown) => Promise<unknown> };
    expect(typeof loaded.main).toBe('function');
    const saved = { ...process.env };
    for (const name of ['TENCENTCLOUD_RUNENV', 'SCF_NAMESPACE', 'TCB_ENV_ID', 'SESSION_SECRET', 'PII_ENCRYPTION_KEY']) {
      delete process.env[name];
    }
    try {
      await expect(loaded.main({ amountFen: 100_000, termMonths: 5 }, {})).rejects.toThrow(
        /Invalid production configuration[\s\S]*TCB_ENV_ID is missing/,
      );
    } finally {
      process.env = saved;
    }
  }, 30_000);
});

describe('size report', () => {
  const sizes: FunctionSize[] = [
    { name: 'draw', indexBytes: 900_000, indexGzipBytes: 270_000, totalBytes: 900_500, fileCount: 3, shipsFaceModels: false },
    { name: 'big', indexBytes: 2_000_000, indexGzipBytes: 600_000, totalBytes: 2_000_000, fileCount: 3, shipsFaceModels: false },
    { name: 'faceVerify', indexBytes: 1_200_000, indexGzipBytes: 330_000, totalBytes: 22_000_000, fileCount: 54, shipsFaceModels: true },
  ];

  it('flags functions over 1 MiB except face ones', () => {
    expect(oversized(sizes).map((size) => size.name)).toEqual(['big']);
  });

  it('prints one row per function', () => {
    const lines = formatSizeReport(sizes).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^draw\s+878\.9 KiB\s+263\.7 KiB\s+879\.4 KiB\s+3\s+ok/);
    expect(lines[2]).toContain('OVER 1 MiB');
    expect(lines[3]).toContain('no limit (face models)');
  });
});

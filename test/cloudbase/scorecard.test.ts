import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createCloudBaseServices } from '../../services/cloudbase-services';
import { deployedScorecard } from '../../services/deployed-scorecard';

// The SDK app and its database are stand-ins (vitest hoists these mocks above the imports), so
// building the services sends no request.
vi.mock('../../adapters/platform/cloudbase-app', () => ({ createCloudBaseApp: () => ({}) }));
vi.mock('../../adapters/storage/cloudbase-store', () => ({ openCloudBaseStore: () => ({}) }));

const ENV = {
  TENCENTCLOUD_RUNENV: 'SCF',
  SESSION_SECRET: 's'.repeat(40),
  PII_ENCRYPTION_KEY: 'q83vEjRWeJCrze8SNFZ4kKvN7xI0Vnh4mqvN7xI0Vng=',
  LOG_LEVEL: 'silent',
};

describe('CloudBase services scorecard', () => {
  it('builds with the deployed scorecard', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudbase-scorecard-'));
    const services = createCloudBaseServices({ env: { ...ENV, LOAN_DATA_DIR: dataDir } });
    expect(services.scorecard.version).toBe('scorecard-v3');
    expect(services.scorecard.version).toBe(deployedScorecard().version);
    expect(services.scorecard.file.intercept).toBe(deployedScorecard().file.intercept);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports no model file directly', () => {
    const sourcePath = path.resolve(__dirname, '../../services/cloudbase-services.ts');
    const source = fs.readFileSync(sourcePath, 'utf8');
    expect(source).toContain("from './deployed-scorecard'");
    expect(source).not.toMatch(/model\/scorecard-v\d+\.json/);
  });
});

import { startOfBusinessDay } from '../core/dates';
import { loadConfig } from '../services/config';
import { createEmbeddedServices, type Services } from '../services/container';
import { AdjustableClock } from '../services/platform/clock';
import { createLogger } from '../services/platform/logger';

/** Minutes after midnight (Asia/Shanghai) at which the daily job's timer fires. */
const JOB_START_MINUTES = 5;

/**
 * Builds the embedded services on an existing SQLite file and moves their clock to 00:05
 * of `businessDate`, which must not be in the past.
 * NOTE: the embedded services import the face adapters, so the face library's modules
 * count in the job process's RSS although the daily job never compares faces.
 */
export function createBenchServices(databaseFile: string, dataDir: string, businessDate: string): Services {
  const config = loadConfig({ ...process.env, LOAN_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const logger = createLogger({ level: config.logLevel });
  const services = createEmbeddedServices({ config, databaseFile, logger });
  const instant = new Date(startOfBusinessDay(businessDate).getTime() + JOB_START_MINUTES * 60_000);
  if (!(services.clock instanceof AdjustableClock)) {
    throw new Error('the embedded services must use an adjustable clock');
  }
  services.clock.advanceTo(instant);
  return services;
}

import path from 'node:path';
import { USER_FUNCTIONS } from '../cloudfunctions/registry';
import { main as accrueDaily } from '../cloudfunctions/accrueDaily';
import { businessDate } from '../core/dates';
import { prepareServices } from '../services/bootstrap';
import { createEmbeddedServices, setServices } from '../services/container';
import { accountBalances, checkLedger } from '../services/ledger';
import { DevSessions } from './session';
import { startLocalCloud, type SandboxTools } from './server';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Starts the local cloud on the embedded adapters and prints where it listens. */
async function start(): Promise<void> {
  const services = createEmbeddedServices();
  setServices(services);
  await prepareServices(services);
  const { config, logger } = services;

  let sandbox: SandboxTools | undefined;
  if (services.sandbox) {
    const { clock, outbox } = services.sandbox;
    outbox.onMessage?.((message) => logger.info({ sms: message }, 'sandbox SMS sent'));
    const clockView = () => ({ now: clock.now().toISOString(), businessDate: businessDate(clock.now()) });
    sandbox = {
      inbox: async (phone) => ({ phone, messages: outbox.messagesFor(phone) }),
      clock: clockView,
      ledger: async () => ({
        report: await checkLedger(services.store),
        balances: await accountBalances(services.store),
      }),
      async advanceClock(days) {
        // Each business date passed gets its daily job, as the timer would have run it.
        for (let day = 0; day < days; day++) {
          clock.advance(DAY_MS);
          const result = await accrueDaily({}, { request_id: `sandbox-clock-${Date.now()}`, function_name: 'accrueDaily' });
          if (!(result as { ok: boolean }).ok) {
            logger.error({ result }, 'sandbox daily job failed');
            throw new Error(`daily job for ${clockView().businessDate} failed; see the server log`);
          }
        }
        logger.info({ days, businessDate: clockView().businessDate }, 'sandbox clock moved');
        return clockView();
      },
    };
  }

  const server = await startLocalCloud({
    host: config.host,
    port: config.port,
    functions: USER_FUNCTIONS,
    sessions: new DevSessions(services.secret),
    logger,
    staticRoot: path.resolve(__dirname, '../client/dist/h5'),
    sandbox,
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ url: `http://${config.host}:${port}/`, dataDir: config.dataDir }, 'local cloud started');
  process.stdout.write(`\nLocal cloud ready: http://${config.host}:${port}/  (API: POST /api/functions/<name>)\n\n`);

  const stop = (signal: string) => {
    logger.info({ signal }, 'local cloud stopping');
    server.close(() => {
      void services.store.close().then(() => {
        logger.info('local cloud stopped');
        process.exit(0);
      });
    });
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

start().catch((error: unknown) => {
  process.stderr.write(`Local cloud failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

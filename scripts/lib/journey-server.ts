import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../..');
/** How long the server may take to start: loading the face model dominates. */
const START_TIMEOUT_MS = 60_000;
const READY_LINE = /Local cloud ready: (http:\/\/[^\s]+)/;

export interface LocalServer {
  url: string;
  /** Temporary data folder of this server; removed by `stop` unless `keepData` is set. */
  dataDir: string;
  /** File that receives the server's stdout and stderr (its JSON log). */
  logFile: string;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Delay from a transfer request to its final status on the sandbox bank rail. */
  bankSettleDelayMs?: number;
  logLevel?: string;
  keepData?: boolean;
}

/**
 * Starts `tsx localcloud/main.ts` as a child process on a free loopback port (PORT=0)
 * with a fresh temporary data folder, and resolves once it prints its address.
 */
export async function startLocalServer(options: StartServerOptions = {}): Promise<LocalServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'loan-journey-'));
  const logFile = path.join(dataDir, 'server.log');
  const log = fs.createWriteStream(logFile);
  const tsxCli = require.resolve('tsx/cli');
  const child = spawn(process.execPath, [tsxCli, path.join(REPO_ROOT, 'localcloud/main.ts')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOAN_DATA_DIR: dataDir,
      SANDBOX_TOOLS: 'on',
      BANK_SETTLE_DELAY_MS: String(options.bankSettleDelayMs ?? 300),
      LOG_LEVEL: options.logLevel ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.pipe(log);

  const url = await waitForReadyLine(child, log, logFile);
  const stop = async () => {
    await stopChild(child);
    log.end();
    if (!options.keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, dataDir, logFile, stop };
}

function waitForReadyLine(child: ChildProcess, log: fs.WriteStream, logFile: string) {
  return new Promise<string>((resolve, reject) => {
    let buffered = '';
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`local server did not start within ${START_TIMEOUT_MS} ms; see ${logFile}`));
    }, START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (ready) return;
      buffered += chunk.toString('utf8');
      const match = READY_LINE.exec(buffered);
      if (match) {
        ready = true;
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local server exited with code ${code} before it was ready; see ${logFile}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

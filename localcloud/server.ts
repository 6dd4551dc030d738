import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Logger } from 'pino';
import type { CloudContext } from '../services/platform/caller';
import { DevSessions, readCookie, SESSION_COOKIE } from './session';

export type CloudFunction = (event: unknown, context: CloudContext) => Promise<unknown>;

export interface SandboxTools {
  /** Latest text messages sent to a phone: the sandbox plays the borrower's handset. */
  inbox(phone: string): Promise<unknown>;
  advanceClock(days: number): Promise<{ now: string; businessDate: string }>;
  clock(): { now: string; businessDate: string };
  /** The ledger check and every account's balance, for journeys and reconciliation. */
  ledger(): Promise<unknown>;
}

export interface LocalCloudOptions {
  host: string;
  port: number;
  functions: Record<string, CloudFunction>;
  sessions: DevSessions;
  logger: Logger;
  /** Folder of the H5 build to serve at `/`, when it exists. */
  staticRoot?: string;
  sandbox?: SandboxTools;
  appId?: string;
}

// Selfies arrive base64-encoded in the body; 8 MB covers several frames of a phone photo.
const MAX_BODY_BYTES = 8 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function readBody(request: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes.`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (!text) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new HttpError(400, 'Request body is not valid JSON.'));
      }
    });
    request.on('error', reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  response.end(text);
}

/**
 * Starts the local cloud: one HTTP server that runs the cloud-function handlers with the
 * event and context CloudBase gives them, on the embedded adapters.
 *
 * Routes: `POST /api/functions/<name>` calls a function as the signed-in browser user, and
 * `POST /api/session` signs a browser in. The `/api/sandbox/...` routes are tester tools.
 * Any other path is served from the H5 build.
 */
export function startLocalCloud(options: LocalCloudOptions): Promise<http.Server> {
  const { logger, sessions } = options;
  const appId = options.appId ?? 'wx_sandbox_h5';

  const callerOf = (request: http.IncomingMessage) =>
    sessions.verify(readCookie(request.headers.cookie, SESSION_COOKIE));

  async function callFunction(name: string, request: http.IncomingMessage, response: http.ServerResponse) {
    const main = Object.prototype.hasOwnProperty.call(options.functions, name) ? options.functions[name] : undefined;
    if (!main) throw new HttpError(404, `No cloud function named "${name}".`);
    const event = await readBody(request);
    const openId = callerOf(request);
    const context: CloudContext = {
      request_id: randomUUID(),
      function_name: name,
      environ: openId ? `WX_OPENID=${openId};WX_APPID=${appId};TCB_SOURCE=wx_localcloud;` : 'TCB_SOURCE=wx_localcloud;',
    };
    const result = await main(event, context);
    sendJson(response, 200, { result, requestId: context.request_id });
  }

  function signIn(request: http.IncomingMessage, response: http.ServerResponse) {
    const existing = callerOf(request);
    if (existing) return sendJson(response, 200, { openId: existing });
    const { openId, cookieValue } = sessions.issue();
    const cookie = `${SESSION_COOKIE}=${encodeURIComponent(cookieValue)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=31536000`;
    logger.info({ event: 'sign-in', openId }, 'sandbox user signed in');
    sendJson(response, 200, { openId }, { 'set-cookie': cookie });
  }

  async function sandboxRoute(route: string, request: http.IncomingMessage, response: http.ServerResponse) {
    const sandbox = options.sandbox;
    if (!sandbox) throw new HttpError(404, 'Sandbox tools are off (SANDBOX_TOOLS=off).');
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (route === 'inbox' && request.method === 'GET') {
      const phone = url.searchParams.get('phone') ?? '';
      if (!/^1[3-9][0-9]{9}$/.test(phone)) throw new HttpError(400, 'Query "phone" must be an 11-digit mainland mobile number.');
      return sendJson(response, 200, await sandbox.inbox(phone));
    }
    if (route === 'clock' && request.method === 'GET') return sendJson(response, 200, sandbox.clock());
    if (route === 'ledger' && request.method === 'GET') return sendJson(response, 200, await sandbox.ledger());
    if (route === 'clock' && request.method === 'POST') {
      const body = (await readBody(request)) as { days?: unknown };
      const days = body.days;
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 400) {
        throw new HttpError(400, 'Field "days" must be an integer from 0 to 400.');
      }
      return sendJson(response, 200, await sandbox.advanceClock(days));
    }
    throw new HttpError(404, `No sandbox route ${request.method} /api/sandbox/${route}.`);
  }

  function serveStatic(request: http.IncomingMessage, response: http.ServerResponse) {
    const root = options.staticRoot;
    if (!root || !fs.existsSync(path.join(root, 'index.html'))) {
      return sendJson(response, 404, {
        error: 'The H5 client is not built. Run `npm run build:h5`; the API is at POST /api/functions/<name>.',
      });
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      throw new HttpError(400, 'The path has a malformed percent escape.');
    }
    const wanted = path.normalize(decoded).replace(/^([/\\])+/, '');
    let file = path.join(root, wanted);
    if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(root, 'index.html');
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  }

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean);
    const handle = async () => {
      if (parts[0] !== 'api') return serveStatic(request, response);
      if (parts[1] === 'functions' && parts.length === 3 && request.method === 'POST') {
        return callFunction(parts[2], request, response);
      }
      if (parts[1] === 'session' && parts.length === 2 && request.method === 'POST') return signIn(request, response);
      if (parts[1] === 'sandbox' && parts.length === 3) return sandboxRoute(parts[2], request, response);
      throw new HttpError(404, `No route ${request.method} ${url.pathname}.`);
    };
    handle().catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) logger.error({ err: error, path: url.pathname }, 'request failed');
      else logger.warn({ status, path: url.pathname, message: (error as Error).message }, 'request rejected');
      if (!response.headersSent) {
        sendJson(response, status, { error: status === 500 ? 'Internal error; try again later.' : (error as Error).message });
      } else {
        response.end();
      }
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

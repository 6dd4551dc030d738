import type { FunctionResult } from '../../core/api';

/** Raised when the local server answers with an HTTP error or a body that is not JSON. */
export class JourneyHttpError extends Error {
  constructor(readonly status: number, readonly route: string, message: string) {
    super(`${route} failed with HTTP ${status}: ${message}`);
    this.name = 'JourneyHttpError';
  }
}

/** How long one request may take before the journey counts it as failed. */
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * An HTTP client for one sandbox person: one cookie jar, so every call after `signIn` runs
 * as that person's OPENID, the way one browser keeps its session cookie.
 */
export class JourneyClient {
  private cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  /** Signs this browser in and keeps the session cookie; returns the sandbox OPENID. */
  async signIn(): Promise<string> {
    const response = await this.request('POST', '/api/session', {});
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const body = (await this.readJson(response, '/api/session')) as { openId: string };
    return body.openId;
  }

  /** Calls a cloud function as this person and returns its result envelope. */
  async call<T>(name: string, event: Record<string, unknown>): Promise<FunctionResult<T>> {
    const route = `/api/functions/${name}`;
    const response = await this.request('POST', route, event);
    const body = (await this.readJson(response, route)) as { result: FunctionResult<T> };
    return body.result;
  }

  /** Calls a cloud function and returns its data, throwing on an `ok: false` result. */
  async callOk<T>(name: string, event: Record<string, unknown>): Promise<T> {
    const result = await this.call<T>(name, event);
    if (!result.ok) {
      const { code, message } = result.error;
      throw new Error(`${name} ${String(event.action ?? '')} returned ${code}: ${message}`);
    }
    return result.data;
  }

  /** Sends a GET to a sandbox tool route such as `/api/sandbox/clock`. */
  async getJson<T>(route: string): Promise<T> {
    return (await this.readJson(await this.request('GET', route), route)) as T;
  }

  /** Sends a POST with a JSON body to a sandbox tool route. */
  async postJson<T>(route: string, body: Record<string, unknown>): Promise<T> {
    return (await this.readJson(await this.request('POST', route, body), route)) as T;
  }

  private request(method: string, route: string, body?: Record<string, unknown>) {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    return fetch(new URL(route, this.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  }

  private async readJson(response: Response, route: string): Promise<unknown> {
    const text = await response.text();
    if (!response.ok) throw new JourneyHttpError(response.status, route, text.slice(0, 300));
    try {
      return JSON.parse(text);
    } catch {
      throw new JourneyHttpError(response.status, route, `body is not JSON: ${text.slice(0, 300)}`);
    }
  }
}

/**
 * Test double of the cloud helper (`src/services/cloud`): the boundary between pages and
 * the server. Tests register a handler per function name and read the recorded calls.
 */
type Handler = (data: Record<string, unknown>) => unknown;

const handlers = new Map<string, Handler>();

export const cloudCalls: { name: string; data: Record<string, unknown> }[] = [];

/** Makes calls of `name` return what `handler` returns (it may throw or return a promise). */
export function onCloud(name: string, handler: Handler): void {
  handlers.set(name, handler);
}

/** Forgets handlers and recorded calls. */
export function resetCloudDouble(): void {
  handlers.clear();
  cloudCalls.length = 0;
}

export const callCloud = jest.fn(async (name: string, data: Record<string, unknown>) => {
  cloudCalls.push({ name, data });
  const handler = handlers.get(name);
  if (!handler) throw new Error(`test double has no handler for cloud function ${name}`);
  return handler(data);
});

export const prepareCloud = jest.fn(async () => undefined);
export const resetCloud = jest.fn();

/** Returns a promise that never settles, which keeps a page in its loading state. */
export function pending<T>(): Promise<T> {
  return new Promise<T>(() => undefined);
}

import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { LoanError, type ErrorCode } from '../../core/errors';
import { callerFromContext, type Caller, type CloudContext } from './caller';
import { getServices, type Services } from '../container';
import { describeZodError } from './validation';

export type FunctionResult<T> =
  | { ok: true; requestId: string; data: T }
  | {
      ok: false;
      requestId: string;
      error: { code: ErrorCode; message: string; field?: string; details?: Record<string, unknown> };
    };

export interface Invocation {
  requestId: string;
  /** Null only for functions declared with `caller: 'none'` (timer triggers). */
  caller: Caller | null;
  services: Services;
}

export interface FunctionDefinition<Schema extends z.ZodType, Output> {
  name: string;
  /** `required`: a signed-in user; `none`: a timer or an operator command. */
  caller: 'required' | 'none';
  input: Schema;
  run(input: z.output<Schema>, invocation: Invocation): Promise<Output>;
}

// Keys the platform adds to an event, and identity fields a client may try to smuggle in.
// They are dropped before validation: identity comes from the context alone.
const PLATFORM_KEYS = ['userInfo', 'tcbContext', 'openid', 'openId', 'OPENID', 'appid', 'appId', 'APPID'];

function withoutPlatformKeys(event: unknown): unknown {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return event;
  const copy: Record<string, unknown> = { ...(event as Record<string, unknown>) };
  for (const key of PLATFORM_KEYS) delete copy[key];
  return copy;
}

/**
 * Wraps a use case as a CloudBase function `main(event, context)`: it takes the caller from
 * the context, validates the event with the schema, runs the use case and returns a result
 * with a stable error code. Each call logs one line with the request id, the function,
 * the outcome and the duration.
 */
export function defineFunction<Schema extends z.ZodType, Output>(
  definition: FunctionDefinition<Schema, Output>,
) {
  return async function main(event: unknown, context: CloudContext = {}): Promise<FunctionResult<Output>> {
    const started = process.hrtime.bigint();
    const requestId = typeof context.request_id === 'string' && context.request_id ? context.request_id : randomUUID();
    const services = await getServices();
    const log = services.logger.child({ requestId, function: definition.name });
    const action = (event as { action?: unknown } | null)?.action;

    const finish = <R extends FunctionResult<Output>>(result: R): R => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const outcome = result.ok ? 'ok' : result.error.code;
      const fields = { action: typeof action === 'string' ? action : undefined, outcome, durationMs };
      if (!result.ok && result.error.code === 'INTERNAL') log.error(fields, 'request failed');
      else log.info(fields, 'request finished');
      return result;
    };

    try {
      const caller = callerFromContext(context, process.env);
      if (definition.caller === 'required' && !caller) {
        throw new LoanError('UNAUTHENTICATED', 'No signed-in user: open the mini-program from WeChat or QQ and sign in again.');
      }
      const parsed = definition.input.safeParse(withoutPlatformKeys(event));
      if (!parsed.success) {
        const { message, field } = describeZodError(parsed.error);
        throw new LoanError('INVALID_INPUT', message, field);
      }
      const data = await definition.run(parsed.data, { requestId, caller, services });
      return finish({ ok: true, requestId, data });
    } catch (error) {
      if (error instanceof LoanError) {
        return finish({
          ok: false,
          requestId,
          error: { code: error.code, message: error.message, field: error.field, details: error.details },
        });
      }
      log.error({ err: error }, 'unexpected error');
      return finish({
        ok: false,
        requestId,
        error: { code: 'INTERNAL', message: `Internal error (request ${requestId}). Try again later.` },
      });
    }
  };
}

import { parseArgs } from 'node:util';
import { DEFAULT_JOURNEY_OPTIONS, type JourneyOptions } from './journey-run';

export const JOURNEY_USAGE = `Usage: npm run journey -- [options]

  --people N        sandbox people to drive (default ${DEFAULT_JOURNEY_OPTIONS.people}, at most 300)
  --days N          business days to simulate after the draws (default ${DEFAULT_JOURNEY_OPTIONS.days})
  --seed N          seed of the amounts, terms and repayment choices (default ${DEFAULT_JOURNEY_OPTIONS.seed})
  --concurrency N   people in flight at once (default ${DEFAULT_JOURNEY_OPTIONS.concurrency})
  --url URL         drive a running local server instead of starting one (loopback only)
  --settle-ms N     bank rail settle delay of the server started here, in ms (default ${DEFAULT_JOURNEY_OPTIONS.bankSettleDelayMs})
  --json            print the summary as JSON
  --no-progress     hide the progress bar
`;

function positiveInteger(text: string | undefined, name: string, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`--${name} must be an integer of at least ${min}, got "${text}"`);
  }
  return value;
}

function loopbackUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const url = new URL(text);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new RangeError(`--url must point at a loopback address, got ${url.hostname}`);
  }
  return url.origin;
}

/** Parses the command line; throws a RangeError that names the invalid option. */
export function parseJourneyArgs(argv: string[]): { options: JourneyOptions; json: boolean; help: boolean } {
  const { values } = parseArgs({
    args: argv,
    options: {
      people: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      concurrency: { type: 'string' },
      url: { type: 'string' },
      'settle-ms': { type: 'string' },
      json: { type: 'boolean', default: false },
      'no-progress': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const defaults = DEFAULT_JOURNEY_OPTIONS;
  const options: JourneyOptions = {
    ...defaults,
    people: positiveInteger(values.people, 'people', defaults.people),
    days: positiveInteger(values.days, 'days', defaults.days, 0),
    seed: positiveInteger(values.seed, 'seed', defaults.seed, 0),
    concurrency: positiveInteger(values.concurrency, 'concurrency', defaults.concurrency),
    url: loopbackUrl(values.url),
    bankSettleDelayMs: positiveInteger(values['settle-ms'], 'settle-ms', defaults.bankSettleDelayMs, 0),
    showProgress: !values['no-progress'],
  };
  return { options, json: values.json === true, help: values.help === true };
}

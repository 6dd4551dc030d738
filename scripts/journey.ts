/**
 * Drives sandbox people through the whole loan journey over HTTP against the local cloud
 * and prints a summary. Exits with 1 when the ledger does not balance or anything
 * unexpected happened, and with 2 on invalid options.
 *
 * Usage: npm run journey -- --people 200 [--days 60] [--seed N] [--json]
 */
import { JOURNEY_USAGE, parseJourneyArgs } from './lib/journey-options';
import { formatSummary } from './lib/journey-report';
import { runJourney } from './lib/journey-run';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseJourneyArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${JOURNEY_USAGE}`);
    return 2;
  }
  if (parsed.help) {
    process.stdout.write(JOURNEY_USAGE);
    return 0;
  }
  const summary = await runJourney(parsed.options);
  process.stdout.write(parsed.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
  const failed = !summary.ledger.balanced || summary.unexpectedErrors.length > 0;
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`journey failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);

import cliProgress from 'cli-progress';

/** A progress bar on stderr for one phase at a time; silent when `enabled` is false. */
export class JourneyProgress {
  private bar: cliProgress.SingleBar | undefined;

  constructor(private readonly enabled: boolean) {}

  /** Starts a new bar for a phase with `total` steps, ending the previous one. */
  start(phase: string, total: number): void {
    this.stop();
    if (!this.enabled) return;
    this.bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: `${phase.padEnd(12)} [{bar}] {value}/{total} {percentage}% | {duration_formatted}`,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total, 0);
  }

  increment(): void {
    this.bar?.increment();
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

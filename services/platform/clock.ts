/** Source of the current instant, so the daily job and tests can run on a chosen date. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that runs with the system clock plus an offset that can only move forward. The
 * local sandbox uses it to replay weeks of daily jobs in minutes; production never does.
 */
export class AdjustableClock implements Clock {
  private offsetMs: number;

  /**
   * @param initialOffsetMs where a previous run left the clock, so time never runs back
   * @param onAdvance called with the new offset after each move, to save it
   */
  constructor(
    private readonly base: Clock = systemClock,
    initialOffsetMs = 0,
    private readonly onAdvance?: (offsetMs: number) => void,
  ) {
    if (!Number.isSafeInteger(initialOffsetMs) || initialOffsetMs < 0) {
      throw new RangeError(`clock offset must be a non-negative integer of milliseconds, got ${initialOffsetMs}`);
    }
    this.offsetMs = initialOffsetMs;
  }

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    if (!Number.isSafeInteger(ms) || ms < 0) {
      throw new RangeError(`clock advance must be a non-negative integer of milliseconds, got ${ms}`);
    }
    this.offsetMs += ms;
    this.onAdvance?.(this.offsetMs);
  }

  /** Moves the clock forward to `instant`; an instant in the past is an error. */
  advanceTo(instant: Date): void {
    const delta = instant.getTime() - this.now().getTime();
    if (delta < 0) throw new RangeError(`clock cannot move back to ${instant.toISOString()}`);
    this.offsetMs += delta;
    this.onAdvance?.(this.offsetMs);
  }
}

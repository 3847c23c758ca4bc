/**
 * Clocks. The engine reads `now()` once per command (Redis's per-command time snapshot), so every time-dependent
 * result of one command, and of one MULTI/EXEC, sees the same millisecond.
 */
export interface Clock {
  /** Unix time in milliseconds. */
  now(): number;
  readonly kind: 'real' | 'virtual';
}

export class RealClock implements Clock {
  readonly kind = 'real';
  now(): number {
    return Date.now();
  }
}

/** A clock that moves only when told: `set`, `advance`, and optionally a fixed step after every command. */
export class VirtualClock implements Clock {
  readonly kind = 'virtual';
  /** Current Unix time in ms; never NaN, never negative. */
  private t: number;
  /** Milliseconds added after each executed command (0 = time stands still). */
  stepPerCommand: number;

  constructor(start = 1_700_000_000_000, stepPerCommand = 0) {
    this.t = checkTime(start);
    this.stepPerCommand = Math.max(0, Math.floor(stepPerCommand));
  }
  now(): number {
    return this.t;
  }
  set(t: number): void {
    this.t = checkTime(t);
  }
  advance(ms: number): void {
    this.t = checkTime(this.t + ms);
  }
  /** The step after a command. It stops at MAX_CLOCK_MS rather than fail the command that already ran. */
  tick(): void {
    if (this.stepPerCommand > 0) this.t = Math.min(MAX_CLOCK_MS, this.t + this.stepPerCommand);
  }
}

/** The latest time a clock can show: the end of JavaScript's Date range (8.64e15 ms, in the year 275760). */
export const MAX_CLOCK_MS = 8.64e15;

/** Whether `t` is a time a clock can be set to (Unix ms, 0 to MAX_CLOCK_MS). */
export const isClockTime = (t: number): boolean => Number.isFinite(t) && t >= 0 && t <= MAX_CLOCK_MS;

function checkTime(t: number): number {
  if (!isClockTime(t)) throw new RangeError(`invalid clock time: ${t}`);
  return Math.floor(t);
}

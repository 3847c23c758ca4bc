/**
 * The engine's time as the page shows it. On a virtual clock that is the time of the last view: it moves only with
 * commands and clock moves. On a real clock the engine's time runs on between views, so the shown time does too: the
 * last view's time plus the time since it arrived, ticking a few times a second, so idle times, seen/active times and
 * BLOCK countdowns count live without a command.
 */

/** How often a real clock's shown time moves. */
export const LIVE_TICK_MS = 200;

export class LiveNow {
  private base = 0;
  private at = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  /** `show` receives each time to show (a component keeps it in its state). */
  constructor(private readonly show: (now: number) => void) {}

  /** The engine's time in a view or summary that just arrived, and whether its clock is real. */
  set(engineNow: number, real: boolean): void {
    this.base = engineNow;
    this.at = performance.now();
    this.show(engineNow);
    if (!real) this.stop();
    else this.timer ??= setInterval(() => this.show(this.base + Math.floor(performance.now() - this.at)), LIVE_TICK_MS);
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}

/**
 * redis-cli's repeat count: `N command` runs the command N times. The playground runs at most MAX_REPEAT in one go
 * (each run is a timeline step and a reply on screen) and says so when a line asks for more.
 */
export const MAX_REPEAT = 10_000;

export const REPEAT_PREFIX = /^\s*[1-9]\d*\s+/;

const hasCount = (argv: readonly string[]) => argv.length > 1 && /^[1-9]\d*$/.test(argv[0]);

/** The count a line asks for (1 without one), before the cap. */
export function askedRepeat(argv: readonly string[]): number {
  return hasCount(argv) ? Number(argv[0]) : 1;
}

/** The commands a line runs: one argv per repeat, at most MAX_REPEAT. */
export function withRepeat(argv: string[]): string[][] {
  if (!hasCount(argv)) return [argv];
  return Array.from({ length: Math.min(Number(argv[0]), MAX_REPEAT) }, () => argv.slice(1));
}

/** Whether a line asks for more repeats than run. */
export const overRepeatCap = (argv: readonly string[]): boolean => askedRepeat(argv) > MAX_REPEAT;

/** What the console says after running a line whose count is over the cap ('' when it is not). */
export function repeatCapNote(argv: readonly string[]): string {
  const asked = askedRepeat(argv);
  if (asked <= MAX_REPEAT) return '';
  const n = (x: number) => (Number.isFinite(x) ? x.toLocaleString('en-US') : 'more');
  return `Ran it ${n(MAX_REPEAT)} times: a repeat count runs at most ${n(MAX_REPEAT)} times here (asked: ${n(asked)}).`;
}

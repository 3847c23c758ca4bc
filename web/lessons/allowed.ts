/**
 * A lesson's list of commands (`allowed` in the lesson format): which typed commands it lets run. An entry names a
 * command (`XGROUP`: every subcommand) or a command and one subcommand (`XGROUP CREATE`); case does not matter.
 * The console refuses the others before they reach the engine, so nothing outside the list changes the state.
 */
import { binaryToUtf8 } from '../../engine/index.ts';

const norm = (s: string) => s.trim().split(/\s+/).join(' ').toUpperCase();

export function isAllowed(allowed: readonly string[], argv: readonly string[]): boolean {
  const name = (argv[0] ?? '').toUpperCase();
  const withSub = `${name} ${(argv[1] ?? '').toUpperCase()}`;
  return allowed.some((a) => {
    const entry = norm(a);
    return entry === name || entry === withSub;
  });
}

/** The name of a transcript line's command when the list leaves it out (upper case), else undefined. */
export function outsideName(allowed: readonly string[], line: string): string | undefined {
  const argv = line.trim().split(/\s+/);
  return isAllowed(allowed, argv) ? undefined : argv[0].toUpperCase();
}

/** What the console prints instead of running a command outside the list ('' when the command is allowed). */
export function refusal(allowed: readonly string[], argv: readonly string[]): string {
  if (isAllowed(allowed, argv)) return '';
  const name = binaryToUtf8(argv[0] ?? '').toUpperCase();
  return `Not run: this lesson allows only ${allowed.map(norm).join(', ')} (not ${name}).`;
}

/**
 * The engine options read once from the URL: `?clock=real`, `?start=<unix ms>`, `?step=<ms per command>`, and
 * `?profile=redis-8.0|redis-7.0` (the server to reproduce). A value that cannot be used is left out, and said.
 */
import { MAX_CLOCK_MS, isClockTime } from '../../engine/index.ts';
import { isProfileName, PROFILE_NAMES } from '../../engine/profile-names.ts';
import type { ClockOptions } from '../../engine/worker.ts';

/** The most virtual time one command may take (the ms/cmd field's maximum): an hour. */
export const MAX_STEP_MS = 3_600_000;

/** Why `t` is not a time the clock can show. */
export const clockRangeProblem = (t: number): string =>
  `The clock goes from 0 to ${MAX_CLOCK_MS} ms (the year 275760): ${Number.isFinite(t) ? t : 'that'} is out of range.`;

/** Clock options from the URL (the virtual clock is the default: repeatable IDs for teaching), and what was left out. */
export function clockFromUrl(search: string): { clock: ClockOptions; problems: string[] } {
  const p = new URLSearchParams(search);
  const problems: string[] = [];
  const num = (k: string, ok: (n: number) => boolean, range: string): number | undefined => {
    const v = p.get(k);
    if (v === null) return undefined;
    if (/^\d+$/.test(v) && ok(Number(v))) return Number(v);
    problems.push(`?${k}=${v.slice(0, 40)} was ignored: it takes ${range}.`);
    return undefined;
  };
  const start = num('start', isClockTime, `Unix ms from 0 to ${MAX_CLOCK_MS}`);
  const step = num('step', (n) => n <= MAX_STEP_MS, `milliseconds per command, from 0 to ${MAX_STEP_MS}`);
  const mode = p.get('clock');
  if (mode !== null && mode !== 'real' && mode !== 'virtual') problems.push(`?clock=${mode.slice(0, 40)} was ignored: it takes real or virtual.`);
  const profile = p.get('profile');
  if (profile !== null && !isProfileName(profile)) problems.push(`?profile=${profile.slice(0, 40)} was ignored: it takes ${PROFILE_NAMES.slice(0, -1).join(', ')} or ${PROFILE_NAMES.at(-1)}.`);
  return {
    clock: {
      mode: mode === 'real' ? 'real' : 'virtual',
      start: start ?? Math.floor(Date.now() / 1000) * 1000,
      step: step ?? 1,
      ...(profile !== null && isProfileName(profile) ? { profile } : {}),
    },
    problems,
  };
}

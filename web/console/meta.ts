/**
 * Console commands: lines starting with `:` (redis-cli's own `:set hints` convention), so they can never be
 * mistaken for Redis commands. Parsing is pure; the session carries the actions out.
 */
import { MAX_CLOCK_MS, isClockTime } from '../../engine/index.ts';
import { MAX_STEP_MS } from '../lib/clock-options.ts';

export type MetaAction =
  | { readonly do: 'help' }
  | { readonly do: 'clock-show' }
  | { readonly do: 'clock-advance'; readonly ms: number }
  | { readonly do: 'clock-set'; readonly t: number }
  | { readonly do: 'clock-step'; readonly ms: number }
  | { readonly do: 'hints'; readonly on: boolean }
  | { readonly do: 'error'; readonly message: string };

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30s`, `1500ms`, `2m`, `1h`, or bare milliseconds. */
export function parseDuration(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(s.trim());
  if (!m) return undefined;
  const v = Math.round(Number(m[1]) * UNITS[m[2] ?? 'ms']);
  return Number.isFinite(v) ? v : undefined;
}

/** What a time may be written as (a field's or a console error's hint). */
export const TIME_FORMS = `Unix ms up to ${MAX_CLOCK_MS}, or an ISO date`;

/** Unix ms or an ISO date (`2020-12-27T19:32:54.170Z`), within the clock's range (see engine/clock.ts). */
export function parseTime(s: string): number | undefined {
  const t = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
  return isClockTime(t) ? t : undefined;
}

export const META_HELP = [
  'Console commands (not sent to Redis):',
  '  :clock              show the clock',
  '  :clock +30s         move the virtual clock forward (ms, s, m, h, d)',
  '  :clock set <time>   set the virtual clock (Unix ms or ISO date)',
  '  :clock step <ms>    virtual milliseconds added after each command',
  '  :set hints          show syntax hints (:set nohints hides them)',
  '  :help               this text',
  'Also: HELP <command>, clear, Tab completes, Ctrl-R searches history, Ctrl-C cancels a blocked command.',
].join('\n');

export function isMeta(line: string): boolean {
  return line.trimStart().startsWith(':');
}

export function parseMeta(line: string): MetaAction {
  const [cmd = '', ...rest] = line.trim().slice(1).split(/\s+/);
  const arg = rest.join(' ');
  switch (cmd.toLowerCase()) {
    case 'help':
    case '?':
      return { do: 'help' };
    case 'set':
      if (arg === 'hints') return { do: 'hints', on: true };
      if (arg === 'nohints') return { do: 'hints', on: false };
      return { do: 'error', message: `Unknown preference '${arg}' (try :set hints or :set nohints)` };
    case 'clock': {
      if (arg === '') return { do: 'clock-show' };
      if (arg.startsWith('+')) {
        const ms = parseDuration(arg.slice(1));
        return ms === undefined ? { do: 'error', message: `Bad duration '${arg.slice(1)}' (try +30s, +500ms, +2m)` } : { do: 'clock-advance', ms };
      }
      const [sub = '', value = ''] = rest;
      if (sub === 'set') {
        const t = parseTime(value);
        return t === undefined ? { do: 'error', message: `Bad time '${value.slice(0, 40)}' (${TIME_FORMS})` } : { do: 'clock-set', t };
      }
      if (sub === 'step') {
        const ms = parseDuration(value);
        return ms === undefined || ms > MAX_STEP_MS
          ? { do: 'error', message: `Bad step '${value.slice(0, 40)}' (0 to ${MAX_STEP_MS} ms, or a duration up to 1h)` }
          : { do: 'clock-step', ms };
      }
      return { do: 'error', message: `Unknown clock command '${arg}' (see :help)` };
    }
    default:
      return { do: 'error', message: `Unknown console command ':${cmd}' (see :help)` };
  }
}

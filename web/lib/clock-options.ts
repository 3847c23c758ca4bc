/**
 * The engine options read once from the URL: `?clock=real`, `?start=<unix ms>`, `?step=<ms per command>`, and
 * `?profile=redis-8.0|redis-7.0` (the server to reproduce; unknown names are ignored).
 */
import { isProfileName } from '../../engine/profile-names.ts';
import type { ClockOptions } from '../../engine/worker.ts';

/** Clock options from the URL; the virtual clock is the default (repeatable IDs for teaching). */
export function clockFromUrl(search: string): ClockOptions {
  const p = new URLSearchParams(search);
  const num = (k: string): number | undefined => {
    const v = p.get(k);
    return v !== null && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  const profile = p.get('profile');
  return {
    mode: p.get('clock') === 'real' ? 'real' : 'virtual',
    start: num('start') ?? Math.floor(Date.now() / 1000) * 1000,
    step: num('step') ?? 1,
    ...(profile !== null && isProfileName(profile) ? { profile } : {}),
  };
}

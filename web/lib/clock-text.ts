/** The clock as `:clock` prints it. */
import type { Summary } from '../../engine/worker.ts';

export function describeClock(s: Summary | null): string {
  if (!s) return 'Clock: unknown';
  const iso = new Date(s.now).toISOString();
  return s.clock === 'virtual' ? `Clock: ${s.now} (${iso}), virtual, +${s.step} ms per command` : `Clock: ${s.now} (${iso}), real time`;
}

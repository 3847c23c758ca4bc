/**
 * Clients blocked on keys the diagram draws no stream for: an XREAD BLOCK on a stream that does not exist yet (the
 * usual way to start a consumer before its producer), or a BLPOP on a list. The streams list their own waiters.
 */
import type { BlockedView, ViewState } from '../../engine/view.ts';
import { formatIdle } from './inspect.ts';

/** How a waiting client is named in the diagram: its CLIENT SETNAME name, else its id. */
export const waiterName = (b: BlockedView): string => b.name || `client ${b.client}`;

/** What is left of its wait at `now`: "no timeout" (BLOCK 0) or a countdown. */
export const waitLeft = (b: BlockedView, now: number): string =>
  b.deadline === null ? 'no timeout' : `${formatIdle(Math.max(0, b.deadline - now))} left`;

export interface WaitingElsewhere {
  readonly b: BlockedView;
  /** The keys it waits on, none of them drawn. */
  readonly keys: readonly string[];
  /** Stream reads wait for a stream to be created; other commands wait on a key of another type. */
  readonly forStream: boolean;
}

export function waitingElsewhere(view: ViewState): WaitingElsewhere[] {
  const drawn = new Set(view.streams.map((s) => `${s.db}:${s.key}`));
  const out: WaitingElsewhere[] = [];
  for (const b of view.blocked) {
    if (b.keys.some((k) => drawn.has(`${b.db}:${k}`))) continue;
    out.push({ b, keys: b.keys, forStream: b.command === 'XREAD' || b.command === 'XREADGROUP' });
  }
  return out;
}

/**
 * Helpers shared by the pending-entry commands (XACK, XACKDEL, XNACK, XPENDING, XCLAIM, XAUTOCLAIM) and XINFO:
 * stream/group lookup, the NOGROUP texts, consumer creation, entry replies and delivery-count arithmetic.
 */
import type { Ctx } from '../context.ts';
import { E, sanitizeError } from '../errors.ts';
import { Consumer, type ConsumerGroup, type PendingEntry } from '../group.ts';
import { formatId, type StreamId } from '../ids.ts';
import { array, bulk, bulks, error, type ErrorReply, type Reply } from '../reply.ts';
import type { Stream } from '../stream.ts';

/** LLONG_MAX: XNACK FATAL's delivery count, and the cap of every increment. */
export const LLONG_MAX = 9223372036854775807n;

/** Whether a "value or error" result is the error (values never have a `t` property). */
export const isErrorReply = (x: object): x is ErrorReply => 't' in x;

/** The stream at `key`: undefined when missing, the WRONGTYPE reply when another type. */
export function lookupStream(ctx: Ctx, key: string): Stream | ErrorReply | undefined {
  const v = ctx.lookupTyped(key, 'stream');
  if (v === undefined || isErrorReply(v)) return v;
  return v.v;
}

/** `%s` in addReplyErrorFormat stops at the first NUL byte (C strings), and newlines become spaces. */
export const cstr = (s: string): string => {
  const nul = s.indexOf('\0');
  return nul < 0 ? s : s.slice(0, nul);
};

/** XCLAIM / XAUTOCLAIM / XPENDING / XNACK: `NOGROUP No such key 's' or consumer group 'g'`. */
export const noKeyOrGroup = (key: string, group: string): Reply =>
  error(sanitizeError(E.noKeyOrGroup(cstr(key), cstr(group))));

/** XINFO CONSUMERS: `NOGROUP No such consumer group 'g' for key name 's'`. */
export const noGroupForKey = (group: string, key: string): Reply =>
  error(sanitizeError(E.noGroupForKey(cstr(group), cstr(key))));

/**
 * server.dirty without WATCH invalidation. XACK, XCLAIM, XAUTOCLAIM and XNACK count as writes but do not call
 * signalModifiedKey (a WATCHed key survives them on a real server), so they cannot use `ctx.modified`.
 */
export function addDirty(ctx: Ctx, n: number): void {
  if (n > 0) ctx.engine.stats.dirty += n;
}

/** The named consumer, created (seen now, never active) with a `consumer-created` event when missing. */
export function getOrCreateConsumer(ctx: Ctx, key: string, g: ConsumerGroup, name: string): Consumer {
  let c = g.consumers.get(name);
  if (!c) {
    c = new Consumer(name, ctx.now);
    g.consumers.set(name, c);
    addDirty(ctx, 1);
    ctx.emit({ type: 'consumer-created', db: ctx.db.index, key, group: g.name, consumer: name });
  }
  return c;
}

/** An entry as stream replies carry it: `[id, [field, value, ...]]`. */
export const entryReply = (id: StreamId, fv: readonly string[]): Reply => array([bulk(formatId(id)), bulks(fv)]);

/** delivery_count + 1, stopping at LLONG_MAX (counts above 2^53 are bigints). */
export function incrementCount(c: number | bigint): number | bigint {
  if (typeof c === 'number') return c < Number.MAX_SAFE_INTEGER ? c + 1 : BigInt(c) + 1n;
  return c >= LLONG_MAX ? LLONG_MAX : c + 1n;
}

/** A count for event payloads (the UI shows numbers; LLONG_MAX loses precision, which is fine there). */
export const countNumber = (c: number | bigint): number => Number(c);

/** Make `pe` owned by `to` (removing it from its previous owner's PEL or from the NACK zone). */
export function moveTo(g: ConsumerGroup, pe: PendingEntry, to: Consumer): void {
  if (pe.consumer === to) return;
  if (pe.consumer) pe.consumer.pel.delete(pe);
  else g.nacked = g.nacked.filter((n) => n !== pe);
  pe.consumer = to;
  to.pel.set(pe);
}

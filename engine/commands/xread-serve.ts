/**
 * Serving one stream of an XREAD / XREADGROUP call: plain reads, `>` deliveries (streamReplyWithRange with a
 * group), history reads of the consumer's own PEL (streamReplyWithRangeFromConsumerPEL) and 8.4 CLAIM.
 */
import type { Ctx } from '../context.ts';
import type { MovedFact, PendingFact } from '../events.ts';
import { PendingEntry, type Consumer, type ConsumerGroup } from '../group.ts';
import { MAX_ID, compareIds, formatId, idLt, nextId, type StreamId } from '../ids.ts';
import { noteDelivered } from '../lag.ts';
import { NULL_ARRAY, array, bulk, bulks, int, isArrayReply, type Reply } from '../reply.ts';
import type { Stream } from '../stream.ts';
import { entryBuilder } from './entry-reply.ts';
import { countNumber, entryReply, incrementCount, moveTo } from './pel-util.ts';

/** What the whole reply may still take (MAXCOUNT / MAXSIZE are totals over every stream of the call). */
export class ReadBudget {
  private entries = 0;
  private bytes = 0;

  /** Whether entry sizes matter (MAXSIZE given): readers skip measuring entries otherwise. */
  readonly sized: boolean;

  constructor(
    private readonly maxCount: number,
    private readonly maxSize: number,
  ) {
    this.sized = maxSize > 0;
  }

  get exhausted(): boolean {
    return (this.maxCount > 0 && this.entries >= this.maxCount) || (this.maxSize > 0 && this.bytes >= this.maxSize);
  }

  /**
   * Whether an entry of `size` bytes still fits. The first entry of the reply always fits, so a read makes
   * progress even when one entry is larger than MAXSIZE.
   */
  fits(size: number): boolean {
    if (this.maxCount > 0 && this.entries >= this.maxCount) return false;
    if (this.maxSize > 0 && this.entries > 0 && this.bytes + size > this.maxSize) return false;
    return true;
  }

  take(size: number): void {
    this.entries++;
    this.bytes += size;
  }
}

/** Sum of field and value lengths. */
function entrySize(fv: readonly string[]): number {
  let n = 0;
  for (const x of fv) n += x.length;
  return n;
}

/** How many more entries a stream may give: COUNT per stream (0 = no limit). */
const room = (count: number, taken: number): boolean => count === 0 || taken < count;

/** The last live entry's ID (streamLastValidID), or undefined for an empty stream. */
export function lastValidId(s: Stream): StreamId | undefined {
  return s.length > 0 ? s.edgeId(true) : undefined;
}

/** XREAD: live entries after `after` (only the last one for `+`). */
export function readPlain(ctx: Ctx, key: string, s: Stream, after: StreamId, count: number, plus: boolean, budget: ReadBudget): Reply[] {
  const out: Reply[] = [];
  const ids: string[] = [];
  const start = nextId(after);
  if (!start) return out;
  const limit = plus ? 1 : count;
  const build = entryBuilder(limit);
  const cur = s.cursor(start, MAX_ID, false);
  while (cur.next()) {
    const { node, i } = cur;
    const size = budget.sized ? node.bytesAt(i) : 0;
    if (!budget.fits(size)) break;
    budget.take(size);
    out.push(build(node, i));
    if (ctx.eventsOn) ids.push(node.idTextAt(i));
    if (!room(limit, out.length)) break;
  }
  if (ctx.eventsOn && ids.length > 0) ctx.emit({ type: 'read', db: ctx.db.index, key, client: ctx.client.id, ids });
  return out;
}

/** An entry in the CLAIM reply shape: `[id, fields, ms-since-last-delivery, delivery-count]`. */
const claimShape = (e: Reply, idle: number, count: number | bigint): Reply =>
  isArrayReply(e) ? [...e, int(idle), int(count)] : e;

/**
 * id > top, for readNew's per-entry check against the PEL's last entry. Its own function rather than compareIds:
 * V8 keeps type feedback per function, and compareIds sees every shape of ID object the engine has (megamorphic
 * loads); here it is always a node's ID against a PendingEntry.
 */
function aboveTop(id: StreamId, top: PendingEntry): boolean {
  const am = id.ms;
  const bm = top.ms;
  const as = id.seq;
  const bs = top.seq;
  if (typeof am === 'number' && typeof bm === 'number' && typeof as === 'number' && typeof bs === 'number') {
    return am !== bm ? am > bm : as > bs;
  }
  return compareIds(id, top) > 0;
}

/** The ID text an entry reply already carries (`[id, fields]`), so an event need not format it again. */
function idTextOf(e: Reply, id: StreamId): string {
  const head = isArrayReply(e) ? e[0] : undefined;
  return typeof head === 'string' ? head : formatId(id);
}

/**
 * `>`: entries after the group's last ID. Each advances last_id / entries_read; unless NOACK it becomes a pending
 * entry of the reader with count 1 (an entry already in the group PEL after SETID moves to the reader).
 */
export function readNew(
  ctx: Ctx,
  key: string,
  s: Stream,
  g: ConsumerGroup,
  consumer: Consumer,
  count: number,
  noack: boolean,
  claimShaped: boolean,
  budget: ReadBudget,
): Reply[] {
  const out: Reply[] = [];
  const start = nextId(g.lastId);
  if (!start) return out;
  const facts: PendingFact[] = [];
  const fixed = ctx.has('lag-after-trim-fix');
  const before = g.lastId;
  const build = entryBuilder(count);
  const cur = s.cursor(start, MAX_ID, false);
  while (cur.next()) {
    const { node, i } = cur;
    const size = budget.sized ? node.bytesAt(i) : 0;
    if (!budget.fits(size)) break;
    budget.take(size);
    const id = node.idAt(i);
    noteDelivered(s, g, id, fixed);
    if (!noack) {
      // New IDs are above every pending one unless SETID moved the cursor back: skip the lookup then.
      const top = g.pel.last();
      const pe = top !== undefined && !aboveTop(id, top) ? g.pel.get(id) : undefined;
      if (pe) {
        moveTo(g, pe, consumer);
        pe.deliveryTime = ctx.now;
        pe.deliveryCount = 1;
      } else {
        const fresh = new PendingEntry(id.ms, id.seq, consumer, ctx.now, 1);
        g.pel.set(fresh);
        consumer.pel.set(fresh);
      }
      consumer.activeTime = ctx.now;
    }
    const e = build(node, i);
    out.push(claimShaped ? claimShape(e, 0, 0) : e);
    if (ctx.eventsOn) facts.push({ id: idTextOf(e, id), count: noack ? 0 : 1 });
    if (!room(count, out.length)) break;
  }
  if (ctx.eventsOn && out.length > 0) {
    // Plain literals, not a spread of shared fields: a spread here cost more than the whole read.
    const db = ctx.db.index;
    ctx.emit({ type: 'delivered', db, key, group: g.name, consumer: consumer.name, via: 'new', noack, entries: facts, missing: [] });
    if (compareIds(before, g.lastId) !== 0) {
      const entriesRead = g.entriesRead < 0 ? null : g.entriesRead;
      ctx.emit({ type: 'group-cursor-moved', db, key, group: g.name, lastId: formatId(g.lastId), entriesRead, cause: 'read' });
    }
  }
  return out;
}

/**
 * History: the consumer's own pending entries after `after`. Each returned entry counts one more delivery and
 * its idle time restarts; an entry deleted from the stream comes back as `[id, nil]`, untouched and still pending.
 */
export function readHistory(ctx: Ctx, key: string, s: Stream, g: ConsumerGroup, consumer: Consumer, after: StreamId, count: number, budget: ReadBudget): Reply[] {
  const out: Reply[] = [];
  const start = nextId(after);
  if (!start) return out;
  const facts: PendingFact[] = [];
  const missing: string[] = [];
  consumer.pel.forEachFrom(start, false, (pe) => {
    if (!room(count, out.length)) return false;
    const entry = s.get(pe);
    const size = entry ? entrySize(entry.fv) : 0;
    if (!budget.fits(size)) return false;
    budget.take(size);
    if (!entry) {
      out.push(array([bulk(formatId(pe)), NULL_ARRAY]));
      if (ctx.eventsOn) missing.push(formatId(pe));
      return true;
    }
    pe.deliveryTime = ctx.now;
    pe.deliveryCount = incrementCount(pe.deliveryCount);
    out.push(array([bulk(formatId(entry.id)), bulks(entry.fv)]));
    if (ctx.eventsOn) facts.push({ id: formatId(pe), count: countNumber(pe.deliveryCount) });
    return true;
  });
  if (ctx.eventsOn && out.length > 0) {
    ctx.emit({ type: 'delivered', db: ctx.db.index, key, group: g.name, consumer: consumer.name, via: 'history', noack: false, entries: facts, missing });
  }
  return out;
}

/**
 * The group's pending entries in PEL time order: the NACKed zone first (FIFO), then owned entries by delivery
 * time (ties by ID, as a rax keyed by time then ID would give).
 */
export function pelTimeOrder(g: ConsumerGroup): PendingEntry[] {
  const owned = g.pel.values().filter((pe) => pe.consumer !== null);
  owned.sort((a, b) => a.deliveryTime - b.deliveryTime || (idLt(a, b) ? -1 : idLt(b, a) ? 1 : 0));
  return [...g.nacked, ...owned];
}

/** Pending entries CLAIM may take now: idle for at least `minIdle` ms and still in the stream. */
export function claimable(s: Stream, g: ConsumerGroup, minIdle: number, now: number): PendingEntry[] {
  return pelTimeOrder(g).filter((pe) => now - pe.deliveryTime >= minIdle && s.has(pe));
}

/** When the next owned pending entry becomes claimable (for a blocked CLAIM reader), or 0 when none will. */
export function nextClaimTime(s: Stream, g: ConsumerGroup, minIdle: number, now: number): number {
  let next = 0;
  for (const pe of g.pel.values()) {
    if (pe.consumer === null || !s.has(pe)) continue;
    const at = pe.deliveryTime + minIdle;
    if (at > now && (next === 0 || at < next)) next = at;
  }
  return next;
}

/**
 * CLAIM: move idle pending entries (any owner, or none) to the reader, count +1, time now. The reply carries the
 * idle time and the count from before this delivery.
 */
export function readClaimed(ctx: Ctx, key: string, s: Stream, g: ConsumerGroup, consumer: Consumer, minIdle: number, count: number, budget: ReadBudget): Reply[] {
  const out: Reply[] = [];
  const moved: MovedFact[] = [];
  for (const pe of claimable(s, g, minIdle, ctx.now)) {
    if (!room(count, out.length)) break;
    const entry = s.get(pe);
    if (!entry) continue;
    const size = entrySize(entry.fv);
    if (!budget.fits(size)) break;
    budget.take(size);
    const idle = ctx.now - pe.deliveryTime;
    const before = pe.deliveryCount;
    const from = pe.consumer?.name ?? null;
    moveTo(g, pe, consumer);
    pe.deliveryTime = ctx.now;
    pe.deliveryCount = incrementCount(before);
    consumer.activeTime = ctx.now;
    out.push(claimShape(entryReply(entry.id, entry.fv), idle, before));
    if (ctx.eventsOn) moved.push({ id: formatId(pe), count: countNumber(pe.deliveryCount), from });
  }
  if (ctx.eventsOn && moved.length > 0) {
    ctx.emit({ type: 'claimed', db: ctx.db.index, key, group: g.name, consumer: consumer.name, via: 'xreadgroup', entries: moved });
  }
  return out;
}

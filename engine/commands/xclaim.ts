/** XCLAIM and XAUTOCLAIM: change the owner of pending entries. */
import { parseLongLong, toNum } from './args.ts';
import type { Ctx } from '../context.ts';
import { E, sanitizeError } from '../errors.ts';
import type { MovedFact } from '../events.ts';
import { PendingEntry, type Consumer, type ConsumerGroup } from '../group.ts';
import { MIN_ID, formatId, idGt, parseStrictId, type StreamId } from '../ids.ts';
import { array, bulk, error, type Reply } from '../reply.ts';
import type { Stream } from '../stream.ts';
import type { TableEntry } from '../table.ts';
import {
  addDirty,
  countNumber,
  cstr,
  entryReply,
  getOrCreateConsumer,
  incrementCount,
  isErrorReply,
  lookupStream,
  moveTo,
  noKeyOrGroup,
} from './pel-util.ts';
import { parseIntervalId } from './xpending.ts';

/** XAUTOCLAIM COUNT upper bound: LONG_MAX / max(sizeof(streamID), attempts factor 10). */
const AUTOCLAIM_MAX_COUNT = 9223372036854775807n / 16n;
/**
 * XAUTOCLAIM allocates COUNT * 16 bytes up front. A real server fails that allocation once it cannot fit the
 * 128 TiB user address space (COUNT 10^12 works, 5.7 * 10^15 fails); model the failure at that bound.
 */
const AUTOCLAIM_ALLOC_LIMIT = 2n ** 43n;

/**
 * The claiming consumer. Since 7.2 it is created (and its seen-time refreshed) before anything is claimed; 7.0
 * looked it up, or created it, only when the first entry was actually claimed.
 */
class Claimer {
  private c: Consumer | undefined;
  readonly now: number;

  constructor(
    private readonly ctx: Ctx,
    private readonly key: string,
    private readonly g: ConsumerGroup,
    private readonly name: string,
  ) {
    this.now = ctx.now;
    if (ctx.has('consumer-active-time')) this.get();
  }

  get(): Consumer {
    if (!this.c) {
      this.c = getOrCreateConsumer(this.ctx, this.key, this.g, this.name);
      this.c.seenTime = this.ctx.now;
    }
    return this.c;
  }
}

/** Hand `pe` to the claimer; returns the fact for the `claimed` event. */
function claim(claimer: Claimer, g: ConsumerGroup, pe: PendingEntry, time: number, count: 'bump' | 'keep' | bigint): MovedFact {
  const to = claimer.get();
  const from = pe.consumer ? pe.consumer.name : null;
  moveTo(g, pe, to);
  pe.deliveryTime = time;
  if (count === 'bump') pe.deliveryCount = incrementCount(pe.deliveryCount);
  else if (count !== 'keep') pe.deliveryCount = toNum(count);
  to.activeTime = claimer.now;
  return { id: formatId(pe), count: countNumber(pe.deliveryCount), from };
}

/** Drop a pending entry whose stream entry is gone (XCLAIM / XAUTOCLAIM clean-up). */
function dropGone(ctx: Ctx, g: ConsumerGroup, pe: PendingEntry): void {
  g.removePending(pe);
  addDirty(ctx, 1);
}

function emitClaimed(ctx: Ctx, key: string, g: ConsumerGroup, consumer: string, via: 'xclaim' | 'xautoclaim', moved: MovedFact[], gone: string[]): void {
  if (gone.length > 0) ctx.emit({ type: 'refs-removed', db: ctx.db.index, key, group: g.name, ids: gone });
  if (moved.length > 0) ctx.emit({ type: 'claimed', db: ctx.db.index, key, group: g.name, consumer, via, entries: moved });
}

const itemReply = (s: Stream, id: StreamId, justId: boolean): Reply => {
  if (justId) return bulk(formatId(id));
  const e = s.get(id);
  return e ? entryReply(e.id, e.fv) : bulk(formatId(id));
};

/**
 * XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-ms] [RETRYCOUNT n] [FORCE] [JUSTID]
 * [LASTID id] — take over pending entries idle for at least min-idle-time; returns the claimed entries (or IDs).
 */
function xclaim(ctx: Ctx, argv: readonly string[]): Reply {
  const key = argv[1];
  const s = lookupStream(ctx, key);
  if (s && isErrorReply(s)) return s;
  const g = s?.groups.get(argv[2]);
  if (!s || !g) return noKeyOrGroup(key, argv[2]);
  const minIdleArg = parseLongLong(argv[4]);
  if (minIdleArg === undefined) return error(E.xclaimMinIdle);
  const minIdle = minIdleArg < 0n ? 0 : Number(minIdleArg);

  // IDs are parsed leniently: the first token that is not an ID starts the options.
  const ids: StreamId[] = [];
  let j = 5;
  for (; j < argv.length; j++) {
    const id = parseStrictId(argv[j]);
    if (!id) break;
    ids.push(id);
  }
  let force = false;
  let justId = false;
  let deliveryTime: bigint | undefined;
  let retry = -1n;
  let lastId: StreamId = MIN_ID;
  for (; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = argv[j].toLowerCase();
    if (opt === 'force') force = true;
    else if (opt === 'justid') justId = true;
    else if (opt === 'idle' && more > 0) {
      const v = parseLongLong(argv[++j]);
      if (v === undefined) return error(E.xclaimIdle);
      deliveryTime = BigInt(ctx.now) - v;
    } else if (opt === 'time' && more > 0) {
      const v = parseLongLong(argv[++j]);
      if (v === undefined) return error(E.xclaimTime);
      deliveryTime = v;
    } else if (opt === 'retrycount' && more > 0) {
      const v = parseLongLong(argv[++j]);
      if (v === undefined) return error(E.xclaimRetrycount);
      retry = v;
    } else if (opt === 'lastid' && more > 0) {
      const v = parseStrictId(argv[++j]);
      if (!v) return error(E.invalidStreamId);
      lastId = v;
    } else {
      return error(sanitizeError(E.xclaimUnknownOption(cstr(argv[j]))));
    }
  }

  // LASTID only ever moves the group's cursor forward (entries-read is left as it is).
  if (idGt(lastId, g.lastId)) {
    g.lastId = lastId;
    addDirty(ctx, 1);
    ctx.emit({
      type: 'group-cursor-moved',
      db: ctx.db.index,
      key,
      group: g.name,
      lastId: formatId(lastId),
      entriesRead: g.entriesRead === -1 ? null : g.entriesRead,
      cause: 'xclaim-lastid',
    });
  }
  // A bogus IDLE/TIME (negative, or in the future) means "now", not an error: clients compute it from their clocks.
  const time = deliveryTime === undefined || deliveryTime < 0n || deliveryTime > BigInt(ctx.now) ? ctx.now : Number(deliveryTime);
  const count = retry >= 0n ? retry : justId ? 'keep' : 'bump';

  const claimer = new Claimer(ctx, key, g, argv[3]);
  const out: Reply[] = [];
  const moved: MovedFact[] = [];
  const gone: string[] = [];
  for (const id of ids) {
    let pe = g.pel.get(id);
    if (!s.has(id)) {
      // Deleted from the stream: never returned, and its stale PEL reference goes away (7.0+).
      if (pe) {
        dropGone(ctx, g, pe);
        gone.push(formatId(id));
      }
      continue;
    }
    if (force && !pe) {
      pe = new PendingEntry(id.ms, id.seq, null, ctx.now, 1);
      g.pel.set(pe);
    }
    if (!pe) continue;
    // min-idle-time only applies to owned entries (not to FORCE-created or NACKed ones).
    if (pe.consumer && minIdle && ctx.now - pe.deliveryTime < minIdle) continue;
    moved.push(claim(claimer, g, pe, time, count));
    out.push(itemReply(s, id, justId));
    addDirty(ctx, 1);
  }
  emitClaimed(ctx, key, g, argv[3], 'xclaim', moved, gone);
  return array(out);
}

/**
 * XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID] — scan the PEL from `start` and claim
 * up to COUNT idle entries; returns [next cursor, claimed entries (or IDs), IDs deleted from the stream].
 */
function xautoclaim(ctx: Ctx, argv: readonly string[]): Reply {
  const minIdleArg = parseLongLong(argv[4]);
  if (minIdleArg === undefined) return error(E.xautoclaimMinIdle);
  const minIdle = minIdleArg < 0n ? 0 : Number(minIdleArg);
  const start = parseIntervalId(argv[5], 0, false);
  if (isErrorReply(start)) return start;
  let countArg = 100n;
  let justId = false;
  for (let j = 6; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = argv[j].toLowerCase();
    if (opt === 'count' && more > 0) {
      const v = parseLongLong(argv[++j]);
      if (v === undefined || v < 1n || v > AUTOCLAIM_MAX_COUNT) return error(E.xautoclaimCount);
      countArg = v;
    } else if (opt === 'justid') {
      justId = true;
    } else {
      return error(E.syntax);
    }
  }

  const key = argv[1];
  const s = lookupStream(ctx, key);
  if (s && isErrorReply(s)) return s;
  const g = s?.groups.get(argv[2]);
  if (!s || !g) return noKeyOrGroup(key, argv[2]);
  if (countArg >= AUTOCLAIM_ALLOC_LIMIT) {
    return error(E.xautoclaimNoMemory);
  }

  let count = Number(countArg);
  let attempts = count * 10;
  const claimer = new Claimer(ctx, key, g, argv[3]);
  const out: Reply[] = [];
  const moved: MovedFact[] = [];
  const gone: string[] = [];
  let cursor: StreamId = MIN_ID;
  g.pel.forEachFrom(start, false, (pe) => {
    // The entry after the last one examined is the next call's cursor.
    if (attempts === 0 || count === 0) {
      cursor = pe;
      return false;
    }
    attempts--;
    if (!s.has(pe)) {
      dropGone(ctx, g, pe);
      gone.push(formatId(pe));
      count--; // deleted IDs count towards COUNT: they are part of the reply
      return true;
    }
    if (pe.consumer && minIdle && ctx.now - pe.deliveryTime < minIdle) return true;
    moved.push(claim(claimer, g, pe, ctx.now, justId ? 'keep' : 'bump'));
    out.push(itemReply(s, pe, justId));
    addDirty(ctx, 1);
    count--;
    return true;
  });
  emitClaimed(ctx, key, g, argv[3], 'xautoclaim', moved, gone);
  return array([bulk(formatId(cursor)), array(out), array(gone.map(bulk))]);
}

const KEY = { first: 1, last: 1, step: 1 } as const;

export const xclaimCommands: readonly TableEntry[] = [
  { name: 'xclaim', arity: -6, flags: ['write', 'fast'], keys: KEY, handler: xclaim },
  { name: 'xautoclaim', arity: -6, flags: ['write', 'fast'], keys: KEY, handler: xautoclaim },
];

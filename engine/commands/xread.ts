/**
 * XREAD and XREADGROUP (xreadCommand): parse, resolve every stream, serve what can be served now, otherwise block.
 * A blocked call is re-run by the engine: XREAD when one of its keys holds a stream after a signal, XREADGROUP on
 * any signal of its keys (7.2+ re-execution; the 7.0 profile answers 7.0's UNBLOCKED / NOGROUP texts instead).
 */
import type { Ctx } from '../context.ts';
import { compareIds, formatId, isMaxId } from '../ids.ts';
import { NULL_ARRAY, array, bulk, error, map, type Reply } from '../reply.ts';
import type { TableEntry } from '../table.ts';
import { addDirty, getOrCreateConsumer, isErrorReply } from './pel-util.ts';
import { parseReadOptions, resolveTargets, type ReadOptions, type ReadTarget } from './xread-args.ts';
import { ReadBudget, claimable, lastValidId, nextClaimTime, readClaimed, readHistory, readNew, readPlain } from './xread-serve.ts';

/** The top-level reply: `[[key, entries], ...]` in RESP2, a map `{key: entries}` in RESP3. */
function streamsReply(ctx: Ctx, served: readonly (readonly [string, Reply[]])[]): Reply {
  if (served.length === 0) return NULL_ARRAY;
  if (ctx.client.resp === 3) return map(served.map(([k, e]) => [bulk(k), array(e)] as const));
  return array(served.map(([k, e]) => array([bulk(k), array(e)])));
}

/** Nothing to serve: block (when BLOCK was given and blocking is allowed) or answer nil. */
function blockOrNil(ctx: Ctx, argv: readonly string[], opts: ReadOptions, targets: readonly ReadTarget[], recheckAt: number): Reply {
  if (opts.block === null || !ctx.canBlock) return NULL_ARRAY;
  // `$` means "after the last ID when the call started": the re-run must keep that ID, not re-resolve it.
  const rerun = argv.map((a, i) => {
    const t = i >= opts.streamsArg + targets.length ? targets[i - opts.streamsArg - targets.length] : undefined;
    return t && a === '$' ? formatId(t.after) : a;
  });
  return ctx.block({
    keys: opts.keys,
    wakeOn: opts.group ? 'any' : 'stream',
    timeoutMs: opts.block,
    argv: rerun,
    recheckAt,
    group: opts.group ? opts.groupName : undefined,
    consumer: opts.group ? opts.consumer : undefined,
  });
}

/** XREAD [COUNT n] [MAXCOUNT n] [MAXSIZE n] [BLOCK ms] STREAMS key [key ...] id [id ...] — read entries after each ID. */
function xread(ctx: Ctx, argv: readonly string[]): Reply {
  const opts = parseReadOptions(ctx, argv, false);
  if (isErrorReply(opts)) return opts;
  const targets = resolveTargets(ctx, argv, opts);
  if (isErrorReply(targets)) return targets;
  const budget = new ReadBudget(opts.maxCount, opts.maxSize);
  const served: [string, Reply[]][] = [];
  for (const t of targets) {
    const s = t.stream;
    if (!s || budget.exhausted) continue;
    const last = lastValidId(s);
    if (!last || compareIds(last, t.after) <= 0) continue;
    const entries = readPlain(ctx, t.key, s, t.after, opts.count, t.plus, budget);
    if (entries.length > 0) served.push([t.key, entries]);
  }
  if (served.length > 0) return streamsReply(ctx, served);
  return blockOrNil(ctx, argv, opts, targets, 0);
}

/** A blocked XREADGROUP re-run on the 7.0 profile: 7.0 answered a vanished key or group with its own texts. */
function unblockedError70(ctx: Ctx, opts: ReadOptions): Reply | undefined {
  const keyGone = ctx.text('blockedKeyDeleted');
  const groupGone = ctx.text('blockedGroupDestroyed');
  if (!ctx.reprocessing || keyGone === null || groupGone === null) return undefined;
  for (const key of opts.keys) {
    const v = ctx.lookup(key);
    if (!v || v.type !== 'stream') return error(keyGone);
    if (!v.v.groups.has(opts.groupName)) return error(groupGone);
  }
  return undefined;
}

/**
 * XREADGROUP GROUP group consumer [COUNT n] [MAXCOUNT n] [MAXSIZE n] [BLOCK ms] [CLAIM min-idle-time] [NOACK]
 * STREAMS key [key ...] id [id ...] — deliver new entries (`>`), optionally claiming idle ones first, or re-read
 * the consumer's own pending entries (any other ID).
 */
function xreadgroup(ctx: Ctx, argv: readonly string[]): Reply {
  const opts = parseReadOptions(ctx, argv, true);
  if (isErrorReply(opts)) return opts;
  const gone = unblockedError70(ctx, opts);
  if (gone) return gone;
  const targets = resolveTargets(ctx, argv, opts);
  if (isErrorReply(targets)) return targets;
  const budget = new ReadBudget(opts.maxCount, opts.maxSize);
  const served: [string, Reply[]][] = [];
  // Once a stream of the call is a history read, CLAIM is off for the streams after it (as in t_stream.c).
  let claimOn = opts.claim !== null;
  let recheckAt = 0;
  for (const t of targets) {
    const s = t.stream;
    const g = t.group;
    if (!s || !g) continue;
    // 7.2+ creates (and refreshes) the consumer before looking for anything to serve; 7.0 only when it serves.
    const touch = () => {
      const c = getOrCreateConsumer(ctx, t.key, g, opts.consumer);
      c.seenTime = ctx.now;
      return c;
    };
    const eager = ctx.has('xreadgroup-eager-consumer') ? touch() : undefined;
    if (!isMaxId(t.after)) {
      claimOn = false;
      served.push([t.key, readHistory(ctx, t.key, s, g, eager ?? touch(), t.after, opts.count, budget)]);
      addDirty(ctx, 1);
      continue;
    }
    const minIdle = claimOn ? (opts.claim as number) : null;
    const last = lastValidId(s);
    const hasNew = last !== undefined && compareIds(last, g.lastId) > 0;
    const hasClaimable = minIdle !== null && claimable(s, g, minIdle, ctx.now).length > 0;
    if (!hasNew && !hasClaimable) {
      if (minIdle !== null) {
        const at = nextClaimTime(s, g, minIdle, ctx.now);
        if (at && (recheckAt === 0 || at < recheckAt)) recheckAt = at;
      }
      continue;
    }
    if (budget.exhausted) continue;
    const consumer = eager ?? touch();
    const claimed = minIdle !== null ? readClaimed(ctx, t.key, s, g, consumer, minIdle, opts.count, budget) : [];
    const left = opts.count === 0 ? 0 : opts.count - claimed.length;
    let entries = claimed;
    if (opts.count === 0 || left > 0) {
      const fresh = readNew(ctx, t.key, s, g, consumer, left, opts.noack, minIdle !== null, budget);
      // Without claimed entries the new ones are the whole reply (no copy); otherwise append them one by one (a
      // spread push of a long read can overflow the stack).
      if (claimed.length === 0) entries = fresh;
      else for (const e of fresh) claimed.push(e);
    }
    served.push([t.key, entries]);
    addDirty(ctx, 1);
  }
  if (served.length > 0) return streamsReply(ctx, served);
  return blockOrNil(ctx, argv, opts, targets, recheckAt);
}

export const xreadCommands: readonly TableEntry[] = [
  { name: 'xread', arity: -4, flags: ['readonly', 'blocking'], keys: { first: 0, last: 0, step: 0 }, handler: xread },
  { name: 'xreadgroup', arity: -7, flags: ['write', 'blocking'], keys: { first: 0, last: 0, step: 0 }, handler: xreadgroup },
];

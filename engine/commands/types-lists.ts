/** List commands: LPUSH/RPUSH, LPOP/RPOP, LRANGE, LLEN and the blocking BLPOP/BRPOP. */
import { E } from '../errors.ts';
import { NULL, NULL_ARRAY, EMPTY_ARRAY, bulk, bulks, error, int, type Reply } from '../reply.ts';
import type { Ctx } from '../context.ts';
import type { Value } from '../keyspace.ts';
import type { TableEntry } from '../table.ts';
import { parseLongLong, parseSafeInt, parseTimeoutSeconds } from './args.ts';

type List = Extract<Value, { type: 'list' }>;
const KEY1 = { first: 1, last: 1, step: 1 } as const;

/** LPUSH / RPUSH key element [element ...] — push to the head or tail; returns the new length. */
function push(ctx: Ctx, argv: readonly string[], head: boolean): Reply {
  const key = argv[1];
  const found = ctx.lookupTyped(key, 'list');
  if (found !== undefined && 't' in found) return found;
  let list: List;
  if (found) list = found;
  else {
    list = { type: 'list', v: [] };
    ctx.setKey(key, list);
  }
  const items = argv.slice(2);
  if (head) list.v.unshift(...items.reverse());
  else list.v.push(...items);
  ctx.modified(key, items.length);
  ctx.signalReady(key);
  return int(list.v.length);
}

/** Remove `count` elements from one end; an emptied list is deleted, as Redis never keeps empty lists. */
function popFrom(ctx: Ctx, key: string, list: List, count: number, head: boolean): string[] {
  const n = Math.min(count, list.v.length);
  const out = head ? list.v.splice(0, n) : list.v.splice(list.v.length - n, n).reverse();
  if (list.v.length === 0) ctx.deleteKey(key);
  ctx.modified(key);
  return out;
}

/** LPOP / RPOP key [count] — without count one element or nil; with count an array (nil on a missing key). */
function pop(ctx: Ctx, argv: readonly string[], head: boolean): Reply {
  if (argv.length > 3) return error(E.wrongArity(head ? 'lpop' : 'rpop'));
  let count = 1;
  if (argv.length === 3) {
    const c = parseLongLong(argv[2]);
    if (c === undefined || c < 0n) return error('ERR value is out of range, must be positive');
    count = c > 1_000_000_000_000n ? 1e12 : Number(c);
  }
  const found = ctx.lookupTyped(argv[1], 'list');
  if (found === undefined) return argv.length === 3 ? NULL_ARRAY : NULL;
  if ('t' in found) return found;
  if (argv.length === 2) return bulk(popFrom(ctx, argv[1], found, 1, head)[0]);
  if (count === 0) return EMPTY_ARRAY;
  return bulks(popFrom(ctx, argv[1], found, count, head));
}

/** LRANGE key start stop — inclusive range, negative indexes count from the end. */
function lrange(ctx: Ctx, argv: readonly string[]): Reply {
  const start0 = parseSafeInt(argv[2]);
  const end0 = parseSafeInt(argv[3]);
  if (start0 === undefined || end0 === undefined) return error(E.notInteger);
  const found = ctx.lookupTyped(argv[1], 'list');
  if (found === undefined) return EMPTY_ARRAY;
  if ('t' in found) return found;
  const len = found.v.length;
  let start = start0 < 0 ? len + start0 : start0;
  let end = end0 < 0 ? len + end0 : end0;
  if (start < 0) start = 0;
  if (start > end || start >= len) return EMPTY_ARRAY;
  if (end >= len) end = len - 1;
  return bulks(found.v.slice(start, end + 1));
}

/**
 * BLPOP / BRPOP key [key ...] timeout — pop from the first non-empty list, or wait for a push. The timeout is
 * seconds as a float; 0 waits forever. Inside MULTI it answers nil at once.
 */
function blockingPop(ctx: Ctx, argv: readonly string[], head: boolean): Reply {
  const t = parseTimeoutSeconds(argv[argv.length - 1]);
  if ('error' in t) return error(t.error === 'negative' ? E.timeoutNegative : E.timeoutNotFloat);
  const keys = argv.slice(1, -1);
  for (const key of keys) {
    const found = ctx.lookupTyped(key, 'list');
    if (found === undefined) continue;
    if ('t' in found) return found;
    return bulks([key, popFrom(ctx, key, found, 1, head)[0]]);
  }
  if (!ctx.canBlock) return NULL_ARRAY;
  return ctx.block({ keys, wakeOn: 'list', timeoutMs: t.ms, argv });
}

export const listCommands: readonly TableEntry[] = [
  { name: 'lpush', arity: -3, flags: ['write', 'denyoom', 'fast'], keys: KEY1, handler: (ctx, argv) => push(ctx, argv, true) },
  { name: 'rpush', arity: -3, flags: ['write', 'denyoom', 'fast'], keys: KEY1, handler: (ctx, argv) => push(ctx, argv, false) },
  { name: 'lpop', arity: -2, flags: ['write', 'fast'], keys: KEY1, handler: (ctx, argv) => pop(ctx, argv, true) },
  { name: 'rpop', arity: -2, flags: ['write', 'fast'], keys: KEY1, handler: (ctx, argv) => pop(ctx, argv, false) },
  { name: 'lrange', arity: 4, flags: ['readonly'], keys: KEY1, handler: lrange },
  {
    name: 'llen',
    arity: 2,
    flags: ['readonly', 'fast'],
    keys: KEY1,
    /** LLEN key — the list's length (0 when missing). */
    handler: (ctx, argv) => {
      const found = ctx.lookupTyped(argv[1], 'list');
      if (found === undefined) return int(0);
      return 't' in found ? found : int(found.v.length);
    },
  },
  {
    name: 'blpop',
    arity: -3,
    flags: ['write', 'noscript', 'blocking'],
    keys: { first: 1, last: -2, step: 1 },
    handler: (ctx, argv) => blockingPop(ctx, argv, true),
  },
  {
    name: 'brpop',
    arity: -3,
    flags: ['write', 'noscript', 'blocking'],
    keys: { first: 1, last: -2, step: 1 },
    handler: (ctx, argv) => blockingPop(ctx, argv, false),
  },
];

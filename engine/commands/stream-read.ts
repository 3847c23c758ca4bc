/** XLEN, XRANGE and XREVRANGE. */
import type { Ctx } from '../context.ts';
import { E } from '../errors.ts';
import { U64_MAX, nextId, parseIdGeneric, prevId, type StreamId, type U64 } from '../ids.ts';
import { EMPTY_ARRAY, NULL_ARRAY, array, error, int, type Reply } from '../reply.ts';
import type { Stream } from '../stream.ts';
import type { TableEntry } from '../table.ts';
import { isWord, parseSafeInt } from './args.ts';
import { entryBuilder } from './entry-reply.ts';

/** Live entries in [start, end] as an entry array, ascending or (rev) descending; count 0 = no limit. */
export function rangeReply(s: Stream, start: StreamId, end: StreamId, count: number, rev: boolean): Reply {
  const out: Reply[] = [];
  const build = entryBuilder(count);
  const cur = s.cursor(start, end, rev);
  while (cur.next()) {
    out.push(build(cur.node, cur.i));
    if (out.length === count) break;
  }
  return array(out);
}

/**
 * streamParseIntervalIDOrReply: `-`, `+`, `ms[-seq]` (a missing seq becomes `missingSeq`), or `(id` for an
 * exclusive bound (strict: `(-` and `(+` are invalid). Returns the inclusive bound, or an error text.
 */
export function parseIntervalId(s: string, missingSeq: U64, isStart: boolean): StreamId | string {
  const exclusive = s.length > 1 && s.charCodeAt(0) === 40; /* ( */
  const p = parseIdGeneric(exclusive ? s.slice(1) : s, missingSeq, exclusive, false);
  if (!p) return E.invalidStreamId;
  if (!exclusive) return p.id;
  const moved = isStart ? nextId(p.id) : prevId(p.id);
  return moved ?? (isStart ? E.invalidStartInterval : E.invalidEndInterval);
}

/** XRANGE key start end [COUNT count] / XREVRANGE key end start [COUNT count]. */
function xrangeGeneric(ctx: Ctx, argv: readonly string[], rev: boolean): Reply {
  const start = parseIntervalId(rev ? argv[3] : argv[2], 0, true);
  if (typeof start === 'string') return error(start);
  const end = parseIntervalId(rev ? argv[2] : argv[3], U64_MAX, false);
  if (typeof end === 'string') return error(end);
  let count = -1;
  for (let j = 4; j < argv.length; j++) {
    if (isWord(argv[j], 'count') && j + 1 < argv.length) {
      const n = parseSafeInt(argv[j + 1]);
      if (n === undefined) return error(E.notInteger);
      count = n < 0 ? 0 : n;
      j++;
    } else {
      return error(E.syntax);
    }
  }
  // The type check comes after parsing; a missing key is an empty array even for COUNT 0.
  const v = ctx.lookupTyped(argv[1], 'stream');
  if (v === undefined) return EMPTY_ARRAY;
  if ('t' in v) return v;
  if (count === 0) return NULL_ARRAY;
  return rangeReply(v.v, start, end, count === -1 ? 0 : count, rev);
}

/** XRANGE key start end [COUNT count] — entries with IDs in [start, end], oldest first. */
const xrange = (ctx: Ctx, argv: readonly string[]): Reply => xrangeGeneric(ctx, argv, false);
/** XREVRANGE key end start [COUNT count] — entries with IDs in [start, end], newest first. */
const xrevrange = (ctx: Ctx, argv: readonly string[]): Reply => xrangeGeneric(ctx, argv, true);

/** XLEN key — the number of entries (0 for a missing key). */
function xlen(ctx: Ctx, argv: readonly string[]): Reply {
  const v = ctx.lookupTyped(argv[1], 'stream');
  if (v === undefined) return int(0);
  if ('t' in v) return v;
  return int(v.v.length);
}

export const streamReadCommands: readonly TableEntry[] = [
  { name: 'xlen', arity: 2, flags: ['readonly', 'fast'], keys: { first: 1, last: 1, step: 1 }, handler: xlen },
  { name: 'xrange', arity: -4, flags: ['readonly'], keys: { first: 1, last: 1, step: 1 }, handler: xrange },
  { name: 'xrevrange', arity: -4, flags: ['readonly'], keys: { first: 1, last: 1, step: 1 }, handler: xrevrange },
];

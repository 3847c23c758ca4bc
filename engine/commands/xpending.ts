/** XPENDING: the summary form and the extended (per-entry) form. */
import { parseLongLong } from './args.ts';
import type { Ctx } from '../context.ts';
import { E } from '../errors.ts';
import { MAX_ID, MIN_ID, U64_MAX, formatId, nextId, parseId, parseStrictId, prevId, type StreamId, type U64 } from '../ids.ts';
import { NULL, NULL_ARRAY, array, bulk, error, int, type ErrorReply, type Reply } from '../reply.ts';
import type { TableEntry } from '../table.ts';
import { isErrorReply, lookupStream, noKeyOrGroup } from './pel-util.ts';

/**
 * streamParseIntervalIDOrReply: `(id` is exclusive (strictly parsed, then moved one step inward), anything else
 * is parsed leniently (`-`, `+`, `ms`, `ms-seq`). Shared with XAUTOCLAIM's start.
 */
export function parseIntervalId(arg: string, missingSeq: U64, isEnd: boolean): StreamId | ErrorReply {
  if (arg.length > 1 && arg[0] === '(') {
    const id = parseStrictId(arg.slice(1), missingSeq);
    if (!id) return error(E.invalidStreamId);
    const moved = isEnd ? prevId(id) : nextId(id);
    if (!moved) return error(isEnd ? E.invalidEndInterval : E.invalidStartInterval);
    return moved;
  }
  return parseId(arg, missingSeq) ?? error(E.invalidStreamId);
}

/** XPENDING key group [[IDLE min-idle-time] start end count [consumer]] — inspect the group's pending entries. */
function xpending(ctx: Ctx, argv: readonly string[]): Reply {
  const argc = argv.length;
  // Only argc is validated: extra arguments after the consumer are ignored.
  if (argc !== 3 && (argc < 6 || argc > 9)) return error(E.syntax);
  let start: StreamId = MIN_ID;
  let end: StreamId = MAX_ID;
  let count = 0;
  let minIdle = 0;
  let consumerName: string | undefined;
  if (argc >= 6) {
    let at = 3;
    if (argv[3].toLowerCase() === 'idle') {
      const v = parseLongLong(argv[4]);
      if (v === undefined) return error(E.notInteger);
      minIdle = Number(v);
      if (argc < 8) return error(E.syntax);
      at += 2;
    }
    const c = parseLongLong(argv[at + 2]);
    if (c === undefined) return error(E.notInteger);
    count = c < 0n ? 0 : Number(c);
    const s = parseIntervalId(argv[at], 0, false);
    if (isErrorReply(s)) return s;
    const e = parseIntervalId(argv[at + 1], U64_MAX, true);
    if (isErrorReply(e)) return e;
    start = s;
    end = e;
    if (at + 3 < argc) consumerName = argv[at + 3];
  }

  const key = argv[1];
  const s = lookupStream(ctx, key);
  if (s && isErrorReply(s)) return s;
  const g = s?.groups.get(argv[2]);
  if (!g) return noKeyOrGroup(key, argv[2]);

  if (argc === 3) {
    const first = g.pel.first();
    const last = g.pel.last();
    if (!first || !last) return array([int(0), NULL, NULL, NULL_ARRAY]);
    // Unowned (NACKed) entries count in the total but under no consumer.
    const owners: Reply[] = [];
    for (const c of g.sortedConsumers()) {
      if (c.pel.size > 0) owners.push(array([bulk(c.name), bulk(String(c.pel.size))]));
    }
    return array([int(g.pel.size), bulk(formatId(first)), bulk(formatId(last)), array(owners)]);
  }

  let pel = g.pel;
  if (consumerName !== undefined) {
    const c = g.consumers.get(consumerName);
    if (!c) return array([]);
    pel = c.pel;
  }
  const rows: Reply[] = [];
  if (count > 0) {
    pel.forEachFrom(start, false, (pe) => {
      if (pe.ms > end.ms || (pe.ms === end.ms && pe.seq > end.seq)) return false;
      const idle = ctx.now - pe.deliveryTime;
      // IDLE filters owned entries only; NACKed ones have no delivery time to measure.
      if (pe.consumer && minIdle && idle < minIdle) return true;
      rows.push(
        array([
          bulk(formatId(pe)),
          bulk(pe.consumer ? pe.consumer.name : ''),
          int(pe.consumer ? Math.max(0, idle) : -1),
          int(pe.deliveryCount),
        ]),
      );
      return rows.length < count;
    });
  }
  return array(rows);
}

export const xpendingCommands: readonly TableEntry[] = [
  { name: 'xpending', arity: -3, flags: ['readonly'], keys: { first: 1, last: 1, step: 1 }, handler: xpending },
];

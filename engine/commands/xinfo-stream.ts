/** XINFO STREAM key [FULL [COUNT count]]: the stream summary, or the full dump of entries, groups and PELs. */
import { parseLongLong } from './args.ts';
import type { Ctx } from '../context.ts';
import { E } from '../errors.ts';
import { ENTRIES_READ_INVALID, type Consumer, type ConsumerGroup } from '../group.ts';
import { MAX_ID, MIN_ID, formatId } from '../ids.ts';
import { groupLag } from '../lag.ts';
import { NULL, array, bulk, error, fields, int, type Reply } from '../reply.ts';
import type { Stream } from '../stream.ts';
import { idmpInfo } from '../stream-extras.ts';
import { entryReply } from './pel-util.ts';

/** entries-read: nil while the group's counter is unknown. */
export const entriesReadReply = (g: ConsumerGroup): Reply =>
  g.entriesRead === ENTRIES_READ_INVALID ? NULL : int(g.entriesRead);

/** lag: nil when it cannot be computed (see lag.ts). */
export function lagReply(ctx: Ctx, s: Stream, g: ConsumerGroup): Reply {
  const lag = groupLag(s, g, ctx.has('lag-after-trim-fix'));
  return lag === null ? NULL : int(lag);
}

/** The fields every form starts with: counters, node counts, IDs, and the 8.6 IDMP block. */
function headFields(ctx: Ctx, s: Stream): [string, Reply][] {
  const head: [string, Reply][] = [
    ['length', int(s.length)],
    ['radix-tree-keys', int(s.nodeCount)],
    ['radix-tree-nodes', int(s.raxNodes())],
    ['last-generated-id', bulk(formatId(s.lastId))],
    ['max-deleted-entry-id', bulk(formatId(s.maxDeletedId))],
    ['entries-added', int(s.entriesAdded)],
    ['recorded-first-entry-id', bulk(formatId(s.firstId))],
  ];
  if (ctx.has('idmp')) for (const [name, v] of idmpInfo(s, ctx.config, ctx.now)) head.push([name, int(v)]);
  return head;
}

/** Up to `count` items (0 = all). */
const upTo = <T>(items: readonly T[], count: number): readonly T[] => (count > 0 ? items.slice(0, count) : items);

function consumerFull(ctx: Ctx, c: Consumer, count: number): Reply {
  const out: [string, Reply][] = [['name', bulk(c.name)], ['seen-time', int(c.seenTime)]];
  if (ctx.has('consumer-active-time')) out.push(['active-time', int(c.activeTime)]);
  out.push(['pel-count', int(c.pel.size)]);
  const pending = upTo(c.pel.values(), count).map((pe) =>
    array([bulk(formatId(pe)), int(pe.deliveryTime), int(pe.deliveryCount)]),
  );
  out.push(['pending', array(pending)]);
  return fields(out);
}

function groupFull(ctx: Ctx, s: Stream, g: ConsumerGroup, count: number): Reply {
  const out: [string, Reply][] = [
    ['name', bulk(g.name)],
    ['last-delivered-id', bulk(formatId(g.lastId))],
    ['entries-read', entriesReadReply(g)],
    ['lag', lagReply(ctx, s, g)],
    ['pel-count', int(g.pel.size)],
  ];
  if (ctx.has('xnack')) out.push(['nacked-count', int(g.nacked.length)]);
  // Times here are absolute Unix ms (0 for NACKed entries), not idle durations.
  const pending = upTo(g.pel.values(), count).map((pe) =>
    array([bulk(formatId(pe)), bulk(pe.consumer ? pe.consumer.name : ''), int(pe.deliveryTime), int(pe.deliveryCount)]),
  );
  out.push(['pending', array(pending)]);
  out.push(['consumers', array(g.sortedConsumers().map((c) => consumerFull(ctx, c, count)))]);
  return fields(out);
}

/** XINFO STREAM key [FULL [COUNT count]] — stream summary, or everything (COUNT caps entries and PELs; 0 = all). */
export function xinfoStream(ctx: Ctx, argv: readonly string[], s: Stream): Reply {
  const opts = argv.slice(3);
  let full = false;
  let count = 10; // the default keeps FULL from dumping a huge stream
  if (opts.length > 0) {
    const syntax = error(E.subcommandSyntax(argv[1], argv[0]));
    if ((opts.length !== 1 && opts.length !== 3) || opts[0].toLowerCase() !== 'full') return syntax;
    if (opts.length === 3) {
      if (opts[1].toLowerCase() !== 'count') return syntax;
      const n = parseLongLong(opts[2]);
      if (n === undefined) return error(E.notInteger);
      count = n < 0n ? 10 : Number(n);
    }
    full = true;
  }

  const out = headFields(ctx, s);
  if (!full) {
    const first = s.edge(false);
    const last = s.edge(true);
    out.push(['groups', int(s.groups.size)]);
    out.push(['first-entry', first ? entryReply(first.id, first.fv) : NULL]);
    out.push(['last-entry', last ? entryReply(last.id, last.fv) : NULL]);
    return fields(out);
  }
  const entries = s.range(MIN_ID, MAX_ID, count);
  out.push(['entries', array(entries.map((e) => entryReply(e.id, e.fv)))]);
  out.push(['groups', array(s.sortedGroups().map((g) => groupFull(ctx, s, g, count)))]);
  return fields(out);
}

/** XINFO STREAM / GROUPS / CONSUMERS / HELP: introspection of a stream, its groups and their consumers. */
import type { Ctx } from '../context.ts';
import { E } from '../errors.ts';
import { formatId } from '../ids.ts';
import { array, bulk, error, fields, int, status, type Reply } from '../reply.ts';
import type { Stream } from '../stream.ts';
import type { CommandDef, TableEntry } from '../table.ts';
import { isErrorReply, lookupStream, noGroupForKey } from './pel-util.ts';
import { entriesReadReply, lagReply, xinfoStream } from './xinfo-stream.ts';

const HELP = [
  'CONSUMERS <key> <groupname>',
  '    Show consumers of <groupname>.',
  'GROUPS <key>',
  '    Show the stream consumer groups.',
  'STREAM <key> [FULL [COUNT <count>]',
  '    Show information about the stream.',
];

/** XINFO HELP — the subcommands, as status lines. */
function xinfoHelp(ctx: Ctx, argv: readonly string[]): Reply {
  const lines = [`${argv[0].toUpperCase()} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:`, ...HELP, 'HELP'];
  lines.push(ctx.text('helpFooter') ?? '    Print this help.');
  return array(lines.map(status));
}

/** Every subcommand but HELP needs an existing stream at argv[2]: `ERR no such key` otherwise. */
function withStream(fn: (ctx: Ctx, argv: readonly string[], s: Stream) => Reply) {
  return (ctx: Ctx, argv: readonly string[]): Reply => {
    const s = lookupStream(ctx, argv[2]);
    if (s === undefined) return error(E.noSuchKey);
    if (isErrorReply(s)) return s;
    return fn(ctx, argv, s);
  };
}

/** XINFO GROUPS key — one map per group, in name order. */
function xinfoGroups(ctx: Ctx, _argv: readonly string[], s: Stream): Reply {
  return array(
    s.sortedGroups().map((g) =>
      fields([
        ['name', bulk(g.name)],
        ['consumers', int(g.consumers.size)],
        ['pending', int(g.pel.size)],
        ['last-delivered-id', bulk(formatId(g.lastId))],
        ['entries-read', entriesReadReply(g)],
        ['lag', lagReply(ctx, s, g)],
      ]),
    ),
  );
}

/**
 * XINFO CONSUMERS key group — one map per consumer. Since 7.2 `idle` counts from the last attempted interaction
 * and `inactive` from the last successful one (-1 if none); 7.0 had only `idle`.
 */
function xinfoConsumers(ctx: Ctx, argv: readonly string[], s: Stream): Reply {
  const g = s.groups.get(argv[3]);
  if (!g) return noGroupForKey(argv[3], argv[2]);
  const withInactive = ctx.has('consumer-active-time');
  return array(
    g.sortedConsumers().map((c) => {
      const out: [string, Reply][] = [
        ['name', bulk(c.name)],
        ['pending', int(c.pel.size)],
        ['idle', int(Math.max(0, ctx.now - c.seenTime))],
      ];
      if (withInactive) out.push(['inactive', int(c.activeTime === -1 ? -1 : ctx.now - c.activeTime)]);
      return fields(out);
    }),
  );
}

const sub = (name: string, arity: number, handler: CommandDef['handler']): CommandDef => ({
  name,
  arity,
  flags: ['readonly'],
  keys: { first: 2, last: 2, step: 1 },
  handler,
});

export const xinfoCommands: readonly TableEntry[] = [
  {
    name: 'xinfo',
    arity: -2,
    flags: [],
    subcommands: [
      sub('consumers', 4, withStream(xinfoConsumers)),
      sub('groups', 3, withStream(xinfoGroups)),
      sub('stream', -3, withStream(xinfoStream)),
      { name: 'help', arity: 2, flags: ['loading', 'stale'], handler: xinfoHelp },
    ],
  },
];

/**
 * XGROUP: CREATE, SETID, DESTROY, CREATECONSUMER, DELCONSUMER, HELP (xgroupCommand). The checks run in Redis's
 * order: CREATE/SETID options, WRONGTYPE, missing key, missing group, then each subcommand's argument count.
 */
import type { Ctx } from '../context.ts';
import { E, sanitizeError } from '../errors.ts';
import { ConsumerGroup, ENTRIES_READ_INVALID } from '../group.ts';
import { MIN_ID, formatId, parseId, parseStrictId, type StreamId } from '../ids.ts';
import { OK, error, int, status, array, type ErrorReply, type Reply } from '../reply.ts';
import { Stream } from '../stream.ts';
import type { CommandDef, TableEntry } from '../table.ts';
import { parseLongLong } from './args.ts';
import { addDirty, cstr, getOrCreateConsumer, lookupStream, isErrorReply } from './pel-util.ts';

const syntaxError = (argv: readonly string[]): ErrorReply => error(E.subcommandSyntax(argv[1], argv[0]));

const noGroup = (group: string, key: string): Reply =>
  error(sanitizeError(`NOGROUP No such consumer group '${cstr(group)}' for key name '${cstr(key)}'`));

interface GroupOptions {
  readonly mkstream: boolean;
  /** ENTRIESREAD, or ENTRIES_READ_INVALID when not given. */
  readonly entriesRead: number;
}

/** MKSTREAM (CREATE only) and ENTRIESREAD, from argv[5] on. */
function parseGroupOptions(argv: readonly string[], create: boolean): GroupOptions | ErrorReply {
  let mkstream = false;
  let entriesRead = ENTRIES_READ_INVALID;
  for (let i = 5; i < argv.length; ) {
    const o = argv[i].toLowerCase();
    if (create && o === 'mkstream') {
      mkstream = true;
      i++;
    } else if (o === 'entriesread' && i + 1 < argv.length) {
      const v = parseLongLong(argv[i + 1]);
      if (v === undefined) return error(E.notInteger);
      if (v < 0n && v !== -1n) return error(E.entriesReadNegative);
      entriesRead = Number(v);
      i += 2;
    } else {
      return syntaxError(argv);
    }
  }
  return { mkstream, entriesRead };
}

/** The stream, or the error: WRONGTYPE, then the missing-key text (unless CREATE … MKSTREAM may create it). */
function streamFor(ctx: Ctx, key: string, mayCreate: boolean): Stream | ErrorReply | undefined {
  const s = lookupStream(ctx, key);
  if (s !== undefined && isErrorReply(s)) return s;
  if (!s && !mayCreate) return error(E.xgroupKeyMissing);
  return s;
}

/** 8.2+ clamps ENTRIESREAD to entries-added (#14259); 7.0 and 8.0 store any value. */
function clampEntriesRead(ctx: Ctx, s: Stream, v: number): number {
  return ctx.has('entriesread-clamp') && v > s.entriesAdded ? s.entriesAdded : v;
}

const readNull = (v: number): number | null => (v === ENTRIES_READ_INVALID ? null : v);

/** XGROUP CREATE key group id|$ [MKSTREAM] [ENTRIESREAD n] — create a consumer group at an ID. */
function create(ctx: Ctx, argv: readonly string[]): Reply {
  const opts = parseGroupOptions(argv, true);
  if (isErrorReply(opts)) return opts;
  const key = argv[2];
  const found = streamFor(ctx, key, opts.mkstream);
  if (found !== undefined && isErrorReply(found)) return found;
  if (argv.length > 8) return syntaxError(argv);
  let id: StreamId;
  if (argv[4] === '$') id = found ? found.lastId : MIN_ID;
  else {
    const parsed = parseStrictId(argv[4]);
    if (!parsed) return error(E.invalidStreamId);
    id = parsed;
  }
  let s = found;
  if (!s) {
    s = new Stream();
    ctx.setKey(key, { type: 'stream', v: s });
    ctx.emit({ type: 'stream-created', db: ctx.db.index, key });
  }
  const name = argv[3];
  if (s.groups.has(name)) return error(E.busyGroup);
  const g = new ConsumerGroup(name, id, clampEntriesRead(ctx, s, opts.entriesRead));
  s.groups.set(name, g);
  addDirty(ctx, 1);
  ctx.emit({ type: 'group-created', db: ctx.db.index, key, group: name, lastId: formatId(id), entriesRead: readNull(g.entriesRead) });
  return OK;
}

/** XGROUP SETID key group id|$ [ENTRIESREAD n] — move the group's last-delivered ID (does not wake readers). */
function setid(ctx: Ctx, argv: readonly string[]): Reply {
  const opts = parseGroupOptions(argv, false);
  if (isErrorReply(opts)) return opts;
  const key = argv[2];
  const s = streamFor(ctx, key, false);
  if (s === undefined || isErrorReply(s)) return s ?? error(E.xgroupKeyMissing);
  const g = s.groups.get(argv[3]);
  if (!g) return noGroup(argv[3], key);
  if (argv.length !== 5 && argv.length !== 7) return syntaxError(argv);
  // Unlike CREATE, SETID parses leniently: `-` and `+` are accepted.
  const id = argv[4] === '$' ? s.lastId : parseId(argv[4]);
  if (!id) return error(E.invalidStreamId);
  g.lastId = id;
  g.entriesRead = clampEntriesRead(ctx, s, opts.entriesRead);
  addDirty(ctx, 1);
  ctx.emit({ type: 'group-cursor-moved', db: ctx.db.index, key, group: g.name, lastId: formatId(id), entriesRead: readNull(g.entriesRead), cause: 'setid' });
  return OK;
}

/** XGROUP DESTROY key group — remove a group; 1 if it existed. Blocked XREADGROUP readers are woken (NOGROUP). */
function destroy(ctx: Ctx, argv: readonly string[]): Reply {
  const key = argv[2];
  const s = streamFor(ctx, key, false);
  if (s === undefined || isErrorReply(s)) return s ?? error(E.xgroupKeyMissing);
  const name = argv[3];
  if (!s.groups.delete(name)) return int(0);
  addDirty(ctx, 1);
  ctx.signalReady(key);
  ctx.emit({ type: 'group-destroyed', db: ctx.db.index, key, group: name });
  return int(1);
}

/** XGROUP CREATECONSUMER key group consumer — 1 if created, 0 if it already existed. */
function createConsumer(ctx: Ctx, argv: readonly string[]): Reply {
  const key = argv[2];
  const s = streamFor(ctx, key, false);
  if (s === undefined || isErrorReply(s)) return s ?? error(E.xgroupKeyMissing);
  const g = s.groups.get(argv[3]);
  if (!g) return noGroup(argv[3], key);
  if (g.consumers.has(argv[4])) return int(0);
  getOrCreateConsumer(ctx, key, g, argv[4]);
  return int(1);
}

/** XGROUP DELCONSUMER key group consumer — delete a consumer and its pending entries; returns how many it had. */
function delConsumer(ctx: Ctx, argv: readonly string[]): Reply {
  const key = argv[2];
  const s = streamFor(ctx, key, false);
  if (s === undefined || isErrorReply(s)) return s ?? error(E.xgroupKeyMissing);
  const g = s.groups.get(argv[3]);
  if (!g) return noGroup(argv[3], key);
  const c = g.consumers.get(argv[4]);
  if (!c) return int(0);
  const pending = c.pel.values();
  for (const pe of pending) g.removePending(pe);
  g.consumers.delete(c.name);
  addDirty(ctx, 1);
  ctx.emit({ type: 'consumer-deleted', db: ctx.db.index, key, group: g.name, consumer: c.name, dropped: pending.map(formatId) });
  return int(pending.length);
}

const HELP = [
  'XGROUP <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CREATE <key> <groupname> <id|$> [option]',
  '    Create a new consumer group. Options are:',
  '    * MKSTREAM',
  '      Create the empty stream if it does not exist.',
  '    * ENTRIESREAD entries_read',
  "      Set the group's entries_read counter (internal use).",
  'CREATECONSUMER <key> <groupname> <consumer>',
  '    Create a new consumer in the specified group.',
  'DELCONSUMER <key> <groupname> <consumer>',
  '    Remove the specified consumer.',
  'DESTROY <key> <groupname>',
  '    Remove the specified group.',
  'SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]',
  '    Set the current group ID and entries_read counter.',
  'HELP',
];

/** XGROUP HELP — the subcommand list. */
function help(ctx: Ctx): Reply {
  return array([...HELP, ctx.text('helpFooter') ?? '    Print this help.'].map(status));
}

const sub = (name: string, arity: number, flags: CommandDef['flags'], handler: CommandDef['handler']): CommandDef => ({
  name,
  arity,
  flags,
  keys: { first: 2, last: 2, step: 1 },
  handler,
});

export const groupCommands: readonly TableEntry[] = [
  {
    name: 'xgroup',
    arity: -2,
    flags: [],
    subcommands: [
      sub('create', -5, ['write', 'denyoom'], create),
      sub('setid', -5, ['write'], setid),
      sub('destroy', 4, ['write'], destroy),
      sub('createconsumer', 5, ['write', 'denyoom'], createConsumer),
      sub('delconsumer', 5, ['write'], delConsumer),
      { name: 'help', arity: 2, flags: ['loading', 'stale'], handler: help },
    ],
  },
];

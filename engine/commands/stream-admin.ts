/** XSETID, and the 8.6 IDMP administration commands XCFGSET and XIDMPRECORD. */
import type { Ctx } from '../context.ts';
import { E } from '../errors.ts';
import { MIN_ID, formatId, idEq, idLt, parseStrictId, type StreamId } from '../ids.ts';
import { OK, error, type Reply } from '../reply.ts';
import { idmpOf } from '../stream-extras.ts';
import type { TableEntry } from '../table.ts';
import { parseSafeInt } from './args.ts';

/**
 * XSETID key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id] — set the stream's
 * last-generated-id (and counters). Arguments are checked before the key lookup.
 */
function xsetid(ctx: Ctx, argv: readonly string[]): Reply {
  const id = parseStrictId(argv[2]);
  if (!id) return error(E.invalidStreamId);
  let entriesAdded = -1;
  let maxDeleted: StreamId | undefined;
  for (let i = 3; i < argv.length; i += 2) {
    const opt = argv[i].toLowerCase();
    const moreargs = argv.length - 1 - i;
    if (opt === 'entriesadded' && moreargs) {
      const n = parseSafeInt(argv[i + 1]);
      if (n === undefined) return error(E.notInteger);
      if (n < 0) return error(E.entriesAddedNegative);
      entriesAdded = n;
    } else if (opt === 'maxdeletedid' && moreargs) {
      const m = parseStrictId(argv[i + 1]);
      if (!m) return error(E.invalidStreamId);
      if (idLt(id, m)) return error(E.xsetidProvidedMaxDeleted);
      maxDeleted = m;
    } else {
      return error(E.syntax);
    }
  }
  const key = argv[1];
  const v = ctx.lookupTyped(key, 'stream');
  if (v === undefined) return error(E.noSuchKey);
  if ('t' in v) return v;
  const s = v.v;
  if (s.length > 0) {
    const top = s.edgeId(true);
    if (top && idLt(id, top)) return error(E.xsetidTopItem);
    if (entriesAdded !== -1 && s.length > entriesAdded) return error(E.xsetidEntriesAdded);
  }
  if (!maxDeleted && ctx.has('xsetid-max-deleted-check') && idLt(id, s.maxDeletedId)) return error(E.xsetidMaxDeleted);
  s.lastId = id;
  if (entriesAdded !== -1) s.entriesAdded = entriesAdded;
  // MAXDELETEDID 0-0 leaves the tombstone as it was (the source tests for a zero ID).
  if (maxDeleted && !idEq(maxDeleted, MIN_ID)) s.maxDeletedId = maxDeleted;
  ctx.modified(key);
  if (ctx.eventsOn) {
    ctx.emit({
      type: 'stream-id-set',
      db: ctx.db.index,
      key,
      lastId: formatId(s.lastId),
      maxDeletedId: formatId(s.maxDeletedId),
      entriesAdded: s.entriesAdded,
    });
  }
  return OK;
}

/**
 * XCFGSET key [IDMP-DURATION seconds] [IDMP-MAXSIZE count] — set the stream's IDMP settings; a changed value
 * forgets every producer's iids (the lifetime counters stay).
 */
function xcfgset(ctx: Ctx, argv: readonly string[]): Reply {
  let duration: number | undefined;
  let maxsize: number | undefined;
  for (let i = 2; i < argv.length; i += 2) {
    const opt = argv[i].toLowerCase();
    if (i + 1 >= argv.length) return error(E.syntax);
    if (opt === 'idmp-duration') {
      if (duration !== undefined) return error(E.idmpDurationTwice);
      const n = parseSafeInt(argv[i + 1]);
      if (n === undefined) return error(E.notInteger);
      if (n < 1 || n > 86400) return error(E.idmpDurationRange);
      duration = n;
    } else if (opt === 'idmp-maxsize') {
      if (maxsize !== undefined) return error(E.idmpMaxsizeTwice);
      const n = parseSafeInt(argv[i + 1]);
      if (n === undefined) return error(E.notInteger);
      if (n < 1 || n > 10000) return error(E.idmpMaxsizeRange);
      maxsize = n;
    } else {
      return error(E.syntax);
    }
  }
  if (duration === undefined && maxsize === undefined) return error(E.xcfgsetNoParams);
  const key = argv[1];
  const v = ctx.lookupTyped(key, 'stream');
  if (v === undefined) return error(E.noSuchKey);
  if ('t' in v) return v;
  const st = idmpOf(v.v);
  let changed = false;
  if (duration !== undefined && duration !== st.durationOf(ctx.config)) changed = true;
  if (maxsize !== undefined && maxsize !== st.maxsizeOf(ctx.config)) changed = true;
  if (duration !== undefined) st.duration = duration;
  if (maxsize !== undefined) st.maxsize = maxsize;
  if (changed) st.producers.clear();
  ctx.modified(key);
  return OK;
}

/** XIDMPRECORD key pid iid stream-id — record an idempotency ID for an existing entry (AOF rewrite). */
function xidmprecord(ctx: Ctx, argv: readonly string[]): Reply {
  const key = argv[1];
  const v = ctx.lookupTyped(key, 'stream');
  if (v === undefined) return error(E.noSuchKey);
  if ('t' in v) return v;
  const [pid, iid] = [argv[2], argv[3]];
  if (pid.length === 0) return error(E.emptyPid);
  if (iid.length === 0) return error(E.emptyIid);
  const id = parseStrictId(argv[4]);
  if (!id) return error(E.invalidStreamId);
  const s = v.v;
  if (!s.has(id)) return error(E.noSuchMessage);
  const st = idmpOf(s);
  st.expire(ctx.config, ctx.now);
  const known = st.producers.get(pid)?.get(iid);
  if (known && !idEq(known, id)) return error(E.iidConflict);
  if (!known) st.record(ctx.config, pid, iid, id);
  ctx.modified(key);
  return OK;
}

export const streamAdminCommands: readonly TableEntry[] = [
  { name: 'xsetid', arity: -3, flags: ['write', 'denyoom', 'fast'], keys: { first: 1, last: 1, step: 1 }, handler: xsetid },
  { name: 'xcfgset', arity: -2, flags: ['write', 'fast'], keys: { first: 1, last: 1, step: 1 }, handler: xcfgset },
  { name: 'xidmprecord', arity: 5, flags: ['write', 'fast'], keys: { first: 1, last: 1, step: 1 }, handler: xidmprecord },
];

/** XADD, XTRIM and XDEL; XDELEX, XSETID and the IDMP commands live in their own files and join the table here. */
import type { Ctx } from '../context.ts';
import { E } from '../errors.ts';
import { MAX_ID, formatId, idGt, nextId, parseStrictId, u64Inc, U64_MAX, type StreamId } from '../ids.ts';
import { RefDropper, danglingRefs, isReferenced, minGroupLastId } from '../ref-policy.ts';
import { NULL, bulk, error, int, type Reply } from '../reply.ts';
import { autoIid, idmpOf } from '../stream-extras.ts';
import { Stream, type TrimHooks, type TrimSpec } from '../stream.ts';
import type { TableEntry } from '../table.ts';
import { argsFrom } from './args.ts';
import { NO_OPTIONS, parseAddTrimArgs, type AddTrimArgs } from './xadd-args.ts';
import { xdelexCommand } from './xdelex.ts';
import { streamAdminCommands } from './stream-admin.ts';

/** The ID streamAppendItem would give, or the error text. `last` is the stream's last-generated-id. */
function newId(ctx: Ctx, a: AddTrimArgs, last: StreamId): StreamId | string {
  const given = a.id;
  if (!given) {
    // streamNextID: max(now, last.ms); never backwards, rolling the sequence over into the next ms.
    if (ctx.now > last.ms) return { ms: ctx.now, seq: 0 };
    return nextId(last) as StreamId; // last is not the max ID: checked before
  }
  if (!given.seqGiven) {
    const ms = given.id.ms;
    if (ms === last.ms) {
      if (last.seq === U64_MAX) return ctx.has('seq-star-overflow-fix') ? E.xaddIdTooSmall : E.elementsTooLarge;
      return { ms, seq: u64Inc(last.seq) };
    }
    if (ms < last.ms) return E.xaddIdTooSmall;
    return { ms, seq: 0 };
  }
  return idGt(given.id, last) ? given.id : E.xaddIdTooSmall;
}

/** The trim spec and, for DELREF / ACKED, the per-entry hooks (ACKED keeps referenced entries). */
export function trimPlan(ctx: Ctx, key: string, s: Stream, a: AddTrimArgs): { spec: TrimSpec; hooks?: TrimHooks; refs?: RefDropper } {
  const spec: TrimSpec = { strategy: a.trim === 'minid' ? 'minid' : 'maxlen', maxlen: a.maxlen, minid: a.minid, approx: a.approx, limit: a.limit };
  if (a.policy === 'acked') {
    const min = minGroupLastId(s);
    return { spec, hooks: { keep: (id) => isReferenced(s, id, min) } };
  }
  if (a.policy === 'delref') {
    const refs = new RefDropper(ctx, key, s);
    return { spec, hooks: { removed: (id) => refs.drop(id) }, refs };
  }
  return { spec };
}

/** Trim per the parsed options; emits `entries-trimmed`. Returns how many entries left. */
function applyTrim(ctx: Ctx, key: string, s: Stream, a: AddTrimArgs, cause: 'xadd' | 'xtrim'): number {
  const plan = trimPlan(ctx, key, s, a);
  const res = s.trim(plan.spec, 1000, plan.hooks);
  plan.refs?.flush();
  if (res.removed > 0 && ctx.eventsOn) {
    const dangling = danglingRefs(s, res.ids);
    ctx.emit({ type: 'entries-trimmed', db: ctx.db.index, key, cause, count: res.removed, ids: res.ids.map(formatId), refs: a.policy, dangling });
  }
  return res.removed;
}

/**
 * XADD key [NOMKSTREAM] [KEEPREF|DELREF|ACKED] [IDMPAUTO pid | IDMP pid iid] [MAXLEN|MINID [=|~] threshold
 * [LIMIT count]] *|id field value [field value ...] — append an entry; returns its ID (nil with NOMKSTREAM on a
 * missing key; the original ID for an IDMP duplicate).
 */
function xadd(ctx: Ctx, argv: readonly string[]): Reply {
  // The hot path, `XADD key * field value ...`, has no options to parse.
  const a = argv[2] === '*' ? NO_OPTIONS : parseAddTrimArgs(ctx, argv, true);
  if (typeof a === 'string') return error(a);
  const fieldPos = a.idPos + 1;
  const nfv = argv.length - fieldPos;
  if (nfv < 2 || (nfv & 1) === 1) return error(E.wrongArity('xadd'));
  // 0-0 is refused before the lookup so the key is never created for it.
  if (a.id && a.id.seqGiven && a.id.id.ms === 0 && a.id.id.seq === 0) return error(E.xaddIdZero);
  const key = argv[1];
  const v = ctx.lookupTyped(key, 'stream');
  let s: Stream;
  if (v === undefined) {
    if (a.noMkStream) return NULL;
    s = new Stream();
  } else if ('t' in v) {
    return v;
  } else {
    s = v.v;
  }
  const last = s.lastId;
  if (last.ms === MAX_ID.ms && last.seq === MAX_ID.seq) return error(E.xaddExhausted);
  if (a.idmpPid !== undefined && s.idmp) {
    const st = s.idmp;
    st.expire(ctx.config, ctx.now);
    const iid = a.idmpIid ?? autoIid(argv, fieldPos);
    const orig = st.producers.get(a.idmpPid)?.get(iid);
    if (orig) {
      // A duplicate adds nothing and does not trim, but still counts as a write.
      st.iidsDuplicates++;
      ctx.modified(key);
      if (ctx.eventsOn) ctx.emit({ type: 'entry-deduplicated', db: ctx.db.index, key, id: formatId(orig) });
      return bulk(formatId(orig));
    }
  }
  const id = newId(ctx, a, last);
  if (typeof id === 'string') return error(id);
  if (v === undefined) {
    ctx.setKey(key, { type: 'stream', v: s });
    if (ctx.eventsOn) ctx.emit({ type: 'stream-created', db: ctx.db.index, key });
  }
  s.append(id, argv, ctx.config.nodeMaxEntries, ctx.config.nodeMaxBytes, fieldPos);
  if (a.idmpPid !== undefined) {
    const st = idmpOf(s);
    st.record(ctx.config, a.idmpPid, a.idmpIid ?? autoIid(argv, fieldPos), id);
  }
  const idStr = formatId(id);
  if (ctx.eventsOn) ctx.emit({ type: 'entry-added', db: ctx.db.index, key, id: idStr, fields: argsFrom(argv, fieldPos) });
  ctx.modified(key);
  if (a.trim !== 'none') applyTrim(ctx, key, s, a, 'xadd');
  ctx.signalReady(key);
  return bulk(idStr);
}

/** XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT count] [KEEPREF|DELREF|ACKED] — trim; returns entries removed. */
function xtrim(ctx: Ctx, argv: readonly string[]): Reply {
  const a = parseAddTrimArgs(ctx, argv, false);
  if (typeof a === 'string') return error(a);
  const key = argv[1];
  const v = ctx.lookupTyped(key, 'stream');
  if (v === undefined) return int(0);
  if ('t' in v) return v;
  const removed = applyTrim(ctx, key, v.v, a, 'xtrim');
  if (removed > 0) ctx.modified(key, removed);
  return int(removed);
}

/** XDEL key id [id ...] — delete entries (PEL references stay); returns how many existed. */
function xdel(ctx: Ctx, argv: readonly string[]): Reply {
  const key = argv[1];
  const v = ctx.lookupTyped(key, 'stream');
  if (v === undefined) return int(0);
  if ('t' in v) return v;
  const s = v.v;
  // All IDs are checked before anything is deleted.
  const ids: StreamId[] = [];
  for (let j = 2; j < argv.length; j++) {
    const id = parseStrictId(argv[j]);
    if (!id) return error(E.invalidStreamId);
    ids.push(id);
  }
  const deleted: StreamId[] = [];
  for (const id of ids) {
    if (!s.deleteEntry(id)) continue;
    if (idGt(id, s.maxDeletedId)) s.maxDeletedId = id;
    deleted.push(id);
  }
  if (deleted.length > 0) {
    ctx.modified(key, deleted.length);
    if (ctx.eventsOn) {
      ctx.emit({ type: 'entries-deleted', db: ctx.db.index, key, cause: 'xdel', ids: deleted.map(formatId), refs: 'keepref', dangling: danglingRefs(s, deleted) });
    }
  }
  return int(deleted.length);
}

export const streamWriteCommands: readonly TableEntry[] = [
  { name: 'xadd', arity: -5, flags: ['write', 'denyoom', 'fast'], keys: { first: 1, last: 1, step: 1 }, handler: xadd },
  { name: 'xtrim', arity: -4, flags: ['write'], keys: { first: 1, last: 1, step: 1 }, handler: xtrim },
  { name: 'xdel', arity: -3, flags: ['write', 'fast'], keys: { first: 1, last: 1, step: 1 }, handler: xdel },
  xdelexCommand,
  ...streamAdminCommands,
];

/** XACK and XACKDEL (8.2): acknowledge pending entries, optionally deleting them from the stream. */
import { parseLongLong } from './args.ts';
import type { Ctx } from '../context.ts';
import { E } from '../errors.ts';
import type { RefPolicy } from '../events.ts';
import type { ConsumerGroup } from '../group.ts';
import { formatId, parseStrictId, type StreamId } from '../ids.ts';
import { danglingRefs, deleteWithPolicy, isReferenced, parseRefPolicy } from '../ref-policy.ts';
import { array, error, int, type ErrorReply, type Reply } from '../reply.ts';
import type { TableEntry } from '../table.ts';
import { addDirty, isErrorReply, lookupStream } from './pel-util.ts';

/** Strictly parse argv[from .. from+n) as IDs (all or nothing). */
export function parseStrictIds(argv: readonly string[], from: number, n: number): StreamId[] | undefined {
  const ids: StreamId[] = [];
  for (let i = from; i < from + n; i++) {
    const id = parseStrictId(argv[i]);
    if (!id) return undefined;
    ids.push(id);
  }
  return ids;
}

/** Remove `id` from the group PEL (and its owner's); returns the owner's name (null when unowned), or undefined. */
function ackOne(g: ConsumerGroup, id: StreamId): string | null | undefined {
  const pe = g.removePendingId(id);
  if (!pe) return undefined;
  return pe.consumer ? pe.consumer.name : null;
}

/** XACK key group id [id ...] — acknowledge pending entries; returns how many were pending. */
function xack(ctx: Ctx, argv: readonly string[]): Reply {
  const key = argv[1];
  const s = lookupStream(ctx, key);
  if (s && isErrorReply(s)) return s;
  const g = s?.groups.get(argv[2]);
  // No key or group: nothing to ack, and the IDs are not even looked at.
  if (!g) return int(0);
  const ids = parseStrictIds(argv, 3, argv.length - 3);
  if (!ids) return error(E.invalidStreamId);
  // The event's ID texts and owners are only gathered when someone listens (the TCP server runs without events).
  const events = ctx.eventsOn;
  const acked: string[] = [];
  const owners: (string | null)[] = [];
  let n = 0;
  for (const id of ids) {
    const owner = ackOne(g, id);
    if (owner === undefined) continue; // not pending (or a duplicate already acked)
    n++;
    if (events) {
      acked.push(formatId(id));
      owners.push(owner);
    }
  }
  addDirty(ctx, n);
  if (events && n > 0) ctx.emit({ type: 'acked', db: ctx.db.index, key, group: g.name, ids: acked, owners });
  return int(n);
}

export interface AckDelArgs {
  readonly policy: RefPolicy;
  /** Index of the first ID in argv. */
  readonly start: number;
  readonly numids: number;
}

/**
 * streamParseAckDelArgsOrReply (XDELEX / XACKDEL): `[KEEPREF|DELREF|ACKED] IDS numids id...` in any order; a
 * second policy, an unknown token or a leftover ID is a syntax error; the last IDS block wins.
 */
export function parseAckDelArgs(argv: readonly string[], from: number): AckDelArgs | ErrorReply {
  let policy: RefPolicy | undefined;
  let start = -1;
  let numids = 0;
  for (let j = from; j < argv.length; ) {
    const p = parseRefPolicy(argv[j]);
    if (p && policy === undefined) {
      policy = p;
      j++;
    } else if (argv[j].toLowerCase() === 'ids' && j + 1 < argv.length) {
      const n = parseLongLong(argv[j + 1]);
      if (n === undefined || n < 1n) return error(E.numidsNotPositive);
      if (n > BigInt(argv.length - j - 2)) return error(E.numidsMismatch);
      numids = Number(n);
      start = j + 2;
      j = start + numids;
    } else {
      return error(E.syntax);
    }
  }
  if (start < 0) return error(E.idsRequired);
  return { policy: policy ?? 'keepref', start, numids };
}

/**
 * XACKDEL key group [KEEPREF|DELREF|ACKED] IDS numids id [id ...] — acknowledge and delete; per ID -1 (not pending
 * in this group), 1 (deleted, or already gone) or 2 (ACKED: still referenced elsewhere, kept).
 */
function xackdel(ctx: Ctx, argv: readonly string[]): Reply {
  const key = argv[1];
  const s = lookupStream(ctx, key);
  if (s && isErrorReply(s)) return s;
  const args = parseAckDelArgs(argv, 3);
  if (isErrorReply(args)) return args;
  const g = s?.groups.get(argv[2]);
  if (!s || !g) return array(new Array<Reply>(args.numids).fill(int(-1)));
  const ids = parseStrictIds(argv, args.start, args.numids);
  if (!ids) return error(E.invalidStreamId);

  const codes: Reply[] = [];
  const acked: string[] = [];
  const owners: (string | null)[] = [];
  const deleted: StreamId[] = [];
  for (const id of ids) {
    const owner = ackOne(g, id);
    if (owner === undefined) {
      codes.push(int(-1));
      continue;
    }
    acked.push(formatId(id));
    owners.push(owner);
    // ACKED asks about references before looking at the stream: a gone but referenced entry still answers 2.
    if (args.policy === 'acked' && isReferenced(s, id)) {
      codes.push(int(2));
      continue;
    }
    if (deleteWithPolicy(ctx, key, s, id, args.policy) === 1) deleted.push(id);
    codes.push(int(1));
  }
  if (acked.length > 0) ctx.emit({ type: 'acked', db: ctx.db.index, key, group: g.name, ids: acked, owners });
  if (deleted.length > 0) {
    const dangling = ctx.eventsOn ? danglingRefs(s, deleted) : 0;
    ctx.emit({ type: 'entries-deleted', db: ctx.db.index, key, cause: 'xackdel', ids: deleted.map(formatId), refs: args.policy, dangling });
    // Deletions are a real modification (WATCH sees them); acks alone only count as dirty.
    ctx.modified(key, acked.length);
  } else {
    addDirty(ctx, acked.length);
  }
  return array(codes);
}

export const xackCommands: readonly TableEntry[] = [
  { name: 'xack', arity: -4, flags: ['write', 'fast'], keys: { first: 1, last: 1, step: 1 }, handler: xack },
  { name: 'xackdel', arity: -6, flags: ['write', 'fast'], keys: { first: 1, last: 1, step: 1 }, handler: xackdel },
];

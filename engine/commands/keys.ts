/** The generic keyspace: DEL, UNLINK, EXISTS, TYPE, RENAME, RENAMENX, plus KEYS/SCAN and the expiry family. */
import { E } from '../errors.ts';
import { OK, error, int, status, type Reply } from '../reply.ts';
import type { Ctx } from '../context.ts';
import type { TableEntry } from '../table.ts';
import { expireCommands } from './keys-expire.ts';
import { scanCommands } from './keys-scan.ts';

const ALL_KEYS = { first: 1, last: -1, step: 1 } as const;
const KEY1 = { first: 1, last: 1, step: 1 } as const;

/** DEL / UNLINK key [key ...] — how many of the keys existed (an expired key does not count). */
function delCommand(ctx: Ctx, argv: readonly string[]): Reply {
  let n = 0;
  for (let i = 1; i < argv.length; i++) {
    const key = argv[i];
    if (ctx.lookup(key) === undefined) continue;
    if (ctx.deleteKey(key)) {
      ctx.modified(key);
      n++;
    }
  }
  return int(n);
}

/**
 * RENAME / RENAMENX src dst — the value object moves as is, so a stream keeps its groups, consumers and PELs, and
 * the TTL moves with it. Renaming a key onto itself is a no-op once the key is known to exist.
 */
function renameGeneric(ctx: Ctx, argv: readonly string[], nx: boolean): Reply {
  const [, src, dst] = argv;
  const value = ctx.lookup(src);
  if (value === undefined) return error(E.noSuchKey);
  if (src === dst) return nx ? int(0) : OK;
  const ttl = ctx.db.expires.get(src);
  if (ctx.lookup(dst) !== undefined) {
    if (nx) return int(0);
    ctx.deleteKey(dst, 'overwritten');
  }
  // Move the key without a delete event: the UI animates a rename, not a loss.
  ctx.db.remove(src);
  ctx.engine.touch(ctx.db.index, src);
  ctx.signalReady(src);
  ctx.emit({ type: 'key-renamed', db: ctx.db.index, from: src, to: dst });
  ctx.setKey(dst, value);
  if (ttl !== undefined) ctx.db.setExpire(dst, ttl);
  ctx.modified(src, 0);
  ctx.modified(dst);
  return nx ? int(1) : OK;
}

export const keyCommands: readonly TableEntry[] = [
  { name: 'del', arity: -2, flags: ['write'], keys: ALL_KEYS, handler: delCommand },
  { name: 'unlink', arity: -2, flags: ['write', 'fast'], keys: ALL_KEYS, handler: delCommand },
  {
    name: 'exists',
    arity: -2,
    flags: ['readonly', 'fast'],
    keys: ALL_KEYS,
    /** EXISTS key [key ...] — how many of the arguments exist; a key named twice counts twice. */
    handler: (ctx, argv) => {
      let n = 0;
      for (let i = 1; i < argv.length; i++) if (ctx.lookup(argv[i]) !== undefined) n++;
      return int(n);
    },
  },
  {
    name: 'type',
    arity: 2,
    flags: ['readonly', 'fast'],
    keys: KEY1,
    /** TYPE key — string, list, set, stream, or none. */
    handler: (ctx, argv) => status(ctx.lookup(argv[1])?.type ?? 'none'),
  },
  {
    name: 'rename',
    arity: 3,
    flags: ['write'],
    keys: { first: 1, last: 2, step: 1 },
    handler: (ctx, argv) => renameGeneric(ctx, argv, false),
  },
  {
    name: 'renamenx',
    arity: 3,
    flags: ['write', 'fast'],
    keys: { first: 1, last: 2, step: 1 },
    handler: (ctx, argv) => renameGeneric(ctx, argv, true),
  },
  ...scanCommands,
  ...expireCommands,
];

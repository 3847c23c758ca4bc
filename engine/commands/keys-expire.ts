/** Key expiry: EXPIRE/PEXPIRE/EXPIREAT/PEXPIREAT, TTL/PTTL, PERSIST, EXPIRETIME/PEXPIRETIME. */
import { E } from '../errors.ts';
import { error, int, type ErrorReply, type Reply } from '../reply.ts';
import type { Ctx } from '../context.ts';
import type { TableEntry } from '../table.ts';
import { INT64_MAX, INT64_MIN, parseLongLong } from './args.ts';

const KEY1 = { first: 1, last: 1, step: 1 } as const;

interface ExpireFlags {
  nx: boolean;
  xx: boolean;
  gt: boolean;
  lt: boolean;
}

/** parseExtendedExpireArgumentsOrReply: options may repeat; the incompatible pairs are reported after parsing. */
function parseFlags(argv: readonly string[]): ExpireFlags | ErrorReply {
  const f: ExpireFlags = { nx: false, xx: false, gt: false, lt: false };
  for (let j = 3; j < argv.length; j++) {
    const opt = argv[j].toLowerCase();
    if (opt === 'nx' || opt === 'xx' || opt === 'gt' || opt === 'lt') f[opt] = true;
    else return error(`ERR Unsupported option ${argv[j]}`);
  }
  if (f.nx && (f.xx || f.gt || f.lt)) return error('ERR NX and XX, GT or LT options at the same time are not compatible');
  if (f.gt && f.lt) return error('ERR GT and LT options at the same time are not compatible');
  return f;
}

/**
 * expireGenericCommand. `relative`: the argument is added to now; `seconds`: it is multiplied by 1000.
 * A time already in the past deletes the key (and still answers 1).
 */
function expireGeneric(ctx: Ctx, argv: readonly string[], relative: boolean, seconds: boolean): Reply {
  const cmd = argv[0].toLowerCase();
  const flags = parseFlags(argv);
  if ('t' in flags) return flags;
  let when = parseLongLong(argv[2]);
  if (when === undefined) return error(E.notInteger);
  if (seconds) {
    if (when > INT64_MAX / 1000n || when < INT64_MIN / 1000n) return error(E.invalidExpireTime(cmd));
    when *= 1000n;
  }
  const base = relative ? BigInt(ctx.now) : 0n;
  if (when > INT64_MAX - base) return error(E.invalidExpireTime(cmd));
  when += base;
  const key = argv[1];
  if (ctx.lookup(key) === undefined) return int(0);
  const current = ctx.db.expires.get(key);
  const at = Number(when);
  if (flags.nx && current !== undefined) return int(0);
  if (flags.xx && current === undefined) return int(0);
  if (flags.gt && (current === undefined || at <= current)) return int(0);
  if (flags.lt && current !== undefined && at >= current) return int(0);
  if (when <= BigInt(ctx.now)) {
    ctx.deleteKey(key);
    ctx.modified(key);
    return int(1);
  }
  ctx.db.setExpire(key, at);
  ctx.modified(key);
  return int(1);
}

/** TTL / PTTL / EXPIRETIME / PEXPIRETIME: -2 for a missing key, -1 without expiry. */
function ttlGeneric(ctx: Ctx, key: string, relative: boolean, seconds: boolean): Reply {
  if (ctx.lookup(key) === undefined) return int(-2);
  const at = ctx.db.expires.get(key);
  if (at === undefined) return int(-1);
  let v = relative ? Math.max(0, at - ctx.now) : at;
  // ttlGenericCommand rounds the remaining time to the nearest second; EXPIRETIME truncates.
  if (seconds) v = relative ? Math.floor((v + 500) / 1000) : Math.floor(v / 1000);
  return int(v);
}

const expireEntry = (name: string, relative: boolean, seconds: boolean): TableEntry => ({
  name,
  arity: -3,
  flags: ['write', 'fast'],
  keys: KEY1,
  handler: (ctx, argv) => expireGeneric(ctx, argv, relative, seconds),
});

const ttlEntry = (name: string, relative: boolean, seconds: boolean): TableEntry => ({
  name,
  arity: 2,
  flags: ['readonly', 'fast'],
  keys: KEY1,
  handler: (ctx, argv) => ttlGeneric(ctx, argv[1], relative, seconds),
});

export const expireCommands: readonly TableEntry[] = [
  /** EXPIRE key seconds [NX | XX | GT | LT] */
  expireEntry('expire', true, true),
  /** PEXPIRE key milliseconds [NX | XX | GT | LT] */
  expireEntry('pexpire', true, false),
  /** EXPIREAT key unix-time-seconds [NX | XX | GT | LT] */
  expireEntry('expireat', false, true),
  /** PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT] */
  expireEntry('pexpireat', false, false),
  /** TTL key — remaining seconds. */
  ttlEntry('ttl', true, true),
  /** PTTL key — remaining milliseconds. */
  ttlEntry('pttl', true, false),
  /** EXPIRETIME key — absolute Unix time in seconds. */
  ttlEntry('expiretime', false, true),
  /** PEXPIRETIME key — absolute Unix time in milliseconds. */
  ttlEntry('pexpiretime', false, false),
  {
    name: 'persist',
    arity: 2,
    flags: ['write', 'fast'],
    keys: KEY1,
    /** PERSIST key — drop the expiry; 1 if there was one. */
    handler: (ctx, argv) => {
      const key = argv[1];
      if (ctx.lookup(key) === undefined) return int(0);
      if (!ctx.db.removeExpire(key)) return int(0);
      ctx.modified(key);
      return int(1);
    },
  },
];

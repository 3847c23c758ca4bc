/** String commands: SET, GET, INCR/DECR/INCRBY/DECRBY — enough strings to show WRONGTYPE and type changes. */
import { E } from '../errors.ts';
import { NULL, OK, bulk, error, int, type ErrorReply, type Reply } from '../reply.ts';
import type { Ctx } from '../context.ts';
import type { TableEntry } from '../table.ts';
import { INT64_MAX, INT64_MIN, parseLongLong, toNum } from './args.ts';

const KEY1 = { first: 1, last: 1, step: 1 } as const;

interface SetOptions {
  nx: boolean;
  xx: boolean;
  get: boolean;
  keepTtl: boolean;
  /** Absolute Unix ms, or undefined for no expiry. */
  expireAt?: number;
}

/** parseExtendedStringArgumentsOrReply for SET: each option may repeat, conflicting ones are a syntax error. */
function parseSetOptions(ctx: Ctx, argv: readonly string[]): SetOptions | ErrorReply {
  const o: SetOptions = { nx: false, xx: false, get: false, keepTtl: false };
  let unit: 'ex' | 'px' | 'exat' | 'pxat' | undefined;
  let raw: string | undefined;
  for (let j = 3; j < argv.length; j++) {
    const opt = argv[j].toLowerCase();
    const hasNext = j < argv.length - 1;
    if (opt === 'nx' && !o.xx) o.nx = true;
    else if (opt === 'xx' && !o.nx) o.xx = true;
    else if (opt === 'get') o.get = true;
    else if (opt === 'keepttl' && unit === undefined) o.keepTtl = true;
    else if ((opt === 'ex' || opt === 'px' || opt === 'exat' || opt === 'pxat') && !o.keepTtl && (unit === undefined || unit === opt) && hasNext) {
      unit = opt;
      raw = argv[++j];
    } else return error(E.syntax);
  }
  if (unit !== undefined && raw !== undefined) {
    const v = parseLongLong(raw);
    if (v === undefined) return error(E.notInteger);
    const seconds = unit === 'ex' || unit === 'exat';
    if (v <= 0n || (seconds && v > INT64_MAX / 1000n)) return error(E.invalidExpireTime('set'));
    let ms = seconds ? v * 1000n : v;
    if (unit === 'ex' || unit === 'px') {
      if (ms > INT64_MAX - BigInt(ctx.now)) return error(E.invalidExpireTime('set'));
      ms += BigInt(ctx.now);
    }
    o.expireAt = Number(ms);
  }
  return o;
}

/** SET key value [NX | XX] [GET] [EX s | PX ms | EXAT ts | PXAT ms-ts | KEEPTTL] — set a string value. */
function setCommand(ctx: Ctx, argv: readonly string[]): Reply {
  const o = parseSetOptions(ctx, argv);
  if ('t' in o) return o;
  const key = argv[1];
  const old = ctx.lookup(key);
  let reply: Reply = OK;
  if (o.get) {
    if (old && old.type !== 'string') return error(E.wrongType);
    reply = old ? bulk(old.v) : NULL;
  }
  if ((o.nx && old) || (o.xx && !old)) return o.get ? reply : NULL;
  ctx.setKey(key, { type: 'string', v: argv[2] }, o.keepTtl);
  if (o.expireAt !== undefined) ctx.db.setExpire(key, o.expireAt);
  ctx.modified(key);
  return reply;
}

/** GET key — the string value, or nil. */
function getCommand(ctx: Ctx, argv: readonly string[]): Reply {
  const v = ctx.lookupTyped(argv[1], 'string');
  if (v === undefined) return NULL;
  if ('t' in v) return v;
  return bulk(v.v);
}

/** incrDecrCommand: the stored value must be a canonical int64; overflow is refused. */
function incrBy(ctx: Ctx, key: string, by: bigint): Reply {
  const v = ctx.lookupTyped(key, 'string');
  if (v !== undefined && 't' in v) return v;
  const cur = v === undefined ? 0n : parseLongLong(v.v);
  if (cur === undefined) return error(E.notInteger);
  const next = cur + by;
  if (next > INT64_MAX || next < INT64_MIN) return error('ERR increment or decrement would overflow');
  if (v) v.v = String(next);
  else ctx.setKey(key, { type: 'string', v: String(next) });
  ctx.modified(key);
  return int(toNum(next));
}

const byArg = (s: string): bigint | ErrorReply => parseLongLong(s) ?? error(E.notInteger);

export const stringCommands: readonly TableEntry[] = [
  { name: 'set', arity: -3, flags: ['write', 'denyoom'], keys: KEY1, handler: setCommand },
  { name: 'get', arity: 2, flags: ['readonly', 'fast'], keys: KEY1, handler: getCommand },
  {
    name: 'incr',
    arity: 2,
    flags: ['write', 'denyoom', 'fast'],
    keys: KEY1,
    /** INCR key — add 1 to the integer value (a missing key counts as 0). */
    handler: (ctx, argv) => incrBy(ctx, argv[1], 1n),
  },
  {
    name: 'decr',
    arity: 2,
    flags: ['write', 'denyoom', 'fast'],
    keys: KEY1,
    /** DECR key — subtract 1. */
    handler: (ctx, argv) => incrBy(ctx, argv[1], -1n),
  },
  {
    name: 'incrby',
    arity: 3,
    flags: ['write', 'denyoom', 'fast'],
    keys: KEY1,
    /** INCRBY key increment */
    handler: (ctx, argv) => {
      const by = byArg(argv[2]);
      return typeof by === 'bigint' ? incrBy(ctx, argv[1], by) : by;
    },
  },
  {
    name: 'decrby',
    arity: 3,
    flags: ['write', 'denyoom', 'fast'],
    keys: KEY1,
    /** DECRBY key decrement — negating INT64_MIN cannot be represented, hence its own error. */
    handler: (ctx, argv) => {
      const by = byArg(argv[2]);
      if (typeof by !== 'bigint') return by;
      if (by === INT64_MIN) return error('ERR decrement would overflow');
      return incrBy(ctx, argv[1], -by);
    },
  },
];

/** Connection and database commands: PING, ECHO, HELLO, SELECT, QUIT, RESET, TIME, DBSIZE, FLUSHDB, FLUSHALL. */
import { E } from '../errors.ts';
import { OK, array, bulk, error, fields, int, status, type Reply } from '../reply.ts';
import type { Ctx } from '../context.ts';
import type { TableEntry } from '../table.ts';
import { parseLongLong } from './args.ts';

/** validateClientName: every byte must be printable ASCII without space ('!' .. '~'). */
export function validClientName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

export const BAD_CLIENT_NAME = 'ERR Client names cannot contain spaces, newlines or special characters.';

export function setClientName(ctx: Ctx, name: string): void {
  ctx.client.name = name;
  ctx.emit({ type: 'client-renamed', client: ctx.client.id, name });
}

/** HELLO [protover [AUTH username password] [SETNAME clientname]] — switch protocol; reply the server's identity. */
function helloCommand(ctx: Ctx, argv: readonly string[]): Reply {
  let ver: 2 | 3 | undefined;
  let next = 1;
  if (argv.length >= 2) {
    const v = parseLongLong(argv[next++]);
    if (v === undefined) return error('ERR Protocol version is not an integer or out of range');
    if (v !== 2n && v !== 3n) return error('NOPROTO unsupported protocol version');
    ver = v === 2n ? 2 : 3;
  }
  let auth: [string, string] | undefined;
  let name: string | undefined;
  for (let j = next; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    const opt = argv[j].toLowerCase();
    if (opt === 'auth' && more >= 2) {
      auth = [argv[j + 1], argv[j + 2]];
      j += 2;
    } else if (opt === 'setname' && more >= 1) {
      name = argv[j + 1];
      if (!validClientName(name)) return error(BAD_CLIENT_NAME);
      j++;
    } else {
      return error(`ERR Syntax error in HELLO option '${argv[j]}'`);
    }
  }
  if (auth) {
    // The only user is `default`; it accepts any password unless requirepass is set.
    const required = ctx.config.get('requirepass') ?? '';
    if (auth[0] !== 'default' || (required !== '' && auth[1] !== required)) {
      return error('WRONGPASS invalid username-password pair or user is disabled.');
    }
  }
  if (name !== undefined) setClientName(ctx, name);
  if (ver) ctx.client.resp = ver;
  return fields([
    ['server', bulk('redis')],
    ['version', bulk(ctx.profile.version)],
    ['proto', int(ctx.client.resp)],
    ['id', int(ctx.client.id)],
    ['mode', bulk('standalone')],
    ['role', bulk('master')],
    ['modules', array([])],
  ]);
}

/** FLUSHDB/FLUSHALL [ASYNC | SYNC] — anything else is a syntax error. */
function flushFlagsOk(argv: readonly string[]): boolean {
  if (argv.length > 2) return false;
  return argv.length === 1 || /^(sync|async)$/i.test(argv[1]);
}

/**
 * Empty one database or all. Like touchAllWatchedKeysInDb, only watched keys that existed are touched (a WATCH
 * on a missing key survives a flush), and clients blocked on a flushed key are signalled (7.2+ re-run them).
 */
function flushDbs(ctx: Ctx, which: number | 'all'): void {
  let removed = 0;
  const engine = ctx.engine;
  const blocked = [...engine.blocking.blockedKeys()];
  for (const db of engine.dbs) {
    if (which !== 'all' && db.index !== which) continue;
    removed += db.size;
    for (const key of db.keys.keys()) engine.touch(db.index, key);
    const existed = blocked.filter(([dbi, key]) => dbi === db.index && db.keys.has(key));
    db.clear();
    for (const [dbi, key] of existed) engine.signalReady(dbi, key);
  }
  engine.stats.dirty += removed;
  ctx.emit({ type: 'db-flushed', db: which });
}

export const connectionCommands: readonly TableEntry[] = [
  {
    name: 'ping',
    arity: -1,
    flags: ['fast'],
    /** PING [message] — PONG, or the message as a bulk string. */
    handler: (ctx, argv) => {
      if (argv.length > 2) return error(E.wrongArity('ping'));
      return argv.length === 2 ? bulk(argv[1]) : status('PONG');
    },
  },
  {
    name: 'echo',
    arity: 2,
    flags: ['loading', 'stale', 'fast'],
    /** ECHO message */
    handler: (_ctx, argv) => bulk(argv[1]),
  },
  { name: 'hello', arity: -1, flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'], handler: helloCommand },
  {
    name: 'select',
    arity: 2,
    flags: ['loading', 'stale', 'fast'],
    /** SELECT index — switch the connection to database 0..15. */
    handler: (ctx, argv) => {
      const v = parseLongLong(argv[1]);
      if (v === undefined || v > 2147483647n || v < -2147483648n) return error(E.notInteger);
      if (v < 0n || v >= BigInt(ctx.engine.dbs.length)) return error(E.dbIndexOutOfRange);
      ctx.client.db = Number(v);
      return OK;
    },
  },
  {
    name: 'quit',
    arity: -1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
    /** QUIT — OK; the host closes the connection after sending it. */
    handler: () => OK,
  },
  {
    name: 'reset',
    arity: 1,
    flags: ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'],
    /** RESET — back to a fresh connection: db 0, RESP2, no name, no MULTI, no watches. */
    handler: (ctx) => {
      const c = ctx.client;
      c.multi = null;
      c.multiError = false;
      ctx.engine.unwatchAll(c);
      c.db = 0;
      c.resp = 2;
      if (c.name !== '') setClientName(ctx, '');
      return status('RESET');
    },
  },
  {
    name: 'time',
    arity: 1,
    flags: ['loading', 'stale', 'fast'],
    /** TIME — [unix seconds, microseconds] from the command's time snapshot. */
    handler: (ctx) => array([bulk(String(Math.floor(ctx.now / 1000))), bulk(String((ctx.now % 1000) * 1000))]),
  },
  {
    name: 'dbsize',
    arity: 1,
    flags: ['readonly', 'fast'],
    /** DBSIZE — the number of keys in the selected database. */
    handler: (ctx) => int(ctx.db.size),
  },
  {
    name: 'flushdb',
    arity: -1,
    flags: ['write'],
    /** FLUSHDB [ASYNC | SYNC] — delete every key of the selected database. */
    handler: (ctx, argv) => {
      if (!flushFlagsOk(argv)) return error(E.syntax);
      flushDbs(ctx, ctx.db.index);
      return OK;
    },
  },
  {
    name: 'flushall',
    arity: -1,
    flags: ['write'],
    /** FLUSHALL [ASYNC | SYNC] — delete every key of every database. */
    handler: (ctx, argv) => {
      if (!flushFlagsOk(argv)) return error(E.syntax);
      flushDbs(ctx, 'all');
      return OK;
    },
  },
];

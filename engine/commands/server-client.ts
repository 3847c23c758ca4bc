/** CLIENT: ID, SETNAME, GETNAME, LIST, INFO, UNBLOCK, KILL, SETINFO, NO-EVICT, NO-TOUCH, GETREDIR, HELP. */
import { E } from '../errors.ts';
import type { Client } from '../client.ts';
import { NULL, NULL_ARRAY, OK, bulk, error, int, verbatim, type Reply } from '../reply.ts';
import type { Ctx } from '../context.ts';
import type { CommandDef, ContainerDef } from '../table.ts';
import { parseLongLong } from './args.ts';
import { BAD_CLIENT_NAME, setClientName, validClientName } from './server-conn.ts';

const CONN = ['noscript', 'loading', 'stale'] as const;
const ADMIN = ['admin', 'noscript', 'loading', 'stale'] as const;

/** The bytes a command occupies in the query buffer as a RESP multibulk (CLIENT INFO's `qbuf`). */
function respSize(argv: readonly string[]): number {
  let n = 3 + String(argv.length).length;
  for (const a of argv) n += 5 + String(a.length).length + a.length;
  return n;
}

/** sdscatfmt of catClientInfoString; fields appear in the profile's version's order. */
export function clientInfoLine(ctx: Ctx, c: Client, argv?: readonly string[]): string {
  let flags = '';
  if (c.multi) flags += 'x';
  if (c.blocked) flags += 'b';
  if (c.dirtyCas) flags += 'd';
  if (flags === '') flags = 'N';
  const qbuf = argv ? respSize(argv) : 0;
  const argvMem = argv ? argv.reduce((n, a) => n + a.length, 0) : 0;
  const out = [
    `id=${c.id}`,
    `addr=${c.addr}`,
    `laddr=${c.laddr}`,
    `fd=${7 + c.id}`,
    `name=${c.name}`,
    `age=${Math.max(0, Math.floor((ctx.now - c.createdAt) / 1000))}`,
    `idle=${Math.max(0, Math.floor((ctx.now - c.lastInteraction) / 1000))}`,
    `flags=${flags}`,
    `db=${c.db}`,
    'sub=0',
    'psub=0',
    'ssub=0',
    `multi=${c.multi ? c.multi.length : -1}`,
  ];
  if (ctx.has('client-list-watch')) out.push(`watch=${c.watched.size}`);
  const rbs = ctx.has('client-list-io-thread') ? 1024 : 16384;
  out.push(
    `qbuf=${qbuf}`,
    `qbuf-free=${argv ? 20474 - qbuf : 0}`,
    `argv-mem=${argvMem}`,
    'multi-mem=0',
    `rbs=${rbs}`,
    'rbp=0',
    'obl=0',
    'oll=0',
    'omem=0',
    `tot-mem=${(argv ? 20474 : 0) + rbs + 1800 + argvMem}`,
    'events=r',
    `cmd=${c.lastCommand}`,
    'user=default',
    'redir=-1',
    `resp=${c.resp}`,
  );
  if (ctx.has('client-setinfo')) out.push(`lib-name=${c.libName}`, `lib-ver=${c.libVer}`);
  if (ctx.has('client-list-io-thread')) out.push('io-thread=0', 'tot-net-in=0', 'tot-net-out=0', 'tot-cmds=0');
  return out.join(' ');
}

/** CLIENT LIST [TYPE NORMAL|MASTER|REPLICA|PUBSUB] [ID client-id ...] — one line per connection. */
function clientList(ctx: Ctx, argv: readonly string[]): Reply {
  let ids: Set<number> | undefined;
  let none = false;
  if (argv.length === 4 && argv[2].toLowerCase() === 'type') {
    const t = argv[3].toLowerCase();
    if (!['normal', 'master', 'replica', 'slave', 'pubsub'].includes(t)) return error(`ERR Unknown client type '${argv[3]}'`);
    none = t !== 'normal';
  } else if (argv.length > 3 && argv[2].toLowerCase() === 'id') {
    ids = new Set();
    for (let j = 3; j < argv.length; j++) {
      const v = parseLongLong(argv[j]);
      if (v === undefined || v <= 0n) return error('ERR Invalid client ID');
      ids.add(Number(v));
    }
  } else if (argv.length !== 2) {
    return error(E.syntax);
  }
  let text = '';
  if (!none) {
    for (const c of [...ctx.engine.clients.values()].sort((a, b) => a.id - b.id)) {
      if (ids && !ids.has(c.id)) continue;
      text += clientInfoLine(ctx, c, c === ctx.client ? argv : undefined) + '\n';
    }
  }
  return verbatim(text);
}

/** Close another connection the way Engine.disconnect does, keeping this command's events and wake-ups. */
function killClient(ctx: Ctx, target: Client): void {
  const engine = ctx.engine;
  if (target.blocked) {
    engine.blocking.remove(target);
    target.blocked = null;
    ctx.emit({ type: 'unblocked', client: target.id, reason: 'disconnected' });
  }
  engine.unwatchAll(target);
  engine.clients.delete(target.id);
  ctx.emit({ type: 'client-disconnected', client: target.id });
}

/**
 * CLIENT KILL ip:port | CLIENT KILL <filter> <value> ... — the new form answers how many were killed; the old
 * form errors when nobody matched. Filters: ID, ADDR, LADDR, TYPE, USER, SKIPME (MAXAGE is 7.4+ and not modelled).
 */
function clientKill(ctx: Ctx, argv: readonly string[]): Reply {
  const all = [...ctx.engine.clients.values()];
  if (argv.length === 3) {
    const target = all.find((c) => c.addr === argv[2]);
    if (!target) return error('ERR No such client');
    if (target !== ctx.client) killClient(ctx, target);
    return OK;
  }
  if (argv.length % 2 !== 0) return error(E.syntax);
  let matches = all;
  let skipMe = true;
  for (let i = 2; i < argv.length; i += 2) {
    const opt = argv[i].toLowerCase();
    const v = argv[i + 1];
    if (opt === 'id') {
      const id = parseLongLong(v);
      if (id === undefined || id <= 0n) return error('ERR client-id should be greater than 0');
      matches = matches.filter((c) => BigInt(c.id) === id);
    } else if (opt === 'addr') matches = matches.filter((c) => c.addr === v);
    else if (opt === 'laddr') matches = matches.filter((c) => c.laddr === v);
    else if (opt === 'type') {
      const t = v.toLowerCase();
      if (!['normal', 'master', 'replica', 'slave', 'pubsub'].includes(t)) return error(`ERR Unknown client type '${v}'`);
      if (t !== 'normal') matches = [];
    } else if (opt === 'user') {
      if (v !== 'default') return error(`ERR No such user '${v}'`);
    } else if (opt === 'skipme') {
      if (/^yes$/i.test(v)) skipMe = true;
      else if (/^no$/i.test(v)) skipMe = false;
      else return error(E.syntax);
    } else return error(E.syntax);
  }
  let killed = 0;
  for (const c of matches) {
    if (c === ctx.client && skipMe) continue;
    // Killing oneself closes the connection after the reply; the host sees the client gone.
    if (c !== ctx.client) killClient(ctx, c);
    killed++;
  }
  return int(killed);
}

/** CLIENT UNBLOCK client-id [TIMEOUT | ERROR] — wake a blocked client as if it timed out, or with an error. */
function clientUnblock(ctx: Ctx, argv: readonly string[]): Reply {
  if (argv.length > 4) return error(E.subcommandSyntax(argv[1], 'client'));
  let asError = false;
  if (argv.length === 4) {
    const reason = argv[3].toLowerCase();
    if (reason === 'error') asError = true;
    else if (reason !== 'timeout') return error('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR');
  }
  const id = parseLongLong(argv[2]);
  if (id === undefined) return error(E.notInteger);
  const target = id > 0n && id <= BigInt(Number.MAX_SAFE_INTEGER) ? ctx.engine.client(Number(id)) : undefined;
  if (!target?.blocked) return int(0);
  const reply = asError ? error('UNBLOCKED client unblocked via CLIENT UNBLOCK') : NULL_ARRAY;
  ctx.engine.unblock(target, reply, 'client-unblock');
  return int(1);
}

const onOff = (argv: readonly string[]): Reply => (/^(on|off)$/i.test(argv[2]) ? OK : error(E.syntax));

const HELP_7_0 = [
  'CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CACHING (YES|NO)',
  '    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.',
  'GETREDIR',
  '    Return the client ID we are redirecting to when tracking is enabled.',
  'GETNAME',
  '    Return the name of the current connection.',
  'ID',
  '    Return the ID of the current connection.',
  'INFO',
  '    Return information about the current client connection.',
  'KILL <ip:port>',
  '    Kill connection made from <ip:port>.',
  'KILL <option> <value> [<option> <value> [...]]',
  '    Kill connections. Options are:',
  '    * ADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made from the specified address',
  '    * LADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made to specified local address',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Kill connections by type.',
  '    * USER <username>',
  '      Kill connections authenticated by <username>.',
  '    * SKIPME (YES|NO)',
  '      Skip killing current connection (default: yes).',
  'LIST [options ...]',
  '    Return information about client connections. Options:',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Return clients of specified type.',
  'UNPAUSE',
  '    Stop the current client pause, resuming traffic.',
  'PAUSE <timeout> [WRITE|ALL]',
  '    Suspend all, or just write, clients for <timeout> milliseconds.',
  'REPLY (ON|OFF|SKIP)',
  '    Control the replies sent to the current connection.',
  'SETNAME <name>',
  '    Assign the name <name> to the current connection.',
  'UNBLOCK <clientid> [TIMEOUT|ERROR]',
  '    Unblock the specified blocked client.',
  'TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]',
  '         [OPTIN] [OPTOUT] [NOLOOP]',
  '    Control server assisted client side caching.',
  'TRACKINGINFO',
  '    Report tracking status for the current connection.',
  'NO-EVICT (ON|OFF)',
  '    Protect current client connection from eviction.',
];
/** Lines 7.2 added to CLIENT HELP (before the final HELP entry). */
const HELP_7_2 = [
  'NO-TOUCH (ON|OFF)',
  '    Will not touch LRU/LFU stats when this mode is on.',
  'SETINFO <option> <value>',
  '    Set client meta attr. Options are:',
  '    * LIB-NAME: the client lib name.',
  '    * LIB-VER: the client lib version.',
];
const HELP_END = ['HELP', '    Prints this help.'];

/** Subcommands that only newer servers know answer like an unknown subcommand on older profiles. */
const since72 = (def: CommandDef): CommandDef => ({
  ...def,
  handler: (ctx, argv) =>
    ctx.has('client-setinfo') ? def.handler(ctx, argv) : error(E.unknownSubcommand(argv[1], argv[0])),
});

const subcommands: readonly CommandDef[] = [
  /** CLIENT ID */
  { name: 'id', arity: 2, flags: CONN, handler: (ctx) => int(ctx.client.id) },
  {
    name: 'setname',
    arity: 3,
    flags: CONN,
    /** CLIENT SETNAME name — printable ASCII without spaces; empty clears it. */
    handler: (ctx, argv) => {
      if (!validClientName(argv[2])) return error(BAD_CLIENT_NAME);
      setClientName(ctx, argv[2]);
      return OK;
    },
  },
  /** CLIENT GETNAME — the name, or nil. */
  { name: 'getname', arity: 2, flags: CONN, handler: (ctx) => (ctx.client.name === '' ? NULL : bulk(ctx.client.name)) },
  { name: 'list', arity: -2, flags: ADMIN, handler: clientList },
  /** CLIENT INFO — this connection's CLIENT LIST line. */
  { name: 'info', arity: 2, flags: CONN, handler: (ctx, argv) => verbatim(clientInfoLine(ctx, ctx.client, argv) + '\n') },
  { name: 'unblock', arity: -3, flags: ADMIN, handler: clientUnblock },
  { name: 'kill', arity: -3, flags: ADMIN, handler: clientKill },
  /** CLIENT NO-EVICT ON|OFF — accepted; the playground never evicts clients. */
  { name: 'no-evict', arity: 3, flags: ADMIN, handler: (_ctx, argv) => onOff(argv) },
  /** CLIENT NO-TOUCH ON|OFF (7.2) — accepted; there is no LRU to protect. */
  since72({ name: 'no-touch', arity: 3, flags: ['noscript', 'loading', 'stale'], handler: (_ctx, argv) => onOff(argv) }),
  since72({
    name: 'setinfo',
    arity: 4,
    flags: ['noscript', 'loading', 'stale', 'allow_busy'],
    /** CLIENT SETINFO LIB-NAME|LIB-VER value (7.2) — shown in CLIENT LIST. */
    handler: (ctx, argv) => {
      const attr = argv[2].toLowerCase();
      if (attr !== 'lib-name' && attr !== 'lib-ver') return error(`ERR Unrecognized option '${argv[2]}'`);
      if (!validClientName(argv[3])) return error(`ERR ${argv[2]} cannot contain spaces, newlines or special characters.`);
      if (attr === 'lib-name') ctx.client.libName = argv[3];
      else ctx.client.libVer = argv[3];
      return OK;
    },
  }),
  /** CLIENT GETREDIR — -1: tracking is never on. */
  { name: 'getredir', arity: 2, flags: CONN, handler: () => int(-1) },
  {
    name: 'help',
    arity: 2,
    flags: ['loading', 'stale'],
    handler: (ctx) => {
      const lines = [...HELP_7_0, ...(ctx.has('client-setinfo') ? HELP_7_2 : []), ...HELP_END];
      return lines.map((l) => ({ t: 'status', v: l }) as const);
    },
  },
];

export const clientCommand: ContainerDef = { name: 'client', arity: -2, flags: [], subcommands };

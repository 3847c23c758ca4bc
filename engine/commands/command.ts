/**
 * COMMAND and its subcommands, answered from the command table joined with `engine/docs`.
 *
 * COMMAND is a plain table entry (arity -1) that dispatches its own subcommands: the engine's container dispatch
 * rejects a bare container name, but `COMMAND` alone must list every command, as in Redis (where the container
 * has its own handler). Unknown-subcommand and arity errors are reproduced here with Redis's texts.
 */
import type { Ctx } from '../context.ts';
import { docSet } from '../docs/registry.ts';
import type { CommandDoc } from '../docs/model.ts';
import { docsReply, infoReply, keyPositions } from '../docs/replies.ts';
import { E, sanitizeError } from '../errors.ts';
import { array, bulk, error, int, map, NULL, status, type ErrorReply, type Reply } from '../reply.ts';
import { arityOk, isContainer, type TableEntry } from '../table.ts';
import { globMatch } from './glob.ts';

/** One command the server has in this profile: its docs, and for a container the subcommands it has. */
interface Available {
  readonly doc: CommandDoc;
  readonly subs: readonly CommandDoc[];
}

/** The table's commands that exist in the profile and have docs, in table order. */
function available(ctx: Ctx): Available[] {
  const docs = docSet(ctx.profile.version);
  const out: Available[] = [];
  for (const e of ctx.engine.table.entries()) {
    const doc = docs.byName.get(e.name);
    if (!doc || !ctx.profile.hasCommand(e.name)) continue;
    out.push({ doc, subs: subsOf(e, doc) });
  }
  return out;
}

/** A container's subcommands that the table implements, in the server's order (all of them for COMMAND itself). */
function subsOf(e: TableEntry, doc: CommandDoc): CommandDoc[] {
  if (!isContainer(e)) return [...doc.subcommands];
  const have = new Set(e.subcommands.map((s) => s.name));
  return doc.subcommands.filter((s) => have.has(s.fullName.slice(s.fullName.indexOf('|') + 1)));
}

/** lookupCommandBySds: `xadd` or `xgroup|create`, among what the server has. */
function find(ctx: Ctx, name: string): Available | undefined {
  const [top, sub, extra] = name.toLowerCase().split('|');
  if (extra !== undefined) return undefined;
  const a = available(ctx).find((x) => x.doc.fullName === top);
  if (!a || sub === undefined) return a;
  const s = a.subs.find((d) => d.fullName === `${top}|${sub}`);
  return s && { doc: s, subs: [] };
}

const HELP = [
  'COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  '(no subcommand)',
  '    Return details about all Redis commands.',
  'COUNT',
  '    Return the total number of commands in this Redis server.',
  'LIST',
  '    Return a list of all commands in this Redis server.',
  'INFO [<command-name> ...]',
  '    Return details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'DOCS [<command-name> ...]',
  '    Return documentation details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'GETKEYS <full-command>',
  '    Return the keys from a full Redis command.',
  'GETKEYSANDFLAGS <full-command>',
  '    Return the keys and the access flags from a full Redis command.',
  'HELP',
  '    Prints this help.',
];

type Sub = (ctx: Ctx, argv: readonly string[]) => Reply;

/** COMMAND — every command's COMMAND INFO entry. */
const all: Sub = (ctx) => array(available(ctx).map((a) => infoReply(a.doc, a.subs)));

/** COMMAND INFO [command-name ...] */
const info: Sub = (ctx, argv) => {
  if (argv.length === 2) return all(ctx, argv);
  return array(argv.slice(2).map((n) => {
    const a = find(ctx, n);
    return a ? infoReply(a.doc, a.subs) : NULL;
  }));
};

/** COMMAND DOCS [command-name ...] — a map of name → docs; unknown names are left out. */
const docs: Sub = (ctx, argv) => {
  const v = ctx.profile.version;
  const list = argv.length === 2 ? available(ctx) : argv.slice(2).flatMap((n) => find(ctx, n) ?? []);
  return map(list.map((a) => [bulk(a.doc.fullName), docsReply(a.doc, v, a.subs)] as const));
};

/** COMMAND COUNT */
const count: Sub = (ctx) => int(available(ctx).length);

/** COMMAND LIST [FILTERBY <MODULE module-name | ACLCAT category | PATTERN pattern>] — names, subcommands included. */
const list: Sub = (ctx, argv) => {
  let keep = (_d: CommandDoc) => true;
  if (argv.length === 5 && argv[2].toLowerCase() === 'filterby') {
    const how = argv[3].toLowerCase();
    const arg = argv[4];
    if (how === 'module') keep = () => false;
    else if (how === 'aclcat') keep = (d) => d.acl.includes(`@${arg.toLowerCase()}`);
    else if (how === 'pattern') keep = (d) => globMatch(arg, d.fullName, true);
    else return error(E.syntax);
  } else if (argv.length !== 2) return error(E.syntax);
  const names: string[] = [];
  for (const a of available(ctx)) for (const d of [a.doc, ...a.subs]) if (keep(d)) names.push(d.fullName);
  return array(names.map(bulk));
};

/** The command named in a GETKEYS line (with its checks in getKeysSubcommandImpl's order), or the error. */
function getkeysTarget(ctx: Ctx, argv: readonly string[]): { doc: CommandDoc; cmd: string[] } | ErrorReply {
  const cmd = argv.slice(2);
  const top = find(ctx, cmd[0]);
  const target = top && top.subs.length > 0 ? (cmd.length > 1 ? find(ctx, `${cmd[0]}|${cmd[1]}`) : undefined) : top;
  if (!target) return error('ERR Invalid command specified');
  if (target.doc.keySpecs.length === 0) return error('ERR The command has no key arguments');
  if (!arityOk(target.doc.arity, cmd.length)) return error('ERR Invalid number of arguments specified for command');
  return { doc: target.doc, cmd };
}

const noKeys = (doc: CommandDoc): Reply =>
  doc.flags.includes('no_mandatory_keys') ? array([]) : error('ERR Invalid arguments specified for command');

/** COMMAND GETKEYS command [arg ...] */
const getkeys: Sub = (ctx, argv) => {
  const t = getkeysTarget(ctx, argv);
  if ('t' in t) return t;
  const pos = keyPositions(t.doc, t.cmd);
  if (pos.length === 0) return noKeys(t.doc);
  return array(pos.map((i) => bulk(t.cmd[i])));
};

/** COMMAND GETKEYSANDFLAGS command [arg ...] — each key with its key spec's flags. */
const getkeysAndFlags: Sub = (ctx, argv) => {
  const t = getkeysTarget(ctx, argv);
  if ('t' in t) return t;
  const out: Reply[] = [];
  t.doc.keySpecs.forEach((k) => {
    for (const i of keyPositions({ ...t.doc, keySpecs: [k] }, t.cmd)) {
      out.push(array([bulk(t.cmd[i]), { t: 'set', v: k.flags.map(status) }]));
    }
  });
  if (out.length === 0) return noKeys(t.doc);
  return array(out);
};

/** COMMAND HELP */
const help: Sub = () => array(HELP.map(status));

const SUBS: Record<string, [arity: number, run: Sub]> = {
  count: [2, count],
  docs: [-2, docs],
  getkeys: [-4, getkeys],
  getkeysandflags: [-4, getkeysAndFlags],
  help: [2, help],
  info: [-2, info],
  list: [-2, list],
};

export const commandCommands: readonly TableEntry[] = [
  {
    name: 'command',
    arity: -1,
    flags: ['loading', 'stale'],
    /** COMMAND [COUNT | DOCS | GETKEYS | GETKEYSANDFLAGS | HELP | INFO | LIST ...] — introspect the command table. */
    handler: (ctx, argv) => {
      if (argv.length === 1) return all(ctx, argv);
      const sub = SUBS[argv[1].toLowerCase()];
      if (!sub) return error(sanitizeError(E.unknownSubcommand(argv[1], argv[0])));
      if (!arityOk(sub[0], argv.length)) return error(E.wrongArity(`command|${argv[1].toLowerCase()}`));
      return sub[1](ctx, argv);
    },
  },
];

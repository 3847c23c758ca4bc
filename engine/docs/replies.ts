/**
 * COMMAND DOCS and COMMAND INFO replies built from the docs, in the exact shape and order Redis sends them
 * (addReplyCommandDocs / addReplyCommandInfo): maps, sets of simple strings for flags, and so on.
 */
import { array, bulk, int, map, NULL, status, type Reply } from '../reply.ts';
import { atLeast, type ArgDoc, type CommandDoc, type KeySpec } from './model.ts';

const set = (v: readonly Reply[]): Reply => ({ t: 'set', v });
const kv = (pairs: readonly (readonly [string, Reply])[]): Reply => map(pairs.map(([k, v]) => [bulk(k), v] as const));
const statuses = (xs: readonly string[]) => set(xs.map(status));

function argReply(a: ArgDoc, version: string): Reply {
  const p: [string, Reply][] = [
    ['name', bulk(a.name)],
    ['type', bulk(a.type)],
  ];
  if (a.displayText !== undefined && atLeast(version, '7.2.0')) p.push(['display_text', bulk(a.displayText)]);
  if (a.keySpecIndex !== undefined) p.push(['key_spec_index', int(a.keySpecIndex)]);
  if (a.token !== undefined) p.push(['token', bulk(a.token)]);
  if (a.since !== undefined) p.push(['since', bulk(a.since)]);
  if (a.deprecatedSince !== undefined) p.push(['deprecated_since', bulk(a.deprecatedSince)]);
  const flags = [a.optional && 'optional', a.multiple && 'multiple', a.multipleToken && 'multiple_token'].filter(
    (f): f is string => typeof f === 'string',
  );
  if (flags.length) p.push(['flags', statuses(flags)]);
  if (a.args) p.push(['arguments', array(a.args.map((c) => argReply(c, version)))]);
  return kv(p);
}

/** One command's COMMAND DOCS map; `subcommands` lists those of `subs` (the ones the server has). */
export function docsReply(doc: CommandDoc, version: string, subs: readonly CommandDoc[] = doc.subcommands): Reply {
  const p: [string, Reply][] = [];
  if (doc.summary !== undefined) p.push(['summary', bulk(doc.summary)]);
  p.push(['since', bulk(doc.since)], ['group', bulk(doc.group)]);
  if (doc.complexity !== undefined) p.push(['complexity', bulk(doc.complexity)]);
  if (doc.history.length) p.push(['history', set(doc.history.map(([v, d]) => array([bulk(v), bulk(d)])))]);
  if (doc.args.length) p.push(['arguments', array(doc.args.map((a) => argReply(a, version)))]);
  if (subs.length) p.push(['subcommands', map(subs.map((s) => [bulk(s.fullName), docsReply(s, version)] as const))]);
  return kv(p);
}

function keySpecReply(k: KeySpec): Reply {
  const p: [string, Reply][] = [];
  if (k.notes !== undefined) p.push(['notes', bulk(k.notes)]);
  p.push(['flags', statuses(k.flags)]);
  const b = k.begin;
  const bspec =
    b.type === 'index'
      ? kv([['index', int(b.index)]])
      : b.type === 'keyword'
        ? kv([['keyword', bulk(b.keyword)], ['startfrom', int(b.startfrom)]])
        : kv([]);
  p.push(['begin_search', kv([['type', bulk(b.type)], ['spec', bspec]])]);
  const f = k.find;
  const fspec =
    f.type === 'range'
      ? kv([['lastkey', int(f.lastkey)], ['keystep', int(f.keystep)], ['limit', int(f.limit)]])
      : f.type === 'keynum'
        ? kv([['keynumidx', int(f.keynumidx)], ['firstkey', int(f.firstkey)], ['keystep', int(f.keystep)]])
        : kv([]);
  p.push(['find_keys', kv([['type', bulk(f.type)], ['spec', fspec]])]);
  return kv(p);
}

/** One command's COMMAND INFO entry: the 10-element array of Redis 7. */
export function infoReply(doc: CommandDoc | undefined, subs: readonly CommandDoc[] = doc?.subcommands ?? []): Reply {
  if (!doc) return NULL;
  return array([
    bulk(doc.fullName),
    int(doc.arity),
    statuses(doc.flags),
    int(doc.firstKey),
    int(doc.lastKey),
    int(doc.keyStep),
    statuses(doc.acl),
    set(doc.tips.map(bulk)),
    set(doc.keySpecs.map(keySpecReply)),
    // addReplyCommandSubCommands answers an empty set, not an array, for a command without subcommands.
    subs.length ? array(subs.map((s) => infoReply(s))) : set([]),
  ]);
}

/** The key positions of a full command line, found with the command's key specs (COMMAND GETKEYS). */
export function keyPositions(doc: CommandDoc, argv: readonly string[]): number[] {
  const out: number[] = [];
  for (const k of doc.keySpecs) {
    let first: number;
    if (k.begin.type === 'index') first = k.begin.index;
    else if (k.begin.type === 'keyword') {
      const { keyword, startfrom } = k.begin;
      first = keywordAt(argv, keyword.toLowerCase(), startfrom);
      if (first < 0) continue;
    } else continue;
    if (first >= argv.length) continue;
    const f = k.find;
    if (f.type === 'range') {
      let last = f.lastkey >= 0 ? first + f.lastkey : argv.length + f.lastkey;
      if (f.lastkey < 0 && f.limit > 1) last = first + Math.floor((argv.length - first) / f.limit) - 1;
      for (let i = first; i <= last && i < argv.length; i += f.keystep) out.push(i);
    } else if (f.type === 'keynum') {
      const n = Number(argv[first + f.keynumidx]);
      if (!Number.isInteger(n)) continue;
      const start = first + f.firstkey;
      for (let i = 0, pos = start; i < n && pos < argv.length; i++, pos += f.keystep) out.push(pos);
    }
  }
  return out;
}

/** The position after `keyword`, searched from `startfrom` (from the end when negative); -1 when absent. */
function keywordAt(argv: readonly string[], keyword: string, startfrom: number): number {
  if (startfrom >= 0) {
    for (let i = startfrom; i < argv.length; i++) if (argv[i].toLowerCase() === keyword) return i + 1;
  } else {
    for (let i = argv.length + startfrom; i > 0; i--) if (argv[i].toLowerCase() === keyword) return i + 1;
  }
  return -1;
}

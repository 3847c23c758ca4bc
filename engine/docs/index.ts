/**
 * Command documentation for the console and for COMMAND: lookup, syntax lines, redis-cli hints, HELP text and
 * tab completion. Pure functions over the data in this folder; every function takes an optional profile name
 * (`redis-7.0`) or version (`7.0.15`) and leaves out what that server does not have (see `registry.ts`).
 */
import { ArgMatcher, cliHint } from './cli-hints.ts';
import { docSet, lookupDoc } from './registry.ts';
import type { ArgDoc, CommandDoc, VersionLike } from './model.ts';

export type { ArgDoc, ArgType, CommandDoc, KeySpec } from './model.ts';
export { docSet, lookupDoc } from './registry.ts';

/** The docs of `xadd` or `xgroup|create` (also `XGROUP CREATE`). */
export function commandDoc(fullName: string, version?: VersionLike): CommandDoc | undefined {
  return lookupDoc(fullName, version);
}

const upperName = (doc: CommandDoc) => doc.fullName.toUpperCase().replace('|', ' ');

/** One argument as redis.io renders syntax: `[...]` optional, `<a | b>` required choice, `x [x ...]` repeats. */
function ioSyntax(a: ArgDoc): string {
  const kids = a.args ?? [];
  let body = '';
  if (a.type === 'block') body = kids.map(ioSyntax).join(' ');
  else if (a.type === 'oneof') body = kids.map(ioSyntax).join(' | ');
  else if (a.type !== 'pure-token') body = a.display;
  let s = a.optional ? '[' : '';
  if (a.token !== undefined) s += a.type === 'pure-token' ? a.token : `${a.token} `;
  const choice = a.type === 'oneof' && !a.optional;
  s += choice ? `<${body}>` : body;
  if (a.multiple) {
    const again = a.multipleToken ? `${a.token}${a.type === 'pure-token' ? '' : ' '}` : '';
    s += ` [${again}${choice ? `<${body}>` : body} ...]`;
  }
  return a.optional ? `${s}]` : s;
}

/** The syntax line as redis.io prints it: `XACK key group id [id ...]`. */
export function syntax(fullName: string, version?: VersionLike): string {
  const doc = lookupDoc(fullName, version);
  if (!doc) return '';
  return [upperName(doc), ...doc.args.map(ioSyntax)].join(' ');
}

/** The argument part as redis-cli prints it in HELP and hints (`|` between choices, no `<>`). */
export function cliParams(doc: CommandDoc): string {
  return new ArgMatcher().hintFor(doc.args, ' ');
}

/** Split typed words into the command (1 word, or 2 for a container's subcommand) and its arguments. */
function findCommand(words: readonly string[], version?: VersionLike): { doc: CommandDoc; rest: string[] } | undefined {
  if (words.length === 0) return undefined;
  const top = lookupDoc(words[0], version);
  if (!top || top.container) return undefined;
  if (top.subcommands.length > 0 && words.length > 1) {
    const sub = lookupDoc(`${top.fullName}|${words[1]}`, version);
    if (sub) return { doc: sub, rest: words.slice(2) };
  }
  return { doc: top, rest: words.slice(1) };
}

/**
 * redis-cli's hint for the words typed so far (complete words only: like redis-cli, pass a word only once a space
 * follows it). Returns what is still to type, e.g. `group id [id ...]` after `XACK s`; '' when the typed words do
 * not fit the syntax; undefined when no command matches. The caller adds a leading space when the line does not
 * end with one.
 */
export function hint(args: readonly string[], version?: VersionLike): string | undefined {
  const found = findCommand(args, version);
  if (!found) return undefined;
  return cliHint(found.doc.args, found.rest);
}

function helpEntry(doc: CommandDoc): string {
  const params = cliParams(doc);
  let out = `\n  ${upperName(doc)} ${params}\n  summary: ${doc.summary ?? ''}\n  since: ${doc.since}\n  group: ${doc.group}\n`;
  if (doc.complexity) out += `  complexity: ${doc.complexity}\n`;
  return out;
}

/**
 * What redis-cli's `HELP XACK` prints (without colours), plus a `complexity:` line. `HELP XGROUP` lists the
 * container and its subcommands, `HELP @stream` a whole group. '' when nothing matches.
 */
export function helpText(name: string, version?: VersionLike): string {
  const words = name.trim().split(/[\s|]+/).filter(Boolean);
  if (words.length === 0) return '';
  const set = docSet(version);
  const all = [...set.byName.values()];
  let hits: CommandDoc[];
  if (words[0].startsWith('@')) {
    const group = words[0].slice(1).toLowerCase();
    hits = all.filter((d) => d.group === group);
  } else {
    const want = words.map((w) => w.toLowerCase());
    hits = all.filter((d) => {
      const parts = d.fullName.split('|');
      return want.length <= parts.length && want.every((w, i) => parts[i] === w);
    });
  }
  if (hits.length === 0) return '';
  return hits.map(helpEntry).join('') + '\n';
}

/** Top-level command names (lower case), sorted. */
export function commandNames(version?: VersionLike): string[] {
  return docSet(version).top.map((d) => d.fullName).sort();
}

/** Subcommand names of a container (lower case, without the container), sorted; [] for plain commands. */
export function subcommandNames(container: string, version?: VersionLike): string[] {
  const doc = lookupDoc(container, version);
  return (doc?.subcommands ?? []).map((d) => d.fullName.slice(d.fullName.indexOf('|') + 1)).sort();
}

/** Tokens that may come next after the matched words: unmatched optional ones, then the next required one. */
function nextTokens(m: ArgMatcher, args: readonly ArgDoc[], out: Set<string>): void {
  for (const a of args) {
    const s = m.st(a);
    if (s.matchedAll && !a.multiple) continue;
    if (s.matched > 0 && !s.matchedAll) {
      // Being typed: what it still needs.
      if (a.type === 'block') nextTokens(m, a.args ?? [], out);
      if (a.type === 'oneof') for (const c of a.args ?? []) if (m.st(c).matched) nextTokens(m, [c], out);
      if (!a.optional) return;
      continue;
    }
    if (s.matched === 0 || a.multiple) starts(a, out);
    if (!a.optional && s.matched === 0) return;
  }
}

/** Tokens an argument can start with. */
function starts(a: ArgDoc, out: Set<string>): void {
  if (a.token !== undefined) out.add(a.token);
  else if (a.type === 'oneof') for (const c of a.args ?? []) starts(c, out);
  else if (a.type === 'block') {
    for (const c of a.args ?? []) {
      starts(c, out);
      if (!c.optional) break;
    }
  }
}

/**
 * Tab completion: command names, subcommands and option tokens valid at this position, upper case, filtered by
 * the partial word (case-insensitive). Keys, groups and consumers are the UI's to add from engine state.
 */
export function completions(args: readonly string[], partial: string, version?: VersionLike): string[] {
  const p = partial.toLowerCase();
  const keep = (xs: Iterable<string>) => [...new Set(xs)].filter((x) => x.toLowerCase().startsWith(p)).sort();
  if (args.length === 0) return keep(commandNames(version).map((n) => n.toUpperCase()));
  const top = lookupDoc(args[0], version);
  if (!top || top.container) return [];
  if (top.subcommands.length > 0 && args.length === 1) return keep(subcommandNames(top.fullName, version).map((n) => n.toUpperCase()));
  const found = findCommand(args, version);
  if (!found) return [];
  const m = new ArgMatcher();
  if (m.args(found.rest, 0, found.rest.length, found.doc.args) !== found.rest.length) return [];
  const out = new Set<string>();
  nextTokens(m, found.doc.args, out);
  return keep(out);
}

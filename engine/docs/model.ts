/**
 * The documentation model: compact records (so the web bundle stays small) parsed once into the shapes that
 * COMMAND DOCS / COMMAND INFO, HELP, hints and completion read.
 *
 * A record is a tuple:
 *   [fullName, arity, flags, aclCategories, 'first,last,step', since, group, summary, complexity,
 *    args?, keySpecs?, history?, tips?, extra?]
 * Flags, ACL categories (without `@`) and tips are space-separated. An empty summary or complexity means the
 * server sends none. A key spec is `FLAGS|begin|find[|notes]`: begin is `i<index>` or `k<keyword>,<startfrom>` or
 * `u`; find is `r<lastkey>,<keystep>,<limit>` or `n<keynumidx>,<firstkey>,<keystep>` or `u`.
 *
 * Arguments are a space-separated list, each `name=T` followed by modifiers, then `(children)` for oneof/block:
 *   T: k key, s string, i integer, d double, p pattern, u unix-time, t pure-token, o oneof, b block
 *   digits  key_spec_index        "TOK"  token          ?  optional   *  multiple   +  multiple_token
 *   @ver    since (sent)          %ver   deprecated_since (sent)
 *   ^ver    exists from this version (not sent: for options whose docs carry no `since`)
 *   !text   display_text when it differs from the name (sent by 7.2+ servers only)
 * Example: `key=k0 group=s condition=o?^8.2.0(keepref=t"KEEPREF" delref=t"DELREF") ids=b"IDS"(numids=i id=s*)`.
 */
import { compareVersions, DEFAULT_PROFILE, isProfileName, profile } from '../profiles.ts';

export interface DocExtra {
  /** The command exists from this version (when it differs from `since`). */
  readonly gate?: string;
}

export type DocRecord = readonly [
  fullName: string,
  arity: number,
  flags: string,
  acl: string,
  legacyKeys: string,
  since: string,
  group: string,
  summary: string,
  complexity: string,
  args?: string,
  keySpecs?: readonly string[],
  history?: readonly (readonly [string, string])[],
  tips?: string,
  extra?: DocExtra,
];

export type ArgType = 'key' | 'string' | 'integer' | 'double' | 'pattern' | 'unix-time' | 'pure-token' | 'oneof' | 'block';

const TYPE_OF: Record<string, ArgType> = {
  k: 'key',
  s: 'string',
  i: 'integer',
  d: 'double',
  p: 'pattern',
  u: 'unix-time',
  t: 'pure-token',
  o: 'oneof',
  b: 'block',
};

export interface ArgDoc {
  readonly name: string;
  readonly type: ArgType;
  /** What redis.io and redis-cli print for the argument (the name unless the docs say otherwise). */
  readonly display: string;
  /** display_text as a 7.2+ server sends it (leaf arguments only). */
  readonly displayText?: string;
  readonly keySpecIndex?: number;
  readonly token?: string;
  readonly since?: string;
  readonly deprecatedSince?: string;
  /** The version from which the argument exists (its `since`, or the `^` marker). */
  readonly gate?: string;
  readonly optional: boolean;
  readonly multiple: boolean;
  readonly multipleToken: boolean;
  readonly args?: readonly ArgDoc[];
}

export type BeginSearch =
  | { readonly type: 'index'; readonly index: number }
  | { readonly type: 'keyword'; readonly keyword: string; readonly startfrom: number }
  | { readonly type: 'unknown' };

export type FindKeys =
  | { readonly type: 'range'; readonly lastkey: number; readonly keystep: number; readonly limit: number }
  | { readonly type: 'keynum'; readonly keynumidx: number; readonly firstkey: number; readonly keystep: number }
  | { readonly type: 'unknown' };

export interface KeySpec {
  readonly flags: readonly string[];
  readonly notes?: string;
  readonly begin: BeginSearch;
  readonly find: FindKeys;
}

export interface CommandDoc {
  /** `xadd` or `xgroup|create`. */
  readonly fullName: string;
  /** The container's name for a subcommand. */
  readonly container?: string;
  readonly arity: number;
  readonly flags: readonly string[];
  /** ACL categories with their `@`. */
  readonly acl: readonly string[];
  readonly firstKey: number;
  readonly lastKey: number;
  readonly keyStep: number;
  readonly since: string;
  readonly group: string;
  readonly summary?: string;
  readonly complexity?: string;
  readonly args: readonly ArgDoc[];
  readonly keySpecs: readonly KeySpec[];
  readonly history: readonly (readonly [string, string])[];
  readonly tips: readonly string[];
  /** Subcommands of a container, in the server's order (those that exist in the profile). */
  readonly subcommands: readonly CommandDoc[];
  /** The version from which the command exists. */
  readonly gate: string;
}

/** A profile name (`redis-7.0`) or a version (`7.0.15`); undefined means the default profile. */
export type VersionLike = string | undefined;

export function resolveVersion(v: VersionLike): string {
  if (v === undefined) return profile(DEFAULT_PROFILE).version;
  return isProfileName(v) ? profile(v).version : v;
}

export const atLeast = (version: string, since: string | undefined): boolean =>
  since === undefined || since === '' || compareVersions(version, since) >= 0;

// ----- parsing -----

const words = (s: string | undefined): string[] => (s ? s.split(' ').filter(Boolean) : []);

/** Parse the argument mini-language. `modern` records get display_text on every leaf (as 7.2+ servers send). */
export function parseArgs(src: string, modern: boolean): ArgDoc[] {
  let i = 0;
  const list = (): ArgDoc[] => {
    const out: ArgDoc[] = [];
    for (;;) {
      while (src[i] === ' ') i++;
      if (i >= src.length || src[i] === ')') return out;
      out.push(one());
    }
  };
  const until = (stop: string): string => {
    const start = i;
    while (i < src.length && !stop.includes(src[i])) i++;
    return src.slice(start, i);
  };
  const one = (): ArgDoc => {
    const name = until('=');
    i++; // '='
    const type = TYPE_OF[src[i++]];
    if (!type) throw new Error(`bad argument type in ${src}`);
    let keySpecIndex: number | undefined;
    let token: string | undefined;
    let since: string | undefined;
    let deprecatedSince: string | undefined;
    let gate: string | undefined;
    let display: string | undefined;
    let optional = false;
    let multiple = false;
    let multipleToken = false;
    let args: ArgDoc[] | undefined;
    const ver = () => until(' ()?*+@%^!"');
    for (;;) {
      const c = src[i];
      if (c >= '0' && c <= '9') keySpecIndex = Number(until(' ()?*+@%^!"'));
      else if (c === '"') {
        i++;
        token = until('"');
        i++;
      } else if (c === '?' || c === '*' || c === '+') {
        i++;
        if (c === '?') optional = true;
        else if (c === '*') multiple = true;
        else multipleToken = true;
      } else if (c === '@' || c === '%' || c === '^' || c === '!') {
        i++;
        const v = ver();
        if (c === '@') since = v;
        else if (c === '%') deprecatedSince = v;
        else if (c === '^') gate = v;
        else display = v;
      } else if (c === '(') {
        i++;
        args = list();
        i++; // ')'
      } else break;
    }
    const leaf = type !== 'oneof' && type !== 'block';
    return {
      name,
      type,
      display: display ?? name,
      displayText: modern && leaf ? (display ?? name) : undefined,
      keySpecIndex,
      token,
      since,
      deprecatedSince,
      gate: gate ?? since,
      optional,
      multiple,
      multipleToken,
      args,
    };
  };
  const out = list();
  if (i < src.length) throw new Error(`unbalanced arguments: ${src}`);
  return out;
}

function parseKeySpec(s: string): KeySpec {
  const [flags, b, f, notes] = s.split('|');
  const nums = (x: string) => x.slice(1).split(',').map(Number);
  let begin: BeginSearch = { type: 'unknown' };
  if (b[0] === 'i') begin = { type: 'index', index: Number(b.slice(1)) };
  else if (b[0] === 'k') {
    const [keyword, startfrom] = b.slice(1).split(',');
    begin = { type: 'keyword', keyword, startfrom: Number(startfrom) };
  }
  let find: FindKeys = { type: 'unknown' };
  if (f[0] === 'r') {
    const [lastkey, keystep, limit] = nums(f);
    find = { type: 'range', lastkey, keystep, limit };
  } else if (f[0] === 'n') {
    const [keynumidx, firstkey, keystep] = nums(f);
    find = { type: 'keynum', keynumidx, firstkey, keystep };
  }
  return { flags: words(flags), notes, begin, find };
}

/** A parsed record before profile filtering (subcommands are joined later). */
export interface ParsedRecord extends Omit<CommandDoc, 'subcommands'> {
  readonly modern: boolean;
}

export function parseRecord(r: DocRecord, modern: boolean): ParsedRecord {
  const [fullName, arity, flags, acl, legacy, since, group, summary, complexity, args, keySpecs, history, tips, extra] = r;
  const [firstKey, lastKey, keyStep] = legacy.split(',').map(Number);
  const bar = fullName.indexOf('|');
  return {
    fullName,
    container: bar < 0 ? undefined : fullName.slice(0, bar),
    arity,
    flags: words(flags),
    acl: words(acl).map((a) => `@${a}`),
    firstKey,
    lastKey,
    keyStep,
    since,
    group,
    summary: summary || undefined,
    complexity: complexity || undefined,
    args: args ? parseArgs(args, modern) : [],
    keySpecs: (keySpecs ?? []).map(parseKeySpec),
    history: history ?? [],
    tips: words(tips),
    gate: extra?.gate ?? since,
    modern,
  };
}

/** Drop what a server of `version` does not have: newer arguments and later history entries. */
export function filterArgs(args: readonly ArgDoc[], version: string): ArgDoc[] {
  const out: ArgDoc[] = [];
  for (const a of args) {
    if (!atLeast(version, a.gate)) continue;
    out.push(a.args ? { ...a, args: filterArgs(a.args, version) } : a);
  }
  return out;
}

/**
 * Joins the two record sets into per-profile documentation.
 *
 * Profile gating (one rule set, used by COMMAND, HELP, hints and completion alike):
 * - a profile at 7.2 or newer reads the `data-modern.ts` record when there is one, else the 7.0.15 record;
 *   the redis-7.0 profile reads only 7.0.15 records (so its COMMAND DOCS / INFO are byte-identical to 7.0.15);
 * - a command or argument exists from its gate version (its `since`, or the record's `^` / `gate` marker);
 *   newer ones are left out, and so are history entries newer than the profile;
 * - display_text is sent only by 7.2+ profiles (7.0 servers do not have the field).
 */
import { BASE_DOCS } from './data-base.ts';
import { MODERN_DOCS } from './data-modern.ts';
import { atLeast, filterArgs, parseRecord, resolveVersion, type CommandDoc, type ParsedRecord, type VersionLike } from './model.ts';

const MODERN_FROM = '7.2.0';

let parsed: { base: Map<string, ParsedRecord>; modern: Map<string, ParsedRecord>; order: string[] } | undefined;

function records() {
  if (parsed) return parsed;
  const base = new Map(BASE_DOCS.map((r) => [r[0], parseRecord(r, false)] as const));
  const modern = new Map(MODERN_DOCS.map((r) => [r[0], parseRecord(r, true)] as const));
  const order = [...base.keys()];
  for (const name of modern.keys()) if (!base.has(name)) order.push(name);
  parsed = { base, modern, order };
  return parsed;
}

/** Every command of one profile, by full name (`xadd`, `xgroup|create`). */
export interface DocSet {
  readonly version: string;
  readonly byName: ReadonlyMap<string, CommandDoc>;
  /** Top-level commands in documentation order. */
  readonly top: readonly CommandDoc[];
}

const cache = new Map<string, DocSet>();

export function docSet(v?: VersionLike): DocSet {
  const version = resolveVersion(v);
  const hit = cache.get(version);
  if (hit) return hit;
  const { base, modern, order } = records();
  const useModern = atLeast(version, MODERN_FROM);
  const chosen: ParsedRecord[] = [];
  for (const name of order) {
    const r = (useModern ? modern.get(name) : undefined) ?? base.get(name);
    if (r && atLeast(version, r.gate)) chosen.push(r);
  }
  const subs = new Map<string, CommandDoc[]>();
  const byName = new Map<string, CommandDoc>();
  const top: CommandDoc[] = [];
  for (const r of chosen) {
    const { modern: _modern, ...rest } = r;
    const list: CommandDoc[] = [];
    const doc: CommandDoc = {
      ...rest,
      args: filterArgs(r.args, version),
      history: r.history.filter(([ver]) => atLeast(version, ver)),
      subcommands: list,
    };
    subs.set(r.fullName, list);
    byName.set(r.fullName, doc);
    if (r.container) subs.get(r.container)?.push(doc);
    else top.push(doc);
  }
  const set = { version, byName, top };
  cache.set(version, set);
  return set;
}

/** The docs of `xadd`, `xgroup|create` or `XGROUP CREATE` in a profile; undefined when it has no such command. */
export function lookupDoc(name: string, v?: VersionLike): CommandDoc | undefined {
  return docSet(v).byName.get(name.toLowerCase().trim().replace(/\s+/, '|'));
}

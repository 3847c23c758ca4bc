/**
 * Tab completion: command names, subcommands and options from the docs, and existing key, group and consumer names
 * from the engine's state summary. The argument's role comes from the hint's next placeholder (`key`, `group`,
 * `consumer`), so completion follows the same argument specs as the hints.
 */
import { splitArgs } from '../../engine/index.ts';
import type { Summary } from '../../engine/worker.ts';
import { docs } from './docs.ts';

export interface Completion {
  /** Index in the line where the completed word starts. */
  readonly start: number;
  /** Replacements for line[start .. cursor], in order. */
  readonly candidates: readonly string[];
}

/** Where the word being typed starts: after the last blank outside quotes. */
function wordStart(before: string): number {
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ' ' || c === '\t') {
      start = i + 1;
    }
  }
  return start;
}

const matchCase = (word: string, partial: string): string =>
  partial !== '' && partial === partial.toLowerCase() ? word.toLowerCase() : word.toUpperCase();

function quoteIfNeeded(s: string): string {
  return /^[\x21-\x7e]+$/.test(s) && !/["'\\]/.test(s) ? s : `"${s.replace(/["\\]/g, (m) => '\\' + m)}"`;
}

export function complete(line: string, cursor: number, summary: Summary | null, db: number): Completion {
  const before = line.slice(0, cursor);
  const start = wordStart(before);
  const partial = before.slice(start);
  const args = splitArgs(before.slice(0, start));
  if (!args || partial.startsWith('"') || partial.startsWith("'")) return { start, candidates: [] };
  const lower = partial.toLowerCase();
  const uniq = (xs: Iterable<string>) => [...new Set(xs)];
  if (args.length === 0 || (args.length === 1 && args[0].toLowerCase() === 'help')) {
    const names = docs.commandNames().filter((n) => n.toLowerCase().startsWith(lower));
    return { start, candidates: uniq(names.map((n) => matchCase(n, partial))).sort() };
  }
  const words = docs.completions(args, partial).map((w) => matchCase(w, partial));
  const role = nextRole(args);
  const names = role ? namesFor(role, args, summary, db).filter((n) => n.startsWith(partial)).map(quoteIfNeeded) : [];
  return { start, candidates: uniq([...words.sort(), ...names.sort()]) };
}

type Role = 'key' | 'group' | 'consumer';

/** The role of the next argument, read from the hint's first placeholder. */
function nextRole(args: readonly string[]): Role | null {
  const hint = docs.hint(args).trim();
  const first = hint.replace(/^[[(]+/, '').split(/[\s|\]]/)[0]?.toLowerCase() ?? '';
  if (first === 'key' || first === 'group' || first === 'consumer') return first;
  if (first === 'groupname') return 'group';
  if (first === 'consumername') return 'consumer';
  const up = args.map((a) => a.toUpperCase());
  if (up.includes('STREAMS')) return 'key';
  return null;
}

function namesFor(role: Role, args: readonly string[], s: Summary | null, db: number): string[] {
  if (!s) return [];
  if (role === 'key') return s.keys.filter((k) => k.db === db).map((k) => k.key);
  const streams = s.streams.filter((st) => st.db === db);
  const named = streams.filter((st) => args.includes(st.key));
  const pool = named.length > 0 ? named : streams;
  const groups = pool.flatMap((st) => st.groups);
  if (role === 'group') return groups.map((g) => g.name);
  const inArgs = groups.filter((g) => args.includes(g.name));
  return (inArgs.length > 0 ? inArgs : groups).flatMap((g) => g.consumers.map((c) => c.name));
}

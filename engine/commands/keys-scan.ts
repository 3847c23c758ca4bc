/**
 * KEYS and SCAN. SCAN's cursor is the next 32-bit key hash to visit: keys are walked in (hash, key) order and a
 * call always finishes the hash it stopped in, so a key present for the whole scan is returned exactly once, and
 * keys added or removed meanwhile may or may not be — Redis's guarantee, without its rehashing machinery.
 */
import { E } from '../errors.ts';
import { array, bulk, bulks, error, type Reply } from '../reply.ts';
import type { Ctx } from '../context.ts';
import type { TableEntry } from '../table.ts';
import { globMatch } from './glob.ts';
import { parseLongLong } from './args.ts';

/** FNV-1a over the key's bytes: stable across runs, snapshots and engines. */
export function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const U64_MAX = 18446744073709551615n;

/** parseScanCursorOrReply: strtoul, so a sign is accepted and `-1` wraps to 2^64-1; no spaces, no overflow. */
function parseCursor(s: string): bigint | undefined {
  const m = /^([+-]?)(\d+)$/.exec(s);
  if (!m) return undefined;
  const v = BigInt(m[2]);
  if (v > U64_MAX) return undefined;
  return m[1] === '-' && v !== 0n ? U64_MAX - v + 1n : v;
}

/** KEYS pattern — every key matching the glob (expired keys are skipped). */
function keysCommand(ctx: Ctx, argv: readonly string[]): Reply {
  const pattern = argv[1];
  const all = pattern === '*';
  const out: string[] = [];
  for (const key of [...ctx.db.keys.keys()]) {
    if (!all && !globMatch(pattern, key)) continue;
    if (ctx.lookup(key) === undefined) continue;
    out.push(key);
  }
  return bulks(out);
}

/** SCAN cursor [MATCH pattern] [COUNT count] [TYPE type] — one step of a full keyspace iteration. */
function scanCommand(ctx: Ctx, argv: readonly string[]): Reply {
  const cursor = parseCursor(argv[1]);
  if (cursor === undefined) return error('ERR invalid cursor');
  let count = 10;
  let pattern: string | undefined;
  let type: string | undefined;
  for (let i = 2; i < argv.length; i += 2) {
    const opt = argv[i].toLowerCase();
    if (i + 1 >= argv.length) return error(E.syntax);
    if (opt === 'count') {
      const n = parseLongLong(argv[i + 1]);
      if (n === undefined) return error(E.notInteger);
      if (n < 1n) return error(E.syntax);
      count = n > 1_000_000_000n ? 1e9 : Number(n);
    } else if (opt === 'match') {
      pattern = argv[i + 1];
      if (pattern === '*') pattern = undefined;
    } else if (opt === 'type') {
      type = argv[i + 1].toLowerCase();
    } else return error(E.syntax);
  }
  const start = cursor > 0xffffffffn ? Infinity : Number(cursor);
  const candidates: [number, string][] = [];
  for (const key of ctx.db.keys.keys()) {
    const h = keyHash(key);
    if (h >= start) candidates.push([h, key]);
  }
  candidates.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  let n = Math.min(count, candidates.length);
  while (n > 0 && n < candidates.length && candidates[n][0] === candidates[n - 1][0]) n++;
  const next = n < candidates.length ? String(candidates[n][0]) : '0';
  const keys: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = candidates[i][1];
    if (pattern !== undefined && !globMatch(pattern, key)) continue;
    const v = ctx.lookup(key);
    if (v === undefined) continue;
    if (type !== undefined && v.type !== type) continue;
    keys.push(key);
  }
  return array([bulk(next), bulks(keys)]);
}

export const scanCommands: readonly TableEntry[] = [
  { name: 'keys', arity: 2, flags: ['readonly'], handler: keysCommand },
  { name: 'scan', arity: -2, flags: ['readonly'], handler: scanCommand },
];

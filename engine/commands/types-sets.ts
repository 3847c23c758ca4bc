/** Set commands: SADD, SREM, SMEMBERS, SCARD, SISMEMBER. */
import { int, bulk, type Reply } from '../reply.ts';
import type { Value } from '../keyspace.ts';
import type { TableEntry } from '../table.ts';
import { parseLongLong } from './args.ts';

type SetValue = Extract<Value, { type: 'set' }>;
const KEY1 = { first: 1, last: 1, step: 1 } as const;
/** set-max-intset-entries: up to this many integer members Redis keeps them sorted in an intset. */
const INTSET_MAX = 512;

/**
 * Member order as Redis shows it: an all-integer set small enough for an intset comes out sorted by value;
 * other small sets keep insertion order (listpack, 7.2+). Larger Redis sets are hash-ordered, which no one can
 * rely on, so insertion order is as good an answer.
 */
function members(s: SetValue, maxIntset: number): string[] {
  const all = [...s.v];
  if (all.length > maxIntset) return all;
  const ints: bigint[] = [];
  for (const m of all) {
    const n = parseLongLong(m);
    if (n === undefined) return all;
    ints.push(n);
  }
  return ints.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
}

export const setCommands: readonly TableEntry[] = [
  {
    name: 'sadd',
    arity: -3,
    flags: ['write', 'denyoom', 'fast'],
    keys: KEY1,
    /** SADD key member [member ...] — returns how many members were new. */
    handler: (ctx, argv) => {
      const key = argv[1];
      const found = ctx.lookupTyped(key, 'set');
      if (found !== undefined && 't' in found) return found;
      let set: SetValue;
      if (found) set = found;
      else {
        set = { type: 'set', v: new Set() };
        ctx.setKey(key, set);
      }
      let added = 0;
      for (let i = 2; i < argv.length; i++) {
        if (!set.v.has(argv[i])) {
          set.v.add(argv[i]);
          added++;
        }
      }
      if (added > 0) ctx.modified(key, added);
      return int(added);
    },
  },
  {
    name: 'srem',
    arity: -3,
    flags: ['write', 'fast'],
    keys: KEY1,
    /** SREM key member [member ...] — returns how many were removed; an emptied set is deleted. */
    handler: (ctx, argv) => {
      const key = argv[1];
      const found = ctx.lookupTyped(key, 'set');
      if (found === undefined) return int(0);
      if ('t' in found) return found;
      let removed = 0;
      for (let i = 2; i < argv.length; i++) if (found.v.delete(argv[i])) removed++;
      if (removed > 0) {
        if (found.v.size === 0) ctx.deleteKey(key);
        ctx.modified(key, removed);
      }
      return int(removed);
    },
  },
  {
    name: 'smembers',
    arity: 2,
    flags: ['readonly'],
    keys: KEY1,
    /** SMEMBERS key — every member (a RESP3 set). */
    handler: (ctx, argv): Reply => {
      const found = ctx.lookupTyped(argv[1], 'set');
      if (found === undefined) return { t: 'set', v: [] };
      if ('t' in found) return found;
      return { t: 'set', v: members(found, ctx.config.getInt('set-max-intset-entries') || INTSET_MAX).map(bulk) };
    },
  },
  {
    name: 'scard',
    arity: 2,
    flags: ['readonly', 'fast'],
    keys: KEY1,
    /** SCARD key — the number of members. */
    handler: (ctx, argv) => {
      const found = ctx.lookupTyped(argv[1], 'set');
      if (found === undefined) return int(0);
      return 't' in found ? found : int(found.v.size);
    },
  },
  {
    name: 'sismember',
    arity: 3,
    flags: ['readonly', 'fast'],
    keys: KEY1,
    /** SISMEMBER key member — 1 if member, else 0. */
    handler: (ctx, argv) => {
      const found = ctx.lookupTyped(argv[1], 'set');
      if (found === undefined) return int(0);
      return 't' in found ? found : int(found.v.has(argv[2]) ? 1 : 0);
    },
  },
];

/** Set commands: SADD, SREM, SMEMBERS, SCARD, SISMEMBER. */
import { int, bulk, type Reply } from '../reply.ts';
import type { Ctx } from '../context.ts';
import type { SetEncoding, Value } from '../keyspace.ts';
import type { TableEntry } from '../table.ts';
import { parseLongLong } from './args.ts';

type SetValue = Extract<Value, { type: 'set' }>;
const KEY1 = { first: 1, last: 1, step: 1 } as const;

/** A member an intset can hold: an integer as string2ll reads it. */
const isIntMember = (m: string): boolean => parseLongLong(m) !== undefined;

/** The limits that move a set between encodings (CONFIG set-max-*; 7.0 has only the intset one). */
interface SetLimits {
  readonly intset: number;
  readonly listpackEntries: number;
  readonly listpackValue: number;
}

function limits(ctx: Ctx): SetLimits {
  const c = ctx.config;
  const has = (n: string) => ctx.profile.hasConfig(n);
  return {
    intset: c.getInt('set-max-intset-entries'),
    listpackEntries: has('set-max-listpack-entries') ? c.getInt('set-max-listpack-entries') : 0,
    listpackValue: has('set-max-listpack-value') ? c.getInt('set-max-listpack-value') : 0,
  };
}

/** setTypeCreate: the encoding a new set starts in, from its first member and how many are being added. */
function created(first: string, sizeHint: number, l: SetLimits): SetValue {
  const enc = isIntMember(first) && sizeHint <= l.intset ? 'intset' : sizeHint <= l.listpackEntries ? 'listpack' : 'hashtable';
  return { type: 'set', v: new Set(), enc };
}

/** Leave the intset: its members, sorted by value, come first in the new encoding's order. */
function fromIntset(set: SetValue, enc: 'listpack' | 'hashtable'): void {
  set.v = new Set(sortedInts([...set.v]));
  set.enc = enc;
}

function longest(members: Iterable<string>): number {
  let n = 0;
  for (const m of members) n = Math.max(n, m.length);
  return n;
}

function sortedInts(members: readonly string[]): string[] {
  return members
    .map((m) => [BigInt(m), m] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((x) => x[1]);
}

/**
 * setTypeAddAux: add a member, converting the encoding as Redis does. An intset that grows past its limit becomes a
 * hashtable; one that takes a non-integer becomes a listpack when that fits (7.2+; 7.0 has no set listpacks).
 */
function addMember(set: SetValue, m: string, l: SetLimits): boolean {
  if (set.v.has(m)) return false;
  if (set.enc === 'intset') {
    if (isIntMember(m)) {
      set.v.add(m);
      if (set.v.size > l.intset) fromIntset(set, 'hashtable');
      return true;
    }
    const fits = set.v.size < l.listpackEntries && Math.max(m.length, longest(set.v)) <= l.listpackValue;
    fromIntset(set, fits ? 'listpack' : 'hashtable');
  } else if (set.enc === 'listpack' && (set.v.size >= l.listpackEntries || m.length > l.listpackValue)) {
    set.enc = 'hashtable';
  }
  set.v.add(m);
  return true;
}

/** SMEMBERS order: an intset sorted by value, any other encoding in the order kept. */
function members(s: SetValue): string[] {
  const all = [...s.v];
  return s.enc === 'intset' ? sortedInts(all) : all;
}

/** The encoding of a set restored from a snapshot that did not record it. */
export function guessSetEncoding(members: readonly string[]): SetEncoding {
  return members.length <= 512 && members.every(isIntMember) ? 'intset' : members.length <= 128 ? 'listpack' : 'hashtable';
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
      const l = limits(ctx);
      let set: SetValue;
      if (found) {
        set = found;
        // setTypeMaybeConvert: more new members than the encoding's limit go straight to a hashtable.
        const hint = argv.length - 2;
        if (set.enc === 'intset' && hint > l.intset) fromIntset(set, 'hashtable');
        else if (set.enc === 'listpack' && hint > l.listpackEntries) set.enc = 'hashtable';
      } else {
        set = created(argv[2], argv.length - 2, l);
        ctx.setKey(key, set);
      }
      let added = 0;
      for (let i = 2; i < argv.length; i++) if (addMember(set, argv[i], l)) added++;
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
      return { t: 'set', v: members(found).map(bulk) };
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

/**
 * Databases, keys, value types and expiry. A key's value is one of the types below; expiry is lazy on access plus
 * an active sweep the engine runs whenever the clock passes the earliest deadline.
 */
import type { Stream } from './stream.ts';

export type Value =
  | { readonly type: 'string'; v: string }
  | { readonly type: 'list'; readonly v: string[] }
  | { readonly type: 'set'; v: Set<string>; enc: SetEncoding }
  | { readonly type: 'stream'; readonly v: Stream };

export type ValueType = Value['type'];

/**
 * How Redis holds a set, which decides the order SMEMBERS lists it in: an intset (integers only) is sorted by
 * value, a listpack (7.2+) keeps insertion order, a hashtable has an order nobody can rely on (here: insertion).
 */
export type SetEncoding = 'intset' | 'listpack' | 'hashtable';

/** The earliest expiry over all databases (or earlier): lets every command skip the sweep with one compare. */
export class ExpiryWatch {
  next = Infinity;
}

export class Database {
  /** Live keys (possibly expired but not yet reclaimed). Insertion order is the SCAN/KEYS order. */
  readonly keys = new Map<string, Value>();
  /** Unix-ms expiry per key; every key here is also in `keys`. */
  readonly expires = new Map<string, number>();
  /** The smallest value in `expires`, or Infinity: the next time a sweep has work. */
  nextExpiry = Infinity;

  constructor(
    readonly index: number,
    private readonly watch = new ExpiryWatch(),
  ) {}

  get size(): number {
    return this.keys.size;
  }

  setExpire(key: string, at: number): void {
    this.expires.set(key, at);
    if (at < this.nextExpiry) this.nextExpiry = at;
    if (at < this.watch.next) this.watch.next = at;
  }

  removeExpire(key: string): boolean {
    return this.expires.delete(key);
  }

  /** Remove a key with its expiry. Returns whether it existed. */
  remove(key: string): boolean {
    this.expires.delete(key);
    return this.keys.delete(key);
  }

  /** Recompute `nextExpiry` after removals (cheap: only when keys carry TTLs). */
  refreshNextExpiry(): void {
    let next = Infinity;
    for (const at of this.expires.values()) if (at < next) next = at;
    this.nextExpiry = next;
  }

  clear(): void {
    this.keys.clear();
    this.expires.clear();
    this.nextExpiry = Infinity;
  }
}

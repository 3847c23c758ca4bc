/**
 * A sorted map keyed by stream ID, for PELs (Redis uses a rax). Items are the values themselves (they carry `ms`
 * and `seq`), kept in sorted chunks so inserts at the end, deletes anywhere and range scans are all cheap.
 */
import { compareIds, type StreamId } from './ids.ts';

/**
 * a < b. PEL maps get their own comparison rather than the shared `idLt`: V8 keeps type feedback per function, and
 * compareIds, called with every shape of ID object the engine has, reads `ms`/`seq` megamorphically.
 */
function lt(a: StreamId, b: StreamId): boolean {
  const am = a.ms;
  const bm = b.ms;
  const as = a.seq;
  const bs = b.seq;
  if (typeof am === 'number' && typeof bm === 'number' && typeof as === 'number' && typeof bs === 'number') {
    return am !== bm ? am < bm : as < bs;
  }
  return compareIds(a, b) < 0;
}

const CHUNK = 128;

export class IdMap<T extends StreamId> {
  /** Non-empty sorted chunks, in ascending order; every item of chunk k is below every item of chunk k+1. */
  private chunks: T[][] = [];
  /**
   * Each chunk's last ID (ms, seq), side by side in two arrays of doubles. The chunk search probes these instead of
   * one chunk array per step: at random IDs in a big PEL (XACK, XCLAIM) each of those probes was a cache miss.
   * Kept only while every ID is a plain number (`wide` turns it off for good: 64-bit IDs search the chunks).
   */
  private lastMs: number[] = [];
  private lastSeq: number[] = [];
  private wide = false;
  size = 0;

  /** Index of the first chunk whose last item is >= id (chunks.length when none). */
  private chunkFor(id: StreamId): number {
    let lo = 0;
    let hi = this.chunks.length;
    const ms = id.ms;
    const seq = id.seq;
    if (!this.wide && typeof ms === 'number' && typeof seq === 'number') {
      const lastMs = this.lastMs;
      const lastSeq = this.lastSeq;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const m = lastMs[mid];
        if (m < ms || (m === ms && lastSeq[mid] < seq)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.chunks[mid];
      if (lt(c[c.length - 1], id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Record chunk ci's last ID in the index (after its last item changed). */
  private indexLast(ci: number): void {
    const c = this.chunks[ci];
    this.indexAs(ci, c[c.length - 1]);
  }

  /** Record `last` as chunk ci's last ID in the index. */
  private indexAs(ci: number, last: StreamId): void {
    if (this.wide) return;
    const ms = last.ms;
    const seq = last.seq;
    if (typeof ms !== 'number' || typeof seq !== 'number') {
      this.wide = true;
      this.lastMs = [];
      this.lastSeq = [];
      return;
    }
    this.lastMs[ci] = ms;
    this.lastSeq[ci] = seq;
  }

  /** Insert chunk `c` at index ci (chunks and index alike). */
  private insertChunk(ci: number, c: T[]): void {
    this.chunks.splice(ci, 0, c);
    if (this.wide) return;
    this.lastMs.splice(ci, 0, 0);
    this.lastSeq.splice(ci, 0, 0);
    this.indexLast(ci);
  }

  private removeChunk(ci: number): void {
    this.chunks.splice(ci, 1);
    if (this.wide) return;
    this.lastMs.splice(ci, 1);
    this.lastSeq.splice(ci, 1);
  }

  /** Index of the first item in `c` that is >= id. */
  private static lowerBound<T extends StreamId>(c: T[], id: StreamId): number {
    let lo = 0;
    let hi = c.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lt(c[mid], id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get(id: StreamId): T | undefined {
    const ci = this.chunkFor(id);
    if (ci === this.chunks.length) return undefined;
    const c = this.chunks[ci];
    const item = c[IdMap.lowerBound(c, id)];
    return item && item.ms === id.ms && item.seq === id.seq ? item : undefined;
  }

  has(id: StreamId): boolean {
    return this.get(id) !== undefined;
  }

  /** Insert, or replace the item with the same ID. */
  set(item: T): void {
    const n = this.chunks.length;
    if (n === 0) {
      this.insertChunk(0, [item]);
      this.size++;
      return;
    }
    const lastChunk = this.chunks[n - 1];
    if (lt(lastChunk[lastChunk.length - 1], item)) {
      if (lastChunk.length < CHUNK) {
        lastChunk.push(item);
        this.indexAs(n - 1, item);
      } else this.insertChunk(n, [item]);
      this.size++;
      return;
    }
    const ci = Math.min(this.chunkFor(item), n - 1);
    const c = this.chunks[ci];
    const i = IdMap.lowerBound(c, item);
    if (i < c.length && c[i].ms === item.ms && c[i].seq === item.seq) {
      c[i] = item;
      return;
    }
    // Not after the last item of chunk ci (chunkFor found ci's last >= item, and the last chunk's fast path is above).
    c.splice(i, 0, item);
    this.size++;
    if (c.length > CHUNK) {
      this.insertChunk(ci + 1, c.splice(CHUNK >>> 1));
      this.indexLast(ci);
    }
  }

  delete(id: StreamId): T | undefined {
    const ci = this.chunkFor(id);
    if (ci === this.chunks.length) return undefined;
    const c = this.chunks[ci];
    const i = IdMap.lowerBound(c, id);
    const item = c[i];
    if (!item || item.ms !== id.ms || item.seq !== id.seq) return undefined;
    if (i === 0) c.shift();
    else c.splice(i, 1);
    if (c.length === 0) this.removeChunk(ci);
    else if (i === c.length) this.indexLast(ci);
    this.size--;
    return item;
  }

  first(): T | undefined {
    return this.chunks[0]?.[0];
  }

  last(): T | undefined {
    const c = this.chunks[this.chunks.length - 1];
    return c?.[c.length - 1];
  }

  /**
   * Visit items in ascending order starting at the first item >= `start` (or > `start` when `exclusive`),
   * until `fn` returns false.
   */
  forEachFrom(start: StreamId, exclusive: boolean, fn: (item: T) => boolean | void): void {
    let ci = this.chunkFor(start);
    if (ci === this.chunks.length) return;
    let i = IdMap.lowerBound(this.chunks[ci], start);
    // Snapshot the chunk list: callers may delete the item they are visiting.
    const chunks = this.chunks.slice(ci);
    ci = 0;
    for (; ci < chunks.length; ci++, i = 0) {
      const c = chunks[ci].slice(i);
      for (const item of c) {
        if (exclusive && item.ms === start.ms && item.seq === start.seq) continue;
        if (fn(item) === false) return;
      }
    }
  }

  /** Visit all items in descending order until `fn` returns false. */
  forEachReverse(fn: (item: T) => boolean | void): void {
    const chunks = this.chunks.slice();
    for (let ci = chunks.length - 1; ci >= 0; ci--) {
      const c = chunks[ci].slice();
      for (let i = c.length - 1; i >= 0; i--) if (fn(c[i]) === false) return;
    }
  }

  values(): T[] {
    return this.chunks.flat();
  }

  clear(): void {
    this.chunks = [];
    this.lastMs = [];
    this.lastSeq = [];
    this.wide = false;
    this.size = 0;
  }
}

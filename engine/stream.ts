/**
 * A stream, modelled on Redis's stream.h: entries live in nodes (listpacks in Redis, columnar arrays here) keyed
 * by their master ID; nodes split by `stream-node-max-entries` / `stream-node-max-bytes` exactly where Redis splits
 * them, so approximate trimming and XINFO's node counts match a real server.
 */
import { MIN_ID, compareIds, formatId, idLt, parseStrictId, type StreamId, type U64 } from './ids.ts';
import { LP_EMPTY_BYTES, intElementSize, int64Delta, stringElementSize } from './listpack.ts';
import type { ConsumerGroup } from './group.ts';
import { raxNodeCount } from './rax.ts';

export const FLAG_DELETED = 1;
export const FLAG_SAMEFIELDS = 2;
const SAFE = Number.MAX_SAFE_INTEGER;
/** STREAM_LISTPACK_MAX_SIZE: the byte limit when stream-node-max-bytes is 0 or larger. */
export const LISTPACK_MAX_SIZE = 1 << 30;

/** A node as plain data (snapshots). IDs are `ms-seq` strings. */
export interface NodeSnap {
  readonly master: string;
  readonly fields: readonly string[];
  readonly ids: readonly string[];
  readonly flags: readonly number[];
  readonly off: readonly number[];
  readonly vals: readonly string[];
}

export function parseSnapId(s: string): StreamId {
  const id = parseStrictId(s);
  if (!id) throw new Error(`bad ID in snapshot: ${s}`);
  return id;
}

/** A stream entry as read: its ID and its field/value pairs, flat. */
export interface Entry {
  readonly id: StreamId;
  readonly fv: readonly string[];
}

export class StreamNode {
  /** The rax key: the ID of the first entry ever appended to this node. */
  readonly master: StreamId;
  /** Field names of the master entry; entries with exactly these fields store only values (SAMEFIELDS). */
  readonly masterFields: readonly string[];
  /** Live entries (the listpack's `count`). */
  live = 0;
  /** Entries flagged deleted but still in the node (the listpack's `deleted`). */
  deleted = 0;
  /** Entries stored, live or deleted: live + deleted === len. */
  len = 0;
  /** Listpack bytes except the `count` and `deleted` header integers (they change size as they grow). */
  private bodyBytes: number;
  /** Entry ID halves; NaN where the value is not a safe integer (then `wide` holds the ID). */
  private ms: Float64Array;
  private seq: Float64Array;
  private wide: Map<number, StreamId> | null = null;
  /** FLAG_DELETED | FLAG_SAMEFIELDS per entry. */
  private flags: Uint8Array;
  /** Entry i's data is vals[off[i] .. off[i+1]): values only (SAMEFIELDS) or field, value, field, value… */
  private off: Uint32Array;
  private vals: string[] = [];

  constructor(first: StreamId, fields: readonly string[], capacity: number) {
    this.master = first;
    this.masterFields = fields;
    const cap = Math.max(1, capacity);
    this.ms = new Float64Array(cap);
    this.seq = new Float64Array(cap);
    this.flags = new Uint8Array(cap);
    this.off = new Uint32Array(cap + 1);
    // Master entry: count, deleted (not in body), num-fields, the fields, the 0 terminator.
    let body = LP_EMPTY_BYTES + intElementSize(fields.length) + intElementSize(0);
    for (const f of fields) body += stringElementSize(f);
    this.bodyBytes = body;
  }

  /** Total listpack bytes, as lpBytes() would report. */
  get lpBytes(): number {
    return this.bodyBytes + intElementSize(this.live) + intElementSize(this.deleted);
  }

  idAt(i: number): StreamId {
    const ms = this.ms[i];
    const seq = this.seq[i];
    if (ms === ms && seq === seq) return { ms, seq };
    return (this.wide as Map<number, StreamId>).get(i) as StreamId;
  }

  /** Compare entry i's ID with `id` without allocating in the common case. */
  cmpAt(i: number, id: StreamId): number {
    const ms = this.ms[i];
    const seq = this.seq[i];
    if (ms === ms && seq === seq) {
      if (ms !== id.ms) return ms < id.ms ? -1 : 1;
      if (seq !== id.seq) return seq < id.seq ? -1 : 1;
      return 0;
    }
    return compareIds(this.idAt(i), id);
  }

  isDeleted(i: number): boolean {
    return (this.flags[i] & FLAG_DELETED) !== 0;
  }

  /** The flat field/value list of entry i. */
  fvAt(i: number): string[] {
    const start = this.off[i];
    const end = this.off[i + 1];
    if (this.flags[i] & FLAG_SAMEFIELDS) {
      const f = this.masterFields;
      const out = new Array<string>(f.length * 2);
      for (let j = 0; j < f.length; j++) {
        out[2 * j] = f[j];
        out[2 * j + 1] = this.vals[start + j];
      }
      return out;
    }
    return this.vals.slice(start, end);
  }

  /** Sum of field and value lengths of entry i (what MAXSIZE-style limits and memory counts use). */
  bytesAt(i: number): number {
    let n = 0;
    const start = this.off[i];
    const end = this.off[i + 1];
    for (let j = start; j < end; j++) n += this.vals[j].length;
    if (this.flags[i] & FLAG_SAMEFIELDS) for (const f of this.masterFields) n += f.length;
    return n;
  }

  /** Index of the first entry (live or deleted) whose ID is >= id; len when none. */
  lowerBound(id: StreamId): number {
    let lo = 0;
    let hi = this.len;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cmpAt(mid, id) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  append(id: StreamId, fv: readonly string[]): void {
    const i = this.len;
    if (i === this.ms.length) this.grow(i * 2);
    const nf = fv.length >>> 1;
    const mf = this.masterFields;
    let same = nf === mf.length;
    for (let j = 0; same && j < nf; j++) same = fv[2 * j] === mf[j];
    const msOk = typeof id.ms === 'number' && id.ms <= SAFE;
    const seqOk = typeof id.seq === 'number' && id.seq <= SAFE;
    if (msOk && seqOk) {
      this.ms[i] = id.ms as number;
      this.seq[i] = id.seq as number;
    } else {
      this.ms[i] = NaN;
      this.seq[i] = NaN;
      (this.wide ??= new Map()).set(i, id);
    }
    // Entry bytes: flags, ms-diff, seq-diff, [num-fields, fields], values, lp-count.
    let bytes = 2 + intElementSize(int64Delta(id.ms, this.master.ms)) + intElementSize(int64Delta(id.seq, this.master.seq));
    const base = this.vals.length;
    this.off[i] = base;
    if (same) {
      this.flags[i] = FLAG_SAMEFIELDS;
      for (let j = 0; j < nf; j++) {
        const v = fv[2 * j + 1];
        this.vals.push(v);
        bytes += stringElementSize(v);
      }
      bytes += intElementSize(nf + 3);
    } else {
      this.flags[i] = 0;
      bytes += intElementSize(nf);
      for (let j = 0; j < fv.length; j++) {
        this.vals.push(fv[j]);
        bytes += stringElementSize(fv[j]);
      }
      bytes += intElementSize(nf * 2 + 4);
    }
    this.off[i + 1] = this.vals.length;
    this.bodyBytes += bytes;
    this.len++;
    this.live++;
  }

  /** Flag entry i deleted (the listpack keeps it; only the counters change). */
  markDeleted(i: number): void {
    this.flags[i] |= FLAG_DELETED;
    this.live--;
    this.deleted++;
  }

  /** Release spare capacity once no more entries will be appended here. */
  seal(): void {
    if (this.ms.length === this.len) return;
    this.grow(this.len);
  }

  private grow(cap: number): void {
    const c = Math.max(1, cap);
    const ms = new Float64Array(c);
    ms.set(this.ms.subarray(0, Math.min(this.len, c)));
    const seq = new Float64Array(c);
    seq.set(this.seq.subarray(0, Math.min(this.len, c)));
    const flags = new Uint8Array(c);
    flags.set(this.flags.subarray(0, Math.min(this.len, c)));
    const off = new Uint32Array(c + 1);
    off.set(this.off.subarray(0, Math.min(this.len + 1, c + 1)));
    this.ms = ms;
    this.seq = seq;
    this.flags = flags;
    this.off = off;
  }

  toSnap(): NodeSnap {
    const ids: string[] = [];
    for (let i = 0; i < this.len; i++) ids.push(formatId(this.idAt(i)));
    return {
      master: formatId(this.master),
      fields: [...this.masterFields],
      ids,
      flags: Array.from(this.flags.subarray(0, this.len)),
      off: Array.from(this.off.subarray(0, this.len + 1)),
      vals: this.vals.slice(),
    };
  }

  /** Rebuild a node exactly (byte accounting included) by replaying its entries, then re-applying the flags. */
  static fromSnap(s: NodeSnap): StreamNode {
    const node = new StreamNode(parseSnapId(s.master), s.fields, s.ids.length);
    for (let i = 0; i < s.ids.length; i++) {
      const data = s.vals.slice(s.off[i], s.off[i + 1]);
      const same = (s.flags[i] & FLAG_SAMEFIELDS) !== 0;
      const fv = same ? s.fields.flatMap((f, j) => [f, data[j]]) : data;
      node.append(parseSnapId(s.ids[i]), fv);
      if (s.flags[i] & FLAG_DELETED) node.markDeleted(i);
    }
    return node;
  }

  /** Approximate heap bytes of this node. */
  memoryBytes(): number {
    return 160 + this.ms.length * 21 + this.vals.length * 8 + this.bodyBytes;
  }
}

export interface TrimResult {
  /** Entries removed from the stream. */
  removed: number;
  /** Removed IDs in order, at most `maxIds` of them. */
  ids: StreamId[];
}

export interface TrimSpec {
  readonly strategy: 'maxlen' | 'minid';
  readonly maxlen: number;
  readonly minid: StreamId;
  readonly approx: boolean;
  /** 0 = unlimited. */
  readonly limit: number;
}

export class Stream {
  /**
   * Nodes in master-ID order. XDEL drops a node when its last live entry goes; an exact MINID trim can leave a
   * node with no live entry, as Redis does.
   */
  nodes: StreamNode[] = [];
  /** Live entries. */
  length = 0;
  /** last_id: the largest ID ever generated or set (never decreases except by XSETID on an empty stream). */
  lastId: StreamId = MIN_ID;
  /** first_id: the first live entry's ID, 0-0 when empty (XINFO recorded-first-entry-id). */
  firstId: StreamId = MIN_ID;
  /** max_deleted_entry_id: the largest ID removed by XDEL-type deletions (trims do not raise it). */
  maxDeletedId: StreamId = MIN_ID;
  /** entries_added: every entry ever added. */
  entriesAdded = 0;
  /** Consumer groups by name (reply order sorts names bytewise, as the rax does). */
  readonly groups = new Map<string, ConsumerGroup>();

  // ----- reading -----

  /** Index of the node that would hold `id`: the last node whose master is <= id (-1 when none). */
  nodeIndexFor(id: StreamId): number {
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareIds(this.nodes[mid].master, id) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** The live entry with this ID. */
  get(id: StreamId): Entry | undefined {
    const ni = this.nodeIndexFor(id);
    if (ni < 0) return undefined;
    const node = this.nodes[ni];
    const i = node.lowerBound(id);
    if (i >= node.len || node.cmpAt(i, id) !== 0 || node.isDeleted(i)) return undefined;
    return { id: node.idAt(i), fv: node.fvAt(i) };
  }

  has(id: StreamId): boolean {
    const ni = this.nodeIndexFor(id);
    if (ni < 0) return false;
    const node = this.nodes[ni];
    const i = node.lowerBound(id);
    return i < node.len && node.cmpAt(i, id) === 0 && !node.isDeleted(i);
  }

  /**
   * Visit live entries with start <= id <= end, ascending (or descending when `rev`), until `fn` returns false.
   */
  scan(start: StreamId, end: StreamId, rev: boolean, fn: (node: StreamNode, i: number) => boolean | void): void {
    if (compareIds(start, end) > 0 || this.nodes.length === 0) return;
    if (!rev) {
      let ni = Math.max(0, this.nodeIndexFor(start));
      let i = this.nodes[ni].lowerBound(start);
      for (; ni < this.nodes.length; ni++, i = 0) {
        const node = this.nodes[ni];
        for (; i < node.len; i++) {
          if (node.cmpAt(i, end) > 0) return;
          if (node.isDeleted(i)) continue;
          if (fn(node, i) === false) return;
        }
      }
    } else {
      let ni = this.nodeIndexFor(end);
      if (ni < 0) return;
      let node = this.nodes[ni];
      let i = node.lowerBound(end);
      if (i >= node.len || node.cmpAt(i, end) > 0) i--;
      for (;;) {
        for (; i >= 0; i--) {
          if (node.cmpAt(i, start) < 0) return;
          if (node.isDeleted(i)) continue;
          if (fn(node, i) === false) return;
        }
        if (--ni < 0) return;
        node = this.nodes[ni];
        i = node.len - 1;
      }
    }
  }

  /** Live entries in [start, end], at most `count` (count <= 0 means no limit here; callers handle COUNT 0). */
  range(start: StreamId, end: StreamId, count: number, rev = false): Entry[] {
    const out: Entry[] = [];
    this.scan(start, end, rev, (node, i) => {
      out.push({ id: node.idAt(i), fv: node.fvAt(i) });
      return count <= 0 || out.length < count;
    });
    return out;
  }

  /** The first or last live entry. */
  edge(last: boolean): Entry | undefined {
    if (this.nodes.length === 0) return undefined;
    const max: StreamId = { ms: 18446744073709551615n, seq: 18446744073709551615n };
    const r = this.range(MIN_ID, max, 1, last);
    return r[0];
  }

  // ----- writing -----

  /**
   * streamAppendItem: add an entry with an ID the caller checked is > lastId. Starts a new node when the last one
   * is full by entries (live + deleted) or would pass the byte limit.
   */
  append(id: StreamId, fv: readonly string[], maxEntries: number, maxBytes: number): void {
    let node: StreamNode | undefined = this.nodes[this.nodes.length - 1];
    if (node) {
      const limit = maxBytes === 0 || maxBytes > LISTPACK_MAX_SIZE ? LISTPACK_MAX_SIZE : maxBytes;
      let totelelen = 0;
      for (let j = 0; j < fv.length; j++) totelelen += fv[j].length;
      if (node.lpBytes + totelelen >= limit || (maxEntries > 0 && node.live + node.deleted >= maxEntries)) {
        node.seal();
        node = undefined;
      }
    }
    if (!node) {
      const fields: string[] = [];
      for (let j = 0; j < fv.length; j += 2) fields.push(fv[j]);
      node = new StreamNode(id, fields, maxEntries > 0 && maxEntries <= 1024 ? maxEntries : 64);
      this.nodes.push(node);
    }
    node.append(id, fv);
    if (this.length === 0) this.firstId = id;
    this.length++;
    this.lastId = id;
    this.entriesAdded++;
  }

  /**
   * Remove one live entry (streamDeleteItem): flag it, drop its node when empty, keep first_id right.
   * Does not touch max_deleted_entry_id (XDEL-type callers raise it; trims do not). Returns whether it existed.
   */
  deleteEntry(id: StreamId): boolean {
    const ni = this.nodeIndexFor(id);
    if (ni < 0) return false;
    const node = this.nodes[ni];
    const i = node.lowerBound(id);
    if (i >= node.len || node.cmpAt(i, id) !== 0 || node.isDeleted(i)) return false;
    node.markDeleted(i);
    if (node.live === 0) this.nodes.splice(ni, 1);
    this.length--;
    if (this.length === 0) this.firstId = MIN_ID;
    else if (compareIds(id, this.firstId) === 0) this.firstId = (this.edge(false) as Entry).id;
    return true;
  }

  /** streamTrim for the classic (KEEPREF) policy: whole nodes from the head, then entries in the first node. */
  trim(spec: TrimSpec, maxIds = 1000): TrimResult {
    const ids: StreamId[] = [];
    let removed = 0;
    const note = (node: StreamNode, from: number, to: number) => {
      for (let i = from; i < to && ids.length < maxIds; i++) if (!node.isDeleted(i)) ids.push(node.idAt(i));
    };
    while (this.nodes.length > 0) {
      if (spec.strategy === 'maxlen' && this.length <= spec.maxlen) break;
      const node = this.nodes[0];
      const entries = node.live;
      if (spec.limit && removed + entries > spec.limit) break;
      const removeNode =
        spec.strategy === 'maxlen'
          ? this.length - entries >= spec.maxlen
          : idLt(node.idAt(node.len - 1), spec.minid);
      if (removeNode) {
        note(node, 0, node.len);
        this.nodes.shift();
        this.length -= entries;
        removed += entries;
        continue;
      }
      if (spec.approx) break;
      for (let i = 0; i < node.len; i++) {
        const stop = spec.strategy === 'maxlen' ? this.length <= spec.maxlen : node.cmpAt(i, spec.minid) >= 0;
        if (stop) break;
        if (node.isDeleted(i)) continue;
        note(node, i, i + 1);
        node.markDeleted(i);
        this.length--;
        removed++;
      }
      break;
    }
    this.firstId = this.length > 0 ? (this.edge(false) as Entry).id : MIN_ID;
    return { removed, ids };
  }

  // ----- introspection -----

  /** XINFO radix-tree-keys. */
  get nodeCount(): number {
    return this.nodes.length;
  }

  /** XINFO radix-tree-nodes: the node count of a rax holding the nodes' master IDs. */
  raxNodes(): number {
    return raxNodeCount(this.nodes.map((n) => n.master));
  }

  memoryBytes(): number {
    let n = 200;
    for (const node of this.nodes) n += node.memoryBytes();
    for (const g of this.groups.values()) n += g.memoryBytes();
    return n;
  }

  /** Group names in rax (bytewise) order. */
  sortedGroups(): ConsumerGroup[] {
    return [...this.groups.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}

export type { U64 };

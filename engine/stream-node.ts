/**
 * A stream node: the entries of one listpack in Redis, stored columnar here (typed arrays for IDs and flags, one
 * string array for fields/values) with exact listpack byte accounting, so nodes split where Redis splits them.
 */
import { compareIds, formatId, formatIdParts, parseStrictId, type StreamId } from './ids.ts';
import { LP_EMPTY_BYTES, intElementSize, int64Delta, stringElementSize } from './listpack.ts';

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

  /** The master ID's halves as plain numbers (NaN when not safe integers): node lookups compare these. */
  readonly masterMs: number;
  readonly masterSeq: number;

  constructor(first: StreamId, fields: readonly string[], capacity: number) {
    this.master = first;
    this.masterMs = typeof first.ms === 'number' && first.ms <= SAFE ? first.ms : NaN;
    this.masterSeq = typeof first.seq === 'number' && first.seq <= SAFE ? first.seq : NaN;
    this.masterFields = fields;
    const cap = Math.max(1, capacity);
    const cols = columns(cap);
    this.ms = cols.ms;
    this.seq = cols.seq;
    this.flags = cols.flags;
    this.off = cols.off;
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

  /** compareIds(master, id), without touching the master object in the common case. */
  cmpMaster(id: StreamId): number {
    const ms = this.masterMs;
    const seq = this.masterSeq;
    if (ms === ms && seq === seq && typeof id.ms === 'number' && typeof id.seq === 'number') {
      if (ms !== id.ms) return ms < id.ms ? -1 : 1;
      if (seq !== id.seq) return seq < id.seq ? -1 : 1;
      return 0;
    }
    return compareIds(this.master, id);
  }

  /** Entry i's ID as text, without an ID object in the common case. */
  idTextAt(i: number): string {
    const ms = this.ms[i];
    const seq = this.seq[i];
    if (ms === ms && seq === seq) return formatIdParts(ms, seq);
    return formatId(this.idAt(i));
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

  /** Whether entry i has exactly the master entry's fields (SAMEFIELDS: only its values are stored). */
  hasMasterFields(i: number): boolean {
    return (this.flags[i] & FLAG_SAMEFIELDS) !== 0;
  }

  /**
   * The node's stored items, read-only: entry i's are `values[valuesStart(i) .. valuesEnd(i))`, its values only when
   * it has the master fields, else field, value, field, value… (reply builders read them in place).
   */
  get values(): readonly string[] {
    return this.vals;
  }

  valuesStart(i: number): number {
    return this.off[i];
  }

  valuesEnd(i: number): number {
    return this.off[i + 1];
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

  /** Append an entry whose field/value pairs are `fv[from..]` (an argv can be passed without slicing). */
  append(id: StreamId, fv: readonly string[], from = 0): void {
    const i = this.len;
    if (i === this.ms.length) this.grow(i * 2);
    const nf = (fv.length - from) >>> 1;
    const mf = this.masterFields;
    let same = nf === mf.length;
    for (let j = 0; same && j < nf; j++) same = fv[from + 2 * j] === mf[j];
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
        const v = fv[from + 2 * j + 1];
        this.vals.push(v);
        bytes += stringElementSize(v);
      }
      bytes += intElementSize(nf + 3);
    } else {
      this.flags[i] = 0;
      bytes += intElementSize(nf);
      for (let j = from; j < fv.length; j++) {
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
    const cols = columns(c);
    cols.ms.set(this.ms.subarray(0, Math.min(this.len, c)));
    cols.seq.set(this.seq.subarray(0, Math.min(this.len, c)));
    cols.flags.set(this.flags.subarray(0, Math.min(this.len, c)));
    cols.off.set(this.off.subarray(0, Math.min(this.len + 1, c + 1)));
    this.ms = cols.ms;
    this.seq = cols.seq;
    this.flags = cols.flags;
    this.off = cols.off;
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

/**
 * Node columns are carved out of shared 64 KiB slabs: allocating an ArrayBuffer per node cost more than the
 * node's whole XADD traffic. A slab lives while any node carved from it does (at worst 64 KiB per live node, in
 * practice slabs empty together as streams are trimmed from the head). Bigger nodes get their own buffer.
 */
const SLAB_BYTES = 64 * 1024;
let slab: ArrayBuffer | null = null;
let slabUsed = 0;

function columns(cap: number): { ms: Float64Array; seq: Float64Array; off: Uint32Array; flags: Uint8Array } {
  const need = (cap * 16 + (cap + 1) * 4 + cap + 7) & ~7;
  let buf: ArrayBuffer;
  let at = 0;
  if (need > SLAB_BYTES / 4) {
    buf = new ArrayBuffer(need);
  } else {
    if (!slab || slabUsed + need > SLAB_BYTES) {
      slab = new ArrayBuffer(SLAB_BYTES);
      slabUsed = 0;
    }
    buf = slab;
    at = slabUsed;
    slabUsed += need;
  }
  return {
    ms: new Float64Array(buf, at, cap),
    seq: new Float64Array(buf, at + cap * 8, cap),
    off: new Uint32Array(buf, at + cap * 16, cap + 1),
    flags: new Uint8Array(buf, at + cap * 16 + (cap + 1) * 4, cap),
  };
}

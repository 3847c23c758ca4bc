/**
 * A stream, modelled on Redis's stream.h: entries live in nodes (listpacks in Redis, columnar arrays here) keyed
 * by their master ID; nodes split by `stream-node-max-entries` / `stream-node-max-bytes` exactly where Redis splits
 * them, so approximate trimming and XINFO's node counts match a real server.
 */
import { MIN_ID, compareIds, type StreamId, type U64 } from './ids.ts';
import type { ConsumerGroup } from './group.ts';
import { NodeKeys } from './node-keys.ts';
import { StreamCursor } from './stream-cursor.ts';
import { raxNodeCount } from './rax.ts';
import type { IdmpState } from './stream-extras.ts';
import { LISTPACK_MAX_SIZE, StreamNode, type Entry } from './stream-node.ts';
import { trimStream, type TrimHooks, type TrimResult, type TrimSpec } from './stream-trim.ts';

export { FLAG_DELETED, FLAG_SAMEFIELDS, LISTPACK_MAX_SIZE, StreamNode, parseSnapId, type Entry, type NodeSnap } from './stream-node.ts';
export type { TrimHooks, TrimResult, TrimSpec };

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
  /** A cache of the nodes' master IDs for `nodeIndexFor` (self-checking: see node-keys.ts). */
  private readonly keys = new NodeKeys();
  /** Consumer groups by name (reply order sorts names bytewise, as the rax does). */
  readonly groups = new Map<string, ConsumerGroup>();
  /** 8.6 IDMP settings and producer maps; null until first used (see stream-extras.ts). */
  idmp: IdmpState | null = null;

  // ----- reading -----

  /** Index of the node that would hold `id`: the last node whose master is <= id (-1 when none). */
  nodeIndexFor(id: StreamId): number {
    const ms = id.ms;
    const seq = id.seq;
    if (typeof ms === 'number' && typeof seq === 'number') {
      const k = this.keys.find(this.nodes, ms, seq);
      if (k !== -2) return k;
    }
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.nodes[mid].cmpMaster(id) <= 0) lo = mid + 1;
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

  /** A cursor over the live entries with start <= id <= end, ascending (or descending when `rev`). */
  cursor(start: StreamId, end: StreamId, rev: boolean): StreamCursor {
    return new StreamCursor(this, start, end, rev);
  }

  /** Live entries in [start, end], at most `count` (count <= 0 means no limit here; callers handle COUNT 0). */
  range(start: StreamId, end: StreamId, count: number, rev = false): Entry[] {
    const out: Entry[] = [];
    const cur = this.cursor(start, end, rev);
    while (cur.next()) {
      out.push({ id: cur.node.idAt(cur.i), fv: cur.node.fvAt(cur.i) });
      if (out.length === count) break;
    }
    return out;
  }

  /** The first or last live entry. */
  edge(last: boolean): Entry | undefined {
    const at = this.edgeAt(last);
    return at && { id: at.node.idAt(at.i), fv: at.node.fvAt(at.i) };
  }

  /** The first or last live entry's ID (without copying its fields, as `edge` does). */
  edgeId(last: boolean): StreamId | undefined {
    const at = this.edgeAt(last);
    return at && at.node.idAt(at.i);
  }

  private edgeAt(last: boolean): { node: StreamNode; i: number } | undefined {
    const nodes = this.nodes;
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[last ? nodes.length - 1 - k : k];
      for (let j = 0; j < node.len; j++) {
        const i = last ? node.len - 1 - j : j;
        if (!node.isDeleted(i)) return { node, i };
      }
    }
    return undefined;
  }

  // ----- writing -----

  /**
   * streamAppendItem: add an entry with an ID the caller checked is > lastId. Starts a new node when the last one
   * is full by entries (live + deleted) or would pass the byte limit.
   */
  append(id: StreamId, fv: readonly string[], maxEntries: number, maxBytes: number, from = 0): void {
    let node: StreamNode | undefined = this.nodes[this.nodes.length - 1];
    if (node) {
      const limit = maxBytes === 0 || maxBytes > LISTPACK_MAX_SIZE ? LISTPACK_MAX_SIZE : maxBytes;
      let totelelen = 0;
      for (let j = from; j < fv.length; j++) totelelen += fv[j].length;
      if (node.lpBytes + totelelen >= limit || (maxEntries > 0 && node.live + node.deleted >= maxEntries)) {
        node.seal();
        node = undefined;
      }
    }
    if (!node) {
      const fields: string[] = [];
      for (let j = from; j < fv.length; j += 2) fields.push(fv[j]);
      node = new StreamNode(id, fields, maxEntries > 0 && maxEntries <= 1024 ? maxEntries : 64);
      this.nodes.push(node);
      this.keys.pushed(this.nodes);
    }
    node.append(id, fv, from);
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
    if (node.live === 0) this.dropNode(ni);
    this.length--;
    if (this.length === 0) this.firstId = MIN_ID;
    else if (compareIds(id, this.firstId) === 0) this.firstId = this.edgeId(false) as StreamId;
    return true;
  }

  /** Remove node `ni` from `nodes` (trims and deletions go through here, so the lookup keys follow). */
  dropNode(ni: number): void {
    if (ni === 0) this.nodes.shift();
    else this.nodes.splice(ni, 1);
    this.keys.removed(ni, this.nodes);
  }

  /**
   * streamTrim: whole nodes from the head, then entries inside the first remaining node (exact trims). With
   * `hooks` (8.2 DELREF / ACKED) entries are examined one by one. Never raises max_deleted_entry_id.
   */
  trim(spec: TrimSpec, maxIds = 1000, hooks?: TrimHooks): TrimResult {
    return trimStream(this, spec, maxIds, hooks);
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

/**
 * The stream window of viewState: a few hundred stored positions (live entries and XDEL tombstones still in their
 * node) picked from anywhere in the stream, with the positions between them collapsed into counted gaps. Positions
 * are "global stored indexes": node k's entry i is at starts[k] + i. Work is O(nodes + window), never O(entries).
 */
import { compareIds, formatId, type StreamId } from './ids.ts';
import type { Stream } from './stream.ts';

/** Field/value pairs and value lengths shown per entry (the diagram shows them on hover). */
const MAX_PAIRS = 8;
const MAX_VALUE = 48;

export interface EntryItem {
  readonly kind: 'entry';
  readonly id: string;
  /** Index of the node holding it (see StreamView.nodes). */
  readonly node: number;
  /** A tombstone: deleted by XDEL but still stored in its node (it goes when the node empties). */
  readonly deleted: boolean;
  /** Flat field/value list, shortened for display (`truncated` says so). */
  readonly fields: readonly string[];
  readonly truncated: boolean;
}

export interface GapItem {
  readonly kind: 'gap';
  /** Live entries collapsed here. */
  readonly count: number;
  /** Tombstones collapsed here. */
  readonly tombstones: number;
  readonly firstId: string;
  readonly lastId: string;
  /** Nodes of the first and last collapsed position (node boundaries inside = lastNode - firstNode). */
  readonly firstNode: number;
  readonly lastNode: number;
}

export type WindowItem = EntryItem | GapItem;

export interface NodeView {
  readonly index: number;
  readonly master: string;
  readonly live: number;
  readonly deleted: number;
}

export interface Window {
  readonly items: WindowItem[];
  readonly nodes: NodeView[];
  /** Index of the last item at or before `id` (-1 when `id` is before every item). */
  cursorAfter(id: StreamId): number;
}

/**
 * `points` keep the entry at (or around) each ID; `cursors` (group last-delivered IDs) also keep the entry after
 * it: the next one the group will deliver.
 */
export function buildWindow(
  s: Stream,
  points: readonly StreamId[],
  cursors: readonly StreamId[],
  head: number,
  tail: number,
): Window {
  const nodes = s.nodes;
  const starts = new Array<number>(nodes.length + 1);
  let total = 0;
  for (let k = 0; k < nodes.length; k++) {
    starts[k] = total;
    total += nodes[k].len;
  }
  starts[nodes.length] = total;

  /** Node of a global position (the last node whose start is <= p). */
  const nodeOf = (p: number): number => {
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  const idOf = (p: number): StreamId => {
    const k = nodeOf(p);
    return nodes[k].idAt(p - starts[k]);
  };
  /** First global position whose ID is >= id. */
  const lowerBound = (id: StreamId): number => {
    const k = s.nodeIndexFor(id);
    if (k < 0) return 0;
    return starts[k] + nodes[k].lowerBound(id);
  };
  /** Live entries among global positions [a, b). */
  const liveIn = (a: number, b: number): number => {
    let n = 0;
    for (let k = nodeOf(a); k < nodes.length && starts[k] < b; k++) {
      const node = nodes[k];
      const from = Math.max(a, starts[k]) - starts[k];
      const to = Math.min(b, starts[k + 1]) - starts[k];
      if (from === 0 && to === node.len) n += node.live;
      else if (node.deleted === 0) n += to - from;
      else for (let i = from; i < to; i++) if (!node.isDeleted(i)) n++;
    }
    return n;
  };

  const picked: number[] = [];
  for (let p = 0; p < Math.min(head, total); p++) picked.push(p);
  for (let p = Math.max(0, total - tail); p < total; p++) picked.push(p);
  const keep = (id: StreamId, next: boolean) => {
    const p = lowerBound(id);
    const exact = p < total && compareIds(idOf(p), id) === 0;
    if (p < total) picked.push(p);
    if (p > 0 && !exact) picked.push(p - 1);
    if (next && exact && p + 1 < total) picked.push(p + 1);
  };
  for (const id of points) keep(id, false);
  for (const id of cursors) keep(id, true);
  picked.sort((a, b) => a - b);

  const items: WindowItem[] = [];
  /** Parallel to items: the ID to compare a cursor with (an entry's ID, a gap's last ID). */
  const keys: StreamId[] = [];
  const nodeSeen = new Map<number, NodeView>();
  const gap = (a: number, b: number) => {
    const count = liveIn(a, b);
    const last = idOf(b - 1);
    items.push({
      kind: 'gap',
      count,
      tombstones: b - a - count,
      firstId: formatId(idOf(a)),
      lastId: formatId(last),
      firstNode: nodeOf(a),
      lastNode: nodeOf(b - 1),
    });
    keys.push(last);
  };
  let prev = -1;
  for (const p of picked) {
    if (p === prev) continue;
    if (p > prev + 1) gap(prev + 1, p);
    const k = nodeOf(p);
    const node = nodes[k];
    const i = p - starts[k];
    const id = node.idAt(i);
    const deleted = node.isDeleted(i);
    const fv = deleted ? [] : node.fvAt(i);
    const truncated = fv.length > MAX_PAIRS * 2 || fv.some((v) => v.length > MAX_VALUE);
    const fields = truncated ? fv.slice(0, MAX_PAIRS * 2).map((v) => (v.length > MAX_VALUE ? v.slice(0, MAX_VALUE) : v)) : fv;
    items.push({ kind: 'entry', id: formatId(id), node: k, deleted, fields, truncated });
    keys.push(id);
    if (!nodeSeen.has(k)) nodeSeen.set(k, { index: k, master: formatId(node.master), live: node.live, deleted: node.deleted });
    prev = p;
  }
  if (total > 0 && prev < total - 1) gap(prev + 1, total);

  return {
    items,
    nodes: [...nodeSeen.values()],
    cursorAfter(id: StreamId): number {
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compareIds(keys[mid], id) <= 0) lo = mid + 1;
        else hi = mid;
      }
      return lo - 1;
    },
  };
}

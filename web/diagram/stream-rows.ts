/**
 * What the stream log draws for each window item, computed once per view so the template only reads it: under a
 * busy producer every item changes every frame, and the per-item work (decoding fields, finding the node, the
 * cursors and readers that sit after it) dominated the diagram's update. While the diagram is busy it draws only
 * the newest entries and those a cursor or reader marks; the rest is folded into counted gaps, as the engine's
 * window already folds what it leaves out.
 */
import type { StreamView } from '../../engine/view.ts';
import { anchor, cursorsByItem } from './anchors.ts';
import type { ReaderPosition } from './history.ts';
import { binaryToUtf8 } from '../../engine/index.ts';
import { shortId } from './inspect.ts';

/** The stored positions a row stands for: IDs and node indexes of the first and the last. */
interface Span {
  readonly firstId: string;
  readonly lastId: string;
  readonly firstNode: number;
  readonly lastNode: number;
}

interface RowBase extends Span {
  /** A node boundary drawn before this item: its tooltip, or null when the item continues the same node. */
  readonly edge: string | null;
  /** Group names whose cursor is drawn after this item. */
  readonly cursors: readonly string[];
  /** Plain XREAD readers whose last read is this entry (always empty for a gap). */
  readonly readers: readonly ReaderPosition[];
  /** Live entries and tombstones it stands for. */
  readonly live: number;
  readonly tombstones: number;
}

export interface EntryRow extends RowBase {
  readonly kind: 'entry';
  readonly id: string;
  readonly anchor: string;
  readonly short: string;
  readonly deleted: boolean;
  /** `field=value, …` as the tooltip and the accessible name show it. */
  readonly fields: string;
  readonly label: string;
}

export interface GapRow extends RowBase {
  readonly kind: 'gap';
  readonly title: string;
  readonly text: string;
  /** Nodes the gap spans, when more than one (0 otherwise). */
  readonly nodes: number;
}

export type StreamRow = EntryRow | GapRow;

export interface StreamRows {
  /** Group names whose cursor is before every item (drawn at the head). */
  readonly headCursors: readonly string[];
  readonly rows: readonly StreamRow[];
  /** Readers whose last-read entry is not drawn (listed under the log). */
  readonly readersElsewhere: readonly ReaderPosition[];
  /** The most cursor and reader labels stacked under one place of the log (the log reserves room for them). */
  readonly deepestMarks: number;
}

const NONE: readonly never[] = [];

function gapRow(span: Span, live: number, tombstones: number, edge: string | null, cursors: readonly string[]): GapRow {
  return {
    kind: 'gap',
    edge,
    cursors,
    readers: NONE,
    ...span,
    live,
    tombstones,
    title: `${span.firstId} … ${span.lastId}`,
    text: `⋯ ${live.toLocaleString('en')} ${live === 1 ? 'entry' : 'entries'}${tombstones > 0 ? `, ${tombstones} ✕` : ''}`,
    nodes: span.lastNode > span.firstNode ? span.lastNode - span.firstNode + 1 : 0,
  };
}

/** `readers`: this stream's plain XREAD readers. `newest`: draw only this many newest items (plus marked ones). */
export function streamRows(sv: StreamView, readers: readonly ReaderPosition[], newest = Infinity): StreamRows {
  const cursorsAt = cursorsByItem(sv.groups);
  const nodeInfo = new Map(sv.nodes.map((n) => [n.index, n]));
  const readersOf = new Map<string, ReaderPosition[]>();
  for (const r of readers) {
    const list = readersOf.get(r.id);
    if (list) list.push(r);
    else readersOf.set(r.id, [r]);
  }
  let lastNode = -1;
  const drawnIds = new Set<string>();
  const rows = sv.items.map((it, i): StreamRow => {
    const first = it.kind === 'entry' ? it.node : it.firstNode;
    let edge: string | null = null;
    if (i > 0 && lastNode !== first) {
      const n = nodeInfo.get(first);
      edge = n ? `node ${n.index}: master ${n.master}, ${n.live} live, ${n.deleted} deleted` : 'node boundary';
    }
    lastNode = it.kind === 'entry' ? it.node : it.lastNode;
    const cursors = cursorsAt.get(i) ?? NONE;
    if (it.kind === 'gap') {
      const span = { firstId: it.firstId, lastId: it.lastId, firstNode: it.firstNode, lastNode: it.lastNode };
      return gapRow(span, it.count, it.tombstones, edge, cursors);
    }
    drawnIds.add(it.id);
    const parts: string[] = [];
    for (let f = 0; f + 1 < it.fields.length; f += 2) parts.push(`${binaryToUtf8(it.fields[f])}=${binaryToUtf8(it.fields[f + 1])}`);
    const fields = parts.join(', ') + (it.truncated ? ', …' : '');
    return {
      kind: 'entry',
      edge,
      cursors,
      readers: readersOf.get(it.id) ?? NONE,
      firstId: it.id,
      lastId: it.id,
      firstNode: it.node,
      lastNode: it.node,
      live: it.deleted ? 0 : 1,
      tombstones: it.deleted ? 1 : 0,
      id: it.id,
      anchor: anchor.entry(sv.db, sv.key, it.id),
      short: shortId(it.id),
      deleted: it.deleted,
      fields,
      label: it.deleted ? `Deleted entry ${it.id} (tombstone still stored in its node)` : `Entry ${it.id}: ${fields}`,
    };
  });
  const drawn = newest < rows.length ? foldOlder(rows, newest) : rows;
  const headCursors = cursorsAt.get(-1) ?? NONE;
  let deepestMarks = headCursors.length;
  for (const row of drawn) deepestMarks = Math.max(deepestMarks, row.cursors.length + row.readers.length);
  return { headCursors, rows: drawn, readersElsewhere: readers.filter((r) => !drawnIds.has(r.id)), deepestMarks };
}

/** Keep the `newest` last rows and every row a cursor or reader marks; fold each run of the others into one gap. */
export function foldOlder(rows: readonly StreamRow[], newest: number): StreamRow[] {
  const out: StreamRow[] = [];
  const keepFrom = rows.length - newest;
  let run: StreamRow[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const [first, last] = [run[0], run[run.length - 1]];
    const live = run.reduce((n, r) => n + r.live, 0);
    const tombstones = run.reduce((n, r) => n + r.tombstones, 0);
    const span = { firstId: first.firstId, lastId: last.lastId, firstNode: first.firstNode, lastNode: last.lastNode };
    out.push(run.length === 1 ? first : gapRow(span, live, tombstones, first.edge, NONE));
    run = [];
  };
  rows.forEach((r, i) => {
    if (i >= keepFrom || r.cursors.length > 0 || r.readers.length > 0) {
      flush();
      out.push(r);
    } else {
      run.push(r);
    }
  });
  flush();
  return out;
}

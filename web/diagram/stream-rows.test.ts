import { describe, expect, it } from 'vitest';
import type { StreamView, WindowItem } from '../../engine/view.ts';
import { groupV, streamV } from './fixtures.ts';
import { streamRows } from './stream-rows.ts';

const entry = (id: string, node: number, deleted = false): WindowItem => ({ kind: 'entry', id, node, deleted, fields: deleted ? [] : ['f', 'v'], truncated: false });
const gap = (firstId: string, lastId: string, count: number, firstNode: number, lastNode: number, tombstones = 0): WindowItem => ({
  kind: 'gap',
  count,
  tombstones,
  firstId,
  lastId,
  firstNode,
  lastNode,
});
const withItems = (items: WindowItem[], cursorAfter = -1): StreamView => ({
  ...streamV('s', []),
  items,
  nodes: [0, 1, 2, 3].map((index) => ({ index, master: `${index}-0`, live: 2, deleted: 0 })),
  groups: [{ ...groupV('g', '0-0'), cursorAfter }],
});
/** One line per drawn row: what a reader sees of it. */
const seen = (sv: StreamView, newest?: number, readers: { client: number; id: string }[] = []) =>
  streamRows(
    sv,
    readers.map((r) => ({ ...r, db: 0, key: 's' })),
    newest,
  ).rows.map((r) => `${r.edge ? '| ' : ''}${r.kind === 'entry' ? r.id : `${r.text}${r.nodes ? ` (${r.nodes} nodes)` : ''}`}${r.cursors.length ? ' ▲' : ''}${r.readers.length ? ' ◆' : ''}`);

describe('streamRows: what the stream log draws', () => {
  it('names each entry, its fields, node boundaries and the cursor after it', () => {
    const sv = withItems([entry('1-0', 0), entry('2-0', 0), gap('3-0', '8-0', 6, 1, 2), entry('9-0', 3, true)], 1);
    expect(seen(sv)).toEqual(['1-0', '2-0 ▲', '| ⋯ 6 entries (2 nodes)', '| 9-0']);
    const [first, , , tomb] = streamRows(sv, []).rows;
    expect(first).toMatchObject({ kind: 'entry', anchor: 'entry:0:s:1-0', fields: 'f=v', label: 'Entry 1-0: f=v' });
    expect(tomb).toMatchObject({ deleted: true, label: 'Deleted entry 9-0 (tombstone still stored in its node)' });
  });

  it('puts a cursor before every item at the head, and lists readers whose entry is not drawn', () => {
    const r = streamRows(withItems([entry('1-0', 0)], -1), [
      { client: 7, db: 0, key: 's', id: '1-0' },
      { client: 8, db: 0, key: 's', id: '5-0' },
    ]);
    expect(r.headCursors).toEqual(['g']);
    expect(r.rows[0].readers.map((x) => x.client)).toEqual([7]);
    expect(r.readersElsewhere.map((x) => x.client)).toEqual([8]);
    expect(r.deepestMarks).toBe(1);
  });

  it('counts the deepest stack of labels under one place: cursors and readers together, the head included', () => {
    const sv = withItems([entry('1-0', 0), entry('2-0', 0)]);
    const groups = (...at: number[]) => at.map((cursorAfter, i) => ({ ...groupV(`g${i}`, '0-0'), cursorAfter }));
    const reader = (client: number, id: string) => ({ client, db: 0, key: 's', id });
    expect(streamRows({ ...sv, groups: [] }, []).deepestMarks).toBe(0);
    expect(streamRows({ ...sv, groups: groups(-1, -1, 0) }, []).deepestMarks).toBe(2);
    expect(streamRows({ ...sv, groups: groups(-1, 1, 1) }, [reader(1, '2-0')]).deepestMarks).toBe(3);
  });

  it('busy: keeps the newest items and the marked ones, folding each run of the others into one counted gap', () => {
    const items = [entry('1-0', 0), entry('2-0', 0, true), gap('3-0', '6-0', 4, 1, 1), entry('7-0', 2), entry('8-0', 2), entry('9-0', 3), entry('10-0', 3)];
    // The cursor sits after 7-0; a reader last read 1-0.
    expect(seen(withItems(items, 3), 2, [{ client: 1, id: '1-0' }])).toEqual(['1-0 ◆', '⋯ 4 entries, 1 ✕ (2 nodes)', '| 7-0 ▲', '8-0', '| 9-0', '10-0']);
    // The cursor at the tail: everything before the newest two is one gap, spanning its nodes.
    expect(seen(withItems(items, 6), 2)).toEqual(['⋯ 7 entries, 1 ✕ (3 nodes)', '| 9-0', '10-0 ▲']);
    // A run of one stays as it is.
    expect(seen(withItems(items.slice(3), 1), 2)).toEqual(['7-0', '8-0 ▲', '| 9-0', '10-0']);
  });

  it('draws everything when not busy', () => {
    const items = [entry('1-0', 0), entry('2-0', 0), entry('3-0', 0)];
    expect(seen(withItems(items))).toEqual(['1-0', '2-0', '3-0']);
    expect(seen(withItems(items), 5)).toEqual(['1-0', '2-0', '3-0']);
  });
});

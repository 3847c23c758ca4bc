import { describe, expect, it } from 'vitest';
import { Engine } from './engine.ts';
import { VirtualClock } from './clock.ts';
import { Consumer, ConsumerGroup, PendingEntry } from './group.ts';
import { id, type StreamId } from './ids.ts';
import { Stream } from './stream.ts';
import { viewState, type EntryItem, type GapItem, type StreamView } from './view.ts';

const T0 = 1_700_000_000_000;

/** An engine on a virtual clock with one stream `s` of `n` entries 1-0 .. n-0, nodes of 100 entries. */
function setup(n: number) {
  const clock = new VirtualClock(T0);
  const engine = new Engine({ clock });
  const s = new Stream();
  for (let i = 1; i <= n; i++) s.append(id(i, 0), ['f', String(i)], 100, 0);
  engine.dbs[0].keys.set('s', { type: 'stream', v: s });
  return { engine, clock, s };
}

function addGroup(s: Stream, name: string, lastId: StreamId, entriesRead: number) {
  const g = new ConsumerGroup(name, lastId, entriesRead);
  s.groups.set(name, g);
  return g;
}

function deliver(g: ConsumerGroup, consumerName: string, ids: readonly StreamId[], at: number, count = 1) {
  let c = g.consumers.get(consumerName);
  if (!c) g.consumers.set(consumerName, (c = new Consumer(consumerName, at)));
  for (const x of ids) {
    const pe = new PendingEntry(x.ms, x.seq, c, at, count);
    g.pel.set(pe);
    c.pel.set(pe);
  }
  c.activeTime = at;
  return c;
}

const entries = (v: StreamView) => v.items.filter((i): i is EntryItem => i.kind === 'entry');
const gaps = (v: StreamView) => v.items.filter((i): i is GapItem => i.kind === 'gap');

describe('viewState', () => {
  it('summarises a small stream whole: counters, IDs, fields and its one node', () => {
    const { engine } = setup(3);
    const v = viewState(engine);
    expect(v.now).toBe(T0);
    expect(v.streams).toHaveLength(1);
    const sv = v.streams[0];
    expect(sv).toMatchObject({ key: 's', db: 0, length: 3, lastId: '3-0', firstId: '1-0', lastEntryId: '3-0' });
    expect(sv).toMatchObject({ entriesAdded: 3, maxDeletedId: '0-0', nodeCount: 1 });
    expect(sv.items.map((i) => (i.kind === 'entry' ? i.id : 'gap'))).toEqual(['1-0', '2-0', '3-0']);
    expect(entries(sv)[1].fields).toEqual(['f', '2']);
    expect(sv.nodes).toEqual([{ index: 0, master: '1-0', live: 3, deleted: 0 }]);
  });

  it('collapses the middle of a long stream into a counted gap with its node span', () => {
    const { engine } = setup(1000);
    const sv = viewState(engine, { head: 2, tail: 5 }).streams[0];
    expect(sv.items.map((i) => (i.kind === 'entry' ? i.id : `gap ${i.count}`))).toEqual([
      '1-0', '2-0', 'gap 993', '996-0', '997-0', '998-0', '999-0', '1000-0',
    ]);
    expect(gaps(sv)[0]).toMatchObject({ firstId: '3-0', lastId: '995-0', firstNode: 0, lastNode: 9, tombstones: 0 });
    expect(sv.nodeCount).toBe(10);
  });

  it('keeps XDEL tombstones that are still stored in their node, and counts them inside gaps', () => {
    const { engine, s } = setup(300);
    s.deleteEntry(id(150, 0));
    s.deleteEntry(id(299, 0));
    s.maxDeletedId = id(299, 0);
    const sv = viewState(engine, { head: 1, tail: 3 }).streams[0];
    expect(entries(sv).map((e) => [e.id, e.deleted])).toEqual([
      ['1-0', false], ['298-0', false], ['299-0', true], ['300-0', false],
    ]);
    expect(gaps(sv)[0]).toMatchObject({ count: 295, tombstones: 1, firstId: '2-0', lastId: '297-0' });
    expect(sv).toMatchObject({ length: 298, maxDeletedId: '299-0' });
  });

  it('puts every group cursor and every drawn token into the window, even far from head and tail', () => {
    const { engine, s } = setup(5000);
    const g = addGroup(s, 'g', id(2500, 0), 2500);
    deliver(g, 'alice', [id(1200, 0)], T0);
    const sv = viewState(engine, { head: 1, tail: 1 }).streams[0];
    const ids = entries(sv).map((e) => e.id);
    expect(ids).toEqual(['1-0', '1200-0', '2500-0', '2501-0', '5000-0']);
    const gv = sv.groups[0];
    expect(sv.items[gv.cursorAfter]).toMatchObject({ kind: 'entry', id: '2500-0' });
    expect(gv).toMatchObject({ lastId: '2500-0', entriesRead: 2500, lag: 2500, pending: 1 });
  });

  it('draws tokens with delivery count, delivery time, and ghosts for entries no longer in the stream', () => {
    const { engine, clock, s } = setup(10);
    const g = addGroup(s, 'g', id(10, 0), 10);
    deliver(g, 'alice', [id(2, 0), id(3, 0)], T0, 1);
    clock.advance(5000);
    deliver(g, 'bob', [id(4, 0)], T0 + 5000, 3);
    s.deleteEntry(id(3, 0));
    s.maxDeletedId = id(3, 0);
    const v = viewState(engine);
    expect(v.now).toBe(T0 + 5000);
    const [alice, bob] = v.streams[0].groups[0].consumers;
    expect(alice).toMatchObject({ name: 'alice', pending: 2, more: 0, seenTime: T0, activeTime: T0 });
    expect(alice.tokens).toEqual([
      { id: '2-0', count: 1, deliveryTime: T0, ghost: false },
      { id: '3-0', count: 1, deliveryTime: T0, ghost: true },
    ]);
    expect(bob.tokens).toEqual([{ id: '4-0', count: 3, deliveryTime: T0 + 5000, ghost: false }]);
  });

  it('caps each lane at tokensPerLane, oldest first, and counts the rest', () => {
    const { engine, s } = setup(500);
    const g = addGroup(s, 'g', id(500, 0), 500);
    deliver(g, 'alice', Array.from({ length: 400 }, (_, i) => id(i + 1, 0)), T0);
    const c = viewState(engine, { tokensPerLane: 5 }).streams[0].groups[0].consumers[0];
    expect(c.tokens.map((t) => t.id)).toEqual(['1-0', '2-0', '3-0', '4-0', '5-0']);
    expect(c).toMatchObject({ pending: 400, more: 395 });
  });

  it('shows unowned (NACKed) entries in NACK order in the group zone', () => {
    const { engine, s } = setup(5);
    const g = addGroup(s, 'g', id(5, 0), 5);
    for (const n of [4, 2]) {
      const pe = new PendingEntry(n, 0, null, 0, 1);
      g.pel.set(pe);
      g.nacked.push(pe);
    }
    const gv = viewState(engine).streams[0].groups[0];
    expect(gv.unowned.map((t) => t.id)).toEqual(['4-0', '2-0']);
    expect(gv).toMatchObject({ pending: 2, unownedMore: 0, consumers: [] });
  });

  it('reports an unknowable lag and entries-read as null', () => {
    const { engine, s } = setup(10);
    s.deleteEntry(id(5, 0));
    s.maxDeletedId = id(5, 0);
    addGroup(s, 'g', id(2, 0), -1);
    expect(viewState(engine).streams[0].groups[0]).toMatchObject({ entriesRead: null, lag: null, cursorAfter: 1 });
  });

  it('lists blocked clients with keys, deadline, group and the ID they wait after', () => {
    const { engine } = setup(1);
    const a = engine.connect('reader');
    const b = engine.connect('worker');
    const block = (c: number, argv: string[], deadline: number, group?: string, consumer?: string) => {
      const client = engine.client(c);
      if (!client) throw new Error('no client');
      engine.blocking.add(client, { db: 0, keys: ['s'], wakeOn: 'stream', argv, deadline, recheckAt: 0, seq: 0, group, consumer });
    };
    block(a, ['XREAD', 'BLOCK', '0', 'STREAMS', 's', '1-0'], 0);
    block(b, ['xreadgroup', 'GROUP', 'g', 'bob', 'BLOCK', '2000', 'streams', 's', '>'], T0 + 2000, 'g', 'bob');
    expect(viewState(engine).blocked).toEqual([
      { client: a, name: 'reader', db: 0, command: 'XREAD', keys: ['s'], after: ['1-0'], deadline: null, group: null, consumer: null },
      { client: b, name: 'worker', db: 0, command: 'XREADGROUP', keys: ['s'], after: ['>'], deadline: T0 + 2000, group: 'g', consumer: 'bob' },
    ]);
  });

  it('is plain data that survives structuredClone and JSON', () => {
    const { engine, s } = setup(50);
    deliver(addGroup(s, 'g', id(50, 0), 50), 'alice', [id(7, 0)], T0);
    const v = viewState(engine);
    expect(structuredClone(v)).toEqual(v);
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  it('stays bounded for 100,000 entries, 10 consumers and thousands pending (time printed, not asserted)', () => {
    const { engine, s } = setup(100_000);
    const g = addGroup(s, 'g', id(99_000, 0), 99_000);
    for (let c = 0; c < 10; c++) {
      deliver(g, `c${c}`, Array.from({ length: 500 }, (_, i) => id(90_000 + i * 10 + c, 0)), T0);
    }
    for (let i = 0; i < 300; i++) viewState(engine); // warm up the JIT
    const runs = 200;
    const t = performance.now();
    for (let i = 0; i < runs; i++) viewState(engine);
    const perCall = (performance.now() - t) / runs;
    const v = viewState(engine);
    expect(v.streams[0].groups[0].consumers).toHaveLength(10);
    expect(v.streams[0].items.length).toBeLessThan(400);
    console.log(`viewState: ${perCall.toFixed(3)} ms per call (100k entries, 10 consumers, 5000 pending)`);
  });
});

/**
 * The stream model: node layout (where nodes split, as XINFO STREAM radix-tree-keys / radix-tree-nodes report it on
 * a real redis-server 7.0.15), trimming and deletion bookkeeping.
 */
import { describe, expect, it } from 'vitest';
import { Stream, type TrimSpec } from './stream.ts';
import { MAX_ID, MIN_ID, U64_MAX, formatId, type StreamId } from './ids.ts';
import { Engine } from './engine.ts';
import { VirtualClock } from './clock.ts';
import { idmpInfo } from './stream-extras.ts';
import { randomInts } from './testing/prng.ts';

const x = (n: number) => 'x'.repeat(n);

/** Append entries with explicit IDs, like `XADD key <id> <fv...>` with the given node limits. */
function build(n: number, idOf: (i: number) => StreamId, fvOf: (i: number) => string[], maxEntries = 100, maxBytes = 4096) {
  const s = new Stream();
  for (let i = 1; i <= n; i++) s.append(idOf(i), fvOf(i), maxEntries, maxBytes);
  return s;
}

const layout = (s: Stream) => [s.length, s.nodeCount, s.raxNodes()];
const trim = (spec: Partial<TrimSpec>): TrimSpec => ({ strategy: 'maxlen', maxlen: 0, minid: MIN_ID, approx: false, limit: 0, ...spec });

describe('node layout matches redis-server 7.0.15 (length, radix-tree-keys, radix-tree-nodes)', () => {
  it('250 small entries: 3 nodes', () => {
    expect(layout(build(250, (i) => ({ ms: i, seq: 1 }), () => ['f', 'v']))).toEqual([250, 3, 8]);
  });
  it('40 entries with 300-byte values: 4 nodes (byte limit)', () => {
    expect(layout(build(40, (i) => ({ ms: i, seq: 1 }), () => ['f', x(300)]))).toEqual([40, 4, 10]);
  });
  it('values that look like integers', () => {
    expect(layout(build(250, (i) => ({ ms: i, seq: 1 }), (i) => ['f', String(i * 1000), 'g', String(-i)]))).toEqual([250, 3, 8]);
  });
  it('different field sets (non-SAMEFIELDS entries)', () => {
    expect(layout(build(250, (i) => ({ ms: i, seq: 1 }), (i) => [`f${i % 3}`, `v${i}`]))).toEqual([250, 3, 8]);
  });
  it('30 entries with 1000-byte values', () => {
    expect(layout(build(30, (i) => ({ ms: i, seq: 1 }), () => ['f', x(1000)]))).toEqual([30, 8, 18]);
  });
  it('120 entries with 50-byte values and integer fields, timestamps', () => {
    const s = build(120, (i) => ({ ms: 1700000000000 + i * 1000, seq: i }), (i) => ['name', 'z'.repeat(50), 'n', String(i)]);
    expect(layout(s)).toEqual([120, 2, 6]);
  });
  it('200 mixed entries', () => {
    const s = build(200, (i) => ({ ms: 1700000000000 + i * 7, seq: 0 }), (i) => ['a', 'w'.repeat(100), 'b', String(i * 37), 'c', `x${i}`]);
    expect(layout(s)).toEqual([200, 6, 15]);
  });
  it('300 entries in the same millisecond', () => {
    expect(layout(build(300, (i) => ({ ms: 1700000000000, seq: i }), (i) => ['f', String(i)]))).toEqual([300, 3, 5]);
  });
  it('1000 entries with timestamps', () => {
    expect(layout(build(1000, (i) => ({ ms: 1700000000000 + i * 13, seq: 0 }), () => ['f', 'v']))).toEqual([1000, 10, 22]);
  });
  it('stream-node-max-entries 0: only the byte limit splits', () => {
    expect(layout(build(500, (i) => ({ ms: i, seq: 0 }), () => ['f', 'v'], 0))).toEqual([500, 2, 6]);
  });
  it('stream-node-max-bytes 0: only the entry limit splits', () => {
    expect(layout(build(500, (i) => ({ ms: i, seq: 0 }), () => ['f', 'v'], 100, 0))).toEqual([500, 5, 14]);
  });
  it('stream-node-max-entries 10, then XDEL, then trims', () => {
    const s = build(95, (i) => ({ ms: i, seq: 1 }), () => ['f', 'v'], 10);
    expect(layout(s)).toEqual([95, 10, 22]);
    for (let i = 11; i <= 20; i++) s.deleteEntry({ ms: i, seq: 1 });
    expect(layout(s)).toEqual([85, 9, 20]);
    for (let i = 25; i <= 27; i++) s.deleteEntry({ ms: i, seq: 1 });
    expect(layout(s)).toEqual([82, 9, 20]);
    expect(s.trim(trim({ maxlen: 50, approx: true, limit: 1000 })).removed).toBe(27);
    expect(layout(s)).toEqual([55, 6, 14]);
    expect(s.trim(trim({ maxlen: 33 })).removed).toBe(22);
    expect(layout(s)).toEqual([33, 4, 10]);
    expect(s.trim(trim({ strategy: 'minid', minid: { ms: 70, seq: 0 } })).removed).toBe(7);
    expect(layout(s)).toEqual([26, 4, 10]);
  });
});

describe('trimming with reference policies (8.2 DELREF / ACKED hooks)', () => {
  const ids = (s: Stream) => s.range(MIN_ID, { ms: 1e9, seq: 0 }, 0).map((e) => `${e.id.ms}-${e.id.seq}`);
  const small = (n: number, maxEntries = 100) => build(n, (i) => ({ ms: i, seq: 1 }), () => ['f', 'v'], maxEntries);

  it('ACKED keeps referenced entries and carries on past them', () => {
    const s = small(6);
    const keep = (id: StreamId) => id.ms === 2 || id.ms === 3;
    const res = s.trim(trim({ maxlen: 1 }), 1000, { keep });
    // Still above MAXLEN after skipping 2 and 3, so the walk goes on to the newest entries.
    expect(ids(s)).toEqual(['2-1', '3-1']);
    expect(res.removed).toBe(4);
    expect(`${s.firstId.ms}-${s.firstId.seq}`).toBe('2-1');
  });

  it('ACKED under ~ examines entries one by one in removable nodes, and crosses nodes', () => {
    const s = small(10, 3);
    const keep = (id: StreamId) => id.ms === 2;
    s.trim(trim({ maxlen: 4, approx: true, limit: 1000 }), 1000, { keep });
    // Nodes [1,2,3] [4,5,6] [7,8,9] [10]: the first loses 1 and 3, the second goes whole; [7..] would leave < 4.
    expect(ids(s)).toEqual(['2-1', '7-1', '8-1', '9-1', '10-1']);
    expect(s.nodeCount).toBe(3);
  });

  it('DELREF removes like KEEPREF and reports every removed ID', () => {
    const a = small(10, 3);
    const b = small(10, 3);
    const removed: string[] = [];
    a.trim(trim({ maxlen: 4 }));
    b.trim(trim({ maxlen: 4 }), 1000, { removed: (id) => removed.push(`${id.ms}-${id.seq}`) });
    expect(ids(b)).toEqual(ids(a));
    expect(removed).toEqual(['1-1', '2-1', '3-1', '4-1', '5-1', '6-1']);
  });

  it('MINID with ACKED stops at the first ID at or above the threshold', () => {
    const s = small(6);
    s.trim(trim({ strategy: 'minid', minid: { ms: 4, seq: 0 } }), 1000, { keep: (id) => id.ms === 1 });
    expect(ids(s)).toEqual(['1-1', '4-1', '5-1', '6-1']);
  });

  it('trims never raise max-deleted-entry-id', () => {
    const s = small(6);
    s.trim(trim({ maxlen: 0 }), 1000, { removed: () => undefined });
    s.trim(trim({ maxlen: 0 }));
    expect(s.maxDeletedId).toEqual(MIN_ID);
    expect([s.length, s.nodeCount]).toEqual([0, 0]);
  });

  it('reports at most maxIds IDs but the exact count', () => {
    const s = small(50, 10);
    const res = s.trim(trim({ maxlen: 5 }), 7);
    expect(res.removed).toBe(45);
    expect(res.ids.length).toBe(7);
  });
});

/**
 * A sweep over value sizes 1..419 bytes (60 entries each, with ID deltas, integer-looking values and other
 * field sets mixed in), checked against redis-server 7.0.15's radix-tree-keys / radix-tree-nodes. It pins the
 * listpack byte arithmetic at every size class where a node boundary moves.
 */
const SWEEP_7_0_15 = `
  1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 
  1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 1/2 2/6 1/2 1/2 2/6 
  2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 
  2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 
  2/6 2/6 2/6 2/6 2/6 2/6 2/6 2/6 3/8 2/6 2/6 3/8 2/6 2/6 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 
  3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 
  3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 3/8 4/10 3/8 3/8 4/10 
  4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 
  4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 
  4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 4/10 5/12 4/10 4/10 5/12 
  4/10 4/10 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 
  5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 
  5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 5/12 6/14 
  5/12 5/12 6/14 5/12 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 
  6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 
  6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 6/14 
  6/14 6/14 7/16 6/14 6/14 7/16 7/16 7/16 7/16 7/16 7/16 7/16 7/16 7/16 7/16 7/16 7/16 7/16 7/16 7/16 7/16 7/16 
  7/16 7/16 7/16 7/16 7/16 7/16 7/16 7/16 7/16 7/16
`;

describe('listpack byte arithmetic: node splits at every value size', () => {
  it('matches redis-server 7.0.15 for value sizes 1..419', () => {
    const expected = SWEEP_7_0_15.trim().split(/\s+/);
    const actual: string[] = [];
    for (let len = 1; len <= expected.length; len++) {
      const s = new Stream();
      for (let i = 1; i <= 60; i++) {
        let fv = len % 3 ? ['f', 'v'.repeat(len)] : ['f', 'v'.repeat(len), 'n', String(len * i * 1001)];
        if (len % 7 === 0 && i % 2) fv = ['g', ...fv.slice(1)];
        s.append({ ms: 1000000 + i * len * 37, seq: (i * len) % 300 }, fv, 100, 4096);
      }
      actual.push(`${s.nodeCount}/${s.raxNodes()}`);
    }
    expect(actual).toEqual(expected);
  });
});

describe('events and snapshots of the write commands', () => {
  const run = (lines: string[], events = true) => {
    const e = new Engine({ clock: new VirtualClock(1700000000000, 0), events });
    const c = e.connect('t');
    return lines.map((l) => e.exec(c, l.split(' ')));
  };

  it('XADD on a new key: stream-created, then entry-added with the fields', () => {
    const [r] = run(['XADD s 1-1 f v g w']);
    expect(r.events).toEqual([
      { type: 'stream-created', db: 0, key: 's' },
      { type: 'entry-added', db: 0, key: 's', id: '1-1', fields: ['f', 'v', 'g', 'w'] },
    ]);
  });

  it('XADD with a trim: entries-trimmed with the exact count and the IDs', () => {
    const rs = run(['XADD s 1-1 f v', 'XADD s 2-1 f v', 'XADD s MAXLEN 1 3-1 f v']);
    expect(rs[2].events[1]).toEqual({ type: 'entries-trimmed', db: 0, key: 's', cause: 'xadd', count: 2, ids: ['1-1', '2-1'], refs: 'keepref', dangling: 0 });
  });

  it('removals count the pending references they leave dangling (KEEPREF), one per group holding the ID', () => {
    const rs = run([
      'XADD s 1-1 f v', 'XADD s 2-1 f v', 'XADD s 3-1 f v', 'XADD s 4-1 f v', 'XADD s 5-1 f v',
      'XGROUP CREATE s g1 0', 'XGROUP CREATE s g2 0',
      'XREADGROUP GROUP g1 alice COUNT 4 STREAMS s >', 'XREADGROUP GROUP g2 bob COUNT 1 STREAMS s >',
      'XTRIM s MAXLEN 4', 'XDEL s 2-1 5-1', 'XDELEX s KEEPREF IDS 1 3-1', 'XACKDEL s g1 KEEPREF IDS 1 4-1',
    ]);
    const removal = (i: number) => rs[i].events.find((e) => e.type === 'entries-trimmed' || e.type === 'entries-deleted');
    // 1-1 is pending in g1 and g2; 2-1 and 3-1 in g1 only; 5-1 nowhere; 4-1 in g1, which XACKDEL acknowledges.
    expect(removal(9)).toMatchObject({ ids: ['1-1'], dangling: 2 });
    expect(removal(10)).toMatchObject({ ids: ['2-1', '5-1'], dangling: 1 });
    expect(removal(11)).toMatchObject({ ids: ['3-1'], dangling: 1 });
    expect(removal(12)).toMatchObject({ ids: ['4-1'], dangling: 0 });
  });

  it('DELREF and ACKED removals leave no dangling references', () => {
    const rs = run([
      'XADD s 1-1 f v', 'XADD s 2-1 f v', 'XADD s 3-1 f v', 'XADD s 4-1 f v',
      'XGROUP CREATE s g 0', 'XREADGROUP GROUP g alice COUNT 4 STREAMS s >', 'XACK s g 2-1',
      'XTRIM s MAXLEN 3 DELREF', 'XTRIM s MAXLEN 0 ACKED', 'XDELEX s DELREF IDS 1 4-1',
    ]);
    const removal = (i: number) => rs[i].events.find((e) => e.type === 'entries-trimmed' || e.type === 'entries-deleted');
    expect(removal(7)).toMatchObject({ ids: ['1-1'], refs: 'delref', dangling: 0 });
    expect(removal(8)).toMatchObject({ ids: ['2-1'], refs: 'acked', dangling: 0 });
    expect(removal(9)).toMatchObject({ ids: ['4-1'], refs: 'delref', dangling: 0 });
  });

  it('XTRIM, XDEL, XDELEX and XSETID events', () => {
    const rs = run(['XADD s 1-1 f v', 'XADD s 2-1 f v', 'XADD s 3-1 f v', 'XTRIM s MINID 2', 'XDEL s 2-1 9-1', 'XDELEX s DELREF IDS 2 3-1 9-1', 'XSETID s 5-0 ENTRIESADDED 7']);
    expect(rs[3].events).toEqual([{ type: 'entries-trimmed', db: 0, key: 's', cause: 'xtrim', count: 1, ids: ['1-1'], refs: 'keepref', dangling: 0 }]);
    expect(rs[4].events).toEqual([{ type: 'entries-deleted', db: 0, key: 's', cause: 'xdel', ids: ['2-1'], refs: 'keepref', dangling: 0 }]);
    expect(rs[5].events).toEqual([{ type: 'entries-deleted', db: 0, key: 's', cause: 'xdelex', ids: ['3-1'], refs: 'delref', dangling: 0 }]);
    expect(rs[6].events).toEqual([{ type: 'stream-id-set', db: 0, key: 's', lastId: '5-0', maxDeletedId: '3-1', entriesAdded: 7 }]);
  });

  it('an IDMP duplicate emits entry-deduplicated', () => {
    const rs = run(['XADD s IDMP p i * f v', 'XADD s IDMP p i * f v']);
    expect(rs[1].events).toEqual([{ type: 'entry-deduplicated', db: 0, key: 's', id: '1700000000000-0' }]);
  });

  it('no events when they are off', () => {
    expect(run(['XADD s 1-1 f v', 'XADD s MAXLEN 0 2-1 f v'], false).flatMap((r) => r.events)).toEqual([]);
  });

  it('IDMP state survives a snapshot round trip', () => {
    const e = new Engine({ clock: new VirtualClock(1700000000000, 0) });
    const c = e.connect('t');
    for (const l of ['XADD s 1-1 f v', 'XCFGSET s IDMP-MAXSIZE 7', 'XADD s IDMP p1 i1 * f v', 'XADD s IDMP p1 i1 * f v']) e.exec(c, l.split(' '));
    const snap = JSON.parse(JSON.stringify(e.snapshot()));
    const e2 = new Engine({ clock: new VirtualClock(1700000000000, 0) });
    e2.restore(snap);
    const c2 = e2.connect('t');
    expect(e2.exec(c2, 'XADD s IDMP p1 i1 * f v'.split(' ')).reply).toBe('1700000000000-0');
    const s = (e2.dbs[0].keys.get('s') as { type: 'stream'; v: Stream }).v;
    expect(idmpInfo(s, e2.config, 1700000000000)).toEqual([
      ['idmp-duration', 100],
      ['idmp-maxsize', 7],
      ['pids-tracked', 1],
      ['iids-tracked', 1],
      ['iids-added', 1],
      ['iids-duplicates', 2],
    ]);
  });
});

describe('range and the cursor agree with a plain list', () => {
  it('random streams, deletions, bounds, directions and counts', () => {
    const rnd = randomInts(42);
    for (let round = 0; round < 200; round++) {
      const s = new Stream();
      const live: number[] = [];
      const n = 1 + rnd(40);
      for (let i = 1; i <= n; i++) {
        s.append({ ms: i * 2, seq: 0 }, ['f', String(i)], 1 + rnd(5), 4096);
        live.push(i * 2);
      }
      for (let k = rnd(n); k > 0; k--) {
        const v = 2 * (1 + rnd(n));
        if (s.deleteEntry({ ms: v, seq: 0 })) live.splice(live.indexOf(v), 1);
      }
      // Bounds are IDs around the entries, or now and then `-` / `+`.
      const a = rnd(8) === 0 ? -Infinity : rnd(2 * n + 3);
      const b = rnd(8) === 0 ? Infinity : rnd(2 * n + 3);
      const start = a === -Infinity ? MIN_ID : { ms: a, seq: 0 };
      const end = b === Infinity ? MAX_ID : { ms: b, seq: 0 };
      const count = rnd(4);
      const rev = rnd(2) === 1;
      const want = live.filter((v) => v >= a && v <= b);
      if (rev) want.reverse();
      const got = s.range(start, end, count, rev).map((e) => e.id.ms);
      expect(got).toEqual(count > 0 ? want.slice(0, count) : want);
    }
  });

  it('the cursor handles an empty stream, an empty interval and 64-bit IDs, and stays finished', () => {
    const walk = (s: Stream, start: StreamId, end: StreamId, rev: boolean): string[] => {
      const out: string[] = [];
      const cur = s.cursor(start, end, rev);
      while (cur.next()) out.push(formatId(cur.node.idAt(cur.i)));
      expect(cur.next()).toBe(false);
      return out;
    };
    const s = new Stream();
    expect(walk(s, MIN_ID, MAX_ID, false)).toEqual([]);
    s.append({ ms: 5, seq: 0 }, ['a', '1'], 100, 4096);
    s.append({ ms: U64_MAX, seq: 3n }, ['a', '2'], 100, 4096);
    expect(walk(s, { ms: 6, seq: 0 }, { ms: 5, seq: 0 }, false)).toEqual([]);
    expect(walk(s, { ms: 6, seq: 0 }, { ms: 5, seq: 0 }, true)).toEqual([]);
    expect(walk(s, MIN_ID, MAX_ID, false)).toEqual(['5-0', '18446744073709551615-3']);
    expect(walk(s, MIN_ID, MAX_ID, true)).toEqual(['18446744073709551615-3', '5-0']);
    expect(walk(s, { ms: U64_MAX, seq: 0 }, MAX_ID, true)).toEqual(['18446744073709551615-3']);
    expect(walk(s, MIN_ID, { ms: 5, seq: 0 }, true)).toEqual(['5-0']);
  });
});

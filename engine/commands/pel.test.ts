/**
 * The pending-entry commands and XINFO on a hand-built stream, independent of XADD / XGROUP / XREADGROUP, and the
 * events they emit (which transcripts cannot see).
 */
import { describe, expect, it } from 'vitest';
import { formatReply } from '../cli-format.ts';
import { VirtualClock } from '../clock.ts';
import { Engine } from '../engine.ts';
import type { EngineEvent } from '../events.ts';
import { Consumer, ConsumerGroup, PendingEntry } from '../group.ts';
import { parseStrictId } from '../ids.ts';
import type { ProfileName } from '../profiles.ts';
import { toResp2 } from '../reply.ts';
import { Stream } from '../stream.ts';

const T0 = 1_700_000_000_000;

/**
 * A stream `s` with entries 1-0 .. n-0 and a group `g` whose consumer `alice` has all of them pending, delivered
 * once at T0 (what `XGROUP CREATE s g 0` + `XREADGROUP GROUP g alice STREAMS s >` would leave behind).
 */
function setup(n = 3, profile: ProfileName = 'redis-8') {
  const clock = new VirtualClock(T0);
  const engine = new Engine({ clock, profile });
  const s = new Stream();
  for (let i = 1; i <= n; i++) s.append({ ms: i, seq: 0 }, ['f', `v${i}`], 100, 4096);
  const g = new ConsumerGroup('g', { ms: n, seq: 0 }, n);
  const alice = new Consumer('alice', T0);
  alice.activeTime = T0;
  g.consumers.set('alice', alice);
  for (let i = 1; i <= n; i++) {
    const pe = new PendingEntry(i, 0, alice, T0, 1);
    g.pel.set(pe);
    alice.pel.set(pe);
  }
  s.groups.set('g', g);
  engine.dbs[0].keys.set('s', { type: 'stream', v: s });
  const client = engine.connect();
  let events: readonly EngineEvent[] = [];
  const run = (line: string): string => {
    const r = engine.exec(client, line.split(' '));
    events = r.events;
    return r.reply === null ? '(blocked)' : formatReply(toResp2(r.reply)).trimEnd();
  };
  return { engine, clock, s, g, alice, run, events: () => events };
}

const idOf = (s: string) => parseStrictId(s) ?? { ms: -1, seq: -1 };

describe('XACK', () => {
  it('removes the entry from both PELs and emits acked with the owners', () => {
    const t = setup();
    expect(t.run('XACK s g 1-0 1-0 9-0')).toBe('(integer) 1');
    expect(t.g.pel.has(idOf('1-0'))).toBe(false);
    expect(t.alice.pel.has(idOf('1-0'))).toBe(false);
    expect(t.events()).toContainEqual({ type: 'acked', db: 0, key: 's', group: 'g', ids: ['1-0'], owners: ['alice'] });
  });

  it('emits nothing when nothing was pending', () => {
    const t = setup();
    expect(t.run('XACK s g 9-0')).toBe('(integer) 0');
    expect(t.events().filter((e) => e.type === 'acked')).toEqual([]);
  });

  it('counts as a write without invalidating WATCH', () => {
    const t = setup();
    const dirty = t.engine.stats.dirty;
    t.run('XACK s g 1-0 2-0');
    expect(t.engine.stats.dirty).toBe(dirty + 2);
  });
});

describe('XCLAIM', () => {
  it('moves the entry to the new owner, creating it, and reports where it came from', () => {
    const t = setup();
    t.clock.advance(500);
    expect(t.run('XCLAIM s g bob 100 2-0 JUSTID')).toBe('1) "2-0"');
    const bob = t.g.consumers.get('bob');
    expect(bob?.pel.has(idOf('2-0'))).toBe(true);
    expect(t.alice.pel.has(idOf('2-0'))).toBe(false);
    expect(bob?.activeTime).toBe(T0 + 500);
    expect(t.events()).toContainEqual({ type: 'consumer-created', db: 0, key: 's', group: 'g', consumer: 'bob' });
    expect(t.events()).toContainEqual({
      type: 'claimed',
      db: 0,
      key: 's',
      group: 'g',
      consumer: 'bob',
      via: 'xclaim',
      entries: [{ id: '2-0', count: 1, from: 'alice' }],
    });
  });

  it('drops references to deleted entries and reports them', () => {
    const t = setup();
    t.s.deleteEntry(idOf('1-0'));
    expect(t.run('XCLAIM s g bob 0 1-0 2-0 JUSTID')).toBe('1) "2-0"');
    expect(t.g.pel.has(idOf('1-0'))).toBe(false);
    expect(t.events()).toContainEqual({ type: 'refs-removed', db: 0, key: 's', group: 'g', ids: ['1-0'] });
  });

  it('moves the group cursor with LASTID', () => {
    const t = setup();
    t.run('XCLAIM s g bob 0 1-0 LASTID 7-0 JUSTID');
    expect(t.g.lastId).toEqual({ ms: 7, seq: 0 });
    expect(t.events()).toContainEqual({
      type: 'group-cursor-moved',
      db: 0,
      key: 's',
      group: 'g',
      lastId: '7-0',
      entriesRead: 3,
      cause: 'xclaim-lastid',
    });
  });

  it('creates the consumer lazily on Redis 7.0', () => {
    const t = setup(3, 'redis-7.0');
    expect(t.run('XCLAIM s g bob 3600000 1-0')).toBe('(empty array)');
    expect(t.g.consumers.has('bob')).toBe(false);
  });

  it('caps the delivery count at LLONG_MAX', () => {
    const t = setup();
    t.run('XCLAIM s g alice 0 1-0 RETRYCOUNT 9223372036854775807 JUSTID');
    t.run('XCLAIM s g alice 0 1-0 JUSTID');
    t.run('XCLAIM s g alice 0 1-0');
    expect(t.g.pel.get(idOf('1-0'))?.deliveryCount).toBe(9223372036854775807n);
  });
});

describe('XAUTOCLAIM', () => {
  it('claims in ID order and returns the next cursor', () => {
    const t = setup(5);
    t.clock.advance(1000);
    expect(t.run('XAUTOCLAIM s g bob 1000 2 COUNT 2 JUSTID')).toBe('1) "4-0"\n2) 1) "2-0"\n   2) "3-0"\n3) (empty array)');
    const claimed = t.events().find((e) => e.type === 'claimed');
    expect(claimed).toMatchObject({ via: 'xautoclaim', entries: [{ id: '2-0', count: 1, from: 'alice' }, { id: '3-0', count: 1, from: 'alice' }] });
  });

  it('counts deleted entries towards COUNT and lists them', () => {
    const t = setup(4);
    t.s.deleteEntry(idOf('2-0'));
    expect(t.run('XAUTOCLAIM s g bob 0 0 COUNT 2 JUSTID')).toBe('1) "3-0"\n2) 1) "1-0"\n3) 1) "2-0"');
    expect(t.g.pel.size).toBe(3);
  });
});

describe('XNACK', () => {
  it('makes entries unowned, appends them to the NACK zone and wakes CLAIM readers', () => {
    const t = setup();
    expect(t.run('XNACK s g FAIL IDS 2 2-0 1-0')).toBe('(integer) 2');
    expect(t.g.nacked.map((pe) => `${pe.ms}-${pe.seq}`)).toEqual(['2-0', '1-0']);
    expect(t.alice.pel.size).toBe(1);
    expect(t.g.pel.get(idOf('2-0'))).toMatchObject({ consumer: null, deliveryTime: 0, deliveryCount: 1 });
    expect(t.events()).toContainEqual({
      type: 'nacked',
      db: 0,
      key: 's',
      group: 'g',
      mode: 'fail',
      entries: [
        { id: '2-0', count: 1, from: 'alice' },
        { id: '1-0', count: 1, from: 'alice' },
      ],
    });
    // Re-NACKing moves an entry to the end of the zone.
    t.run('XNACK s g SILENT IDS 1 2-0');
    expect(t.g.nacked.map((pe) => `${pe.ms}-${pe.seq}`)).toEqual(['1-0', '2-0']);
  });

  it('leaves the NACK zone when claimed or acknowledged', () => {
    const t = setup();
    t.run('XNACK s g FAIL IDS 2 1-0 2-0');
    t.run('XCLAIM s g bob 0 1-0 JUSTID');
    expect(t.events()).toContainEqual(
      expect.objectContaining({ type: 'claimed', entries: [{ id: '1-0', count: 1, from: null }] }),
    );
    t.run('XACK s g 2-0');
    expect(t.g.nacked).toEqual([]);
  });

  it('reports RETRYCOUNT as the mode when it overrides', () => {
    const t = setup();
    t.run('XNACK s g FATAL IDS 1 1-0 RETRYCOUNT 4');
    expect(t.events()).toContainEqual(expect.objectContaining({ type: 'nacked', mode: 'retrycount' }));
    expect(t.g.pel.get(idOf('1-0'))?.deliveryCount).toBe(4);
  });

  it('survives a snapshot round trip', () => {
    const t = setup();
    t.run('XNACK s g FAIL IDS 2 3-0 1-0');
    const snap = t.engine.snapshot();
    const copy = new Engine({ clock: new VirtualClock(T0) });
    copy.restore(snap);
    const id = copy.connect();
    const r = copy.exec(id, ['XPENDING', 's', 'g', '-', '+', '10']);
    expect(r.reply && formatReply(r.reply)).toContain('""');
    const s = copy.dbs[0].keys.get('s');
    const g = s?.type === 'stream' ? s.v.groups.get('g') : undefined;
    expect(g?.nacked.map((pe) => `${pe.ms}-${pe.seq}`)).toEqual(['3-0', '1-0']);
  });
});

describe('XACKDEL', () => {
  it('acks, deletes and reports both', () => {
    const t = setup();
    expect(t.run('XACKDEL s g IDS 2 1-0 9-0')).toBe('1) (integer) 1\n2) (integer) -1');
    expect(t.s.has(idOf('1-0'))).toBe(false);
    expect(t.s.maxDeletedId).toEqual({ ms: 1, seq: 0 });
    expect(t.events()).toContainEqual({ type: 'acked', db: 0, key: 's', group: 'g', ids: ['1-0'], owners: ['alice'] });
    expect(t.events()).toContainEqual({ type: 'entries-deleted', db: 0, key: 's', cause: 'xackdel', ids: ['1-0'], refs: 'keepref', dangling: 0 });
  });
});

describe('XINFO', () => {
  it('STREAM FULL shows NACKed entries with an empty owner and time 0', () => {
    const t = setup(2);
    t.run('XNACK s g FAIL IDS 1 2-0');
    const out = t.run('XINFO STREAM s FULL');
    expect(out).toContain('"nacked-count"\n       12) (integer) 1');
    expect(out).toContain('2) 1) "2-0"\n              2) ""\n              3) (integer) 0');
  });

  it('CONSUMERS reports idle from seen-time and inactive from active-time', () => {
    const t = setup();
    t.alice.seenTime = T0 + 100;
    t.clock.advance(300);
    expect(t.run('XINFO CONSUMERS s g')).toBe(
      '1) 1) "name"\n   2) "alice"\n   3) "pending"\n   4) (integer) 3\n   5) "idle"\n   6) (integer) 200\n   7) "inactive"\n   8) (integer) 300',
    );
  });
});

/** KEEPREF / DELREF / ACKED deletion (XDELEX, XACKDEL, trims) on a hand-built stream with groups. */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from './events.ts';
import { Consumer, ConsumerGroup, PendingEntry } from './group.ts';
import { formatId, type StreamId } from './ids.ts';
import { Database } from './keyspace.ts';
import { deleteWithPolicy, isReferenced, type EventSink } from './ref-policy.ts';
import { Stream } from './stream.ts';

const id = (ms: number, seq = 1): StreamId => ({ ms, seq });

/** A stream with entries 1-1..n-1 and an events sink. */
function setup(n: number) {
  const s = new Stream();
  for (let i = 1; i <= n; i++) s.append(id(i), ['f', 'v'], 100, 4096);
  const events: EngineEvent[] = [];
  const sink: EventSink = { db: new Database(0), eventsOn: true, emit: (e) => events.push(e) };
  return { s, events, sink };
}

/** A group whose cursor is at `last`, with `pending` delivered to consumer `c`. */
function group(s: Stream, name: string, last: StreamId, pending: StreamId[]): ConsumerGroup {
  const g = new ConsumerGroup(name, last, -1);
  const c = new Consumer('c', 0);
  g.consumers.set('c', c);
  for (const p of pending) {
    const pe = new PendingEntry(p.ms, p.seq, c, 0, 1);
    g.pel.set(pe);
    c.pel.set(pe);
  }
  s.groups.set(name, g);
  return g;
}

describe('isReferenced (the ACKED rule)', () => {
  it('nothing is referenced without groups', () => {
    const { s } = setup(2);
    expect(isReferenced(s, id(1))).toBe(false);
  });
  it('entries after the slowest group cursor are referenced', () => {
    const { s } = setup(3);
    group(s, 'fast', id(3), []);
    group(s, 'slow', id(1), []);
    expect([1, 2, 3].map((i) => isReferenced(s, id(i)))).toEqual([false, true, true]);
  });
  it('pending entries are referenced', () => {
    const { s } = setup(3);
    group(s, 'g', id(3), [id(2)]);
    expect([1, 2, 3].map((i) => isReferenced(s, id(i)))).toEqual([false, true, false]);
  });
});

describe('deleteWithPolicy', () => {
  it('KEEPREF deletes and leaves PEL references; raises max-deleted-entry-id', () => {
    const { s, events, sink } = setup(3);
    const g = group(s, 'g', id(3), [id(2)]);
    expect(deleteWithPolicy(sink, 's', s, id(2), 'keepref')).toBe(1);
    expect(s.length).toBe(2);
    expect(g.pel.size).toBe(1);
    expect(formatId(s.maxDeletedId)).toBe('2-1');
    expect(events).toEqual([]);
  });

  it('-1 for an entry not in the stream', () => {
    const { s, sink } = setup(1);
    expect(deleteWithPolicy(sink, 's', s, id(9), 'keepref')).toBe(-1);
    expect(deleteWithPolicy(sink, 's', s, id(9), 'acked')).toBe(-1);
    expect(formatId(s.maxDeletedId)).toBe('0-0');
  });

  it('DELREF removes the ID from every group and owner PEL, with one event per group', () => {
    const { s, events, sink } = setup(3);
    const g1 = group(s, 'g1', id(3), [id(1), id(2)]);
    const g2 = group(s, 'g2', id(3), [id(2)]);
    expect(deleteWithPolicy(sink, 's', s, id(2), 'delref')).toBe(1);
    expect(g1.pel.values().map(formatId)).toEqual(['1-1']);
    expect((g1.consumers.get('c') as Consumer).pel.size).toBe(1);
    expect(g2.pel.size).toBe(0);
    expect(events).toEqual([
      { type: 'refs-removed', db: 0, key: 's', group: 'g1', ids: ['2-1'] },
      { type: 'refs-removed', db: 0, key: 's', group: 'g2', ids: ['2-1'] },
    ]);
  });

  it('DELREF drops references even when the entry is already gone', () => {
    const { s, sink } = setup(2);
    const g = group(s, 'g', id(2), [id(1)]);
    s.deleteEntry(id(1));
    expect(deleteWithPolicy(sink, 's', s, id(1), 'delref')).toBe(-1);
    expect(g.pel.size).toBe(0);
  });

  it('ACKED keeps referenced entries (2) and deletes the rest (1)', () => {
    const { s, sink } = setup(3);
    group(s, 'g', id(2), [id(2)]);
    expect(deleteWithPolicy(sink, 's', s, id(1), 'acked')).toBe(1);
    expect(deleteWithPolicy(sink, 's', s, id(2), 'acked')).toBe(2);
    expect(deleteWithPolicy(sink, 's', s, id(3), 'acked')).toBe(2);
    expect(s.length).toBe(2);
    expect(formatId(s.maxDeletedId)).toBe('1-1');
  });

  it('keeps first-entry right and empties the stream without removing it', () => {
    const { s, sink } = setup(2);
    deleteWithPolicy(sink, 's', s, id(1), 'keepref');
    expect(formatId(s.firstId)).toBe('2-1');
    deleteWithPolicy(sink, 's', s, id(2), 'keepref');
    expect(formatId(s.firstId)).toBe('0-0');
    expect([s.length, s.nodeCount]).toEqual([0, 0]);
  });
});

/** entries-read and lag (reference §4.10): the t_stream.c algorithms on hand-built streams. */
import { describe, expect, it } from 'vitest';
import { ConsumerGroup, ENTRIES_READ_INVALID } from './group.ts';
import { MIN_ID, type StreamId } from './ids.ts';
import { entriesReadFor, groupLag, hasTombstoneFrom, noteDelivered } from './lag.ts';
import { Stream } from './stream.ts';

const id = (ms: number, seq = 0): StreamId => ({ ms, seq });

/** A stream with entries 1-0 … n-0. */
function streamOf(n: number): Stream {
  const s = new Stream();
  for (let i = 1; i <= n; i++) s.append(id(i), ['f', String(i)], 100, 4096);
  return s;
}

/** XDEL: delete and raise max-deleted-entry-id, as the XDEL family does. */
function xdel(s: Stream, x: StreamId): void {
  s.deleteEntry(x);
  if (x.ms > s.maxDeletedId.ms || (x.ms === s.maxDeletedId.ms && x.seq > s.maxDeletedId.seq)) s.maxDeletedId = x;
}

describe('entriesReadFor (streamEstimateDistanceFromFirstEverEntry)', () => {
  it('is 0 for any ID of a never-used stream', () => {
    expect(entriesReadFor(new Stream(), id(5))).toBe(0);
  });

  it('is entries-added at the last ID and, on an emptied stream, anywhere up to it', () => {
    const s = streamOf(3);
    expect(entriesReadFor(s, id(3))).toBe(3);
    s.trim({ strategy: 'maxlen', maxlen: 0, minid: MIN_ID, approx: false, limit: 0 });
    expect(entriesReadFor(s, id(1))).toBe(3);
  });

  it('is exact at the first entry and before it when nothing is fragmented', () => {
    const s = streamOf(3);
    expect(entriesReadFor(s, id(1))).toBe(1);
    expect(entriesReadFor(s, MIN_ID)).toBe(0);
  });

  it('is unknown for an ID inside the stream or in the future', () => {
    const s = streamOf(3);
    expect(entriesReadFor(s, id(2))).toBe(ENTRIES_READ_INVALID);
    expect(entriesReadFor(s, id(9))).toBe(ENTRIES_READ_INVALID);
  });

  it('is unknown before a tombstone since 7.4, while 7.0 still estimated it', () => {
    const s = streamOf(5);
    xdel(s, id(2));
    xdel(s, id(1));
    // first entry 3-0, max-deleted 2-0: the ID 1-5 sits before the tombstone.
    expect(entriesReadFor(s, id(1, 5), true)).toBe(ENTRIES_READ_INVALID);
    expect(entriesReadFor(s, id(1, 5), false)).toBe(2);
  });
});

describe('hasTombstoneFrom (streamRangeHasTombstones)', () => {
  it('sees an XDEL at or after the start', () => {
    const s = streamOf(4);
    xdel(s, id(3));
    expect(hasTombstoneFrom(s, id(2))).toBe(true);
    expect(hasTombstoneFrom(s, id(3))).toBe(true);
    expect(hasTombstoneFrom(s, id(4))).toBe(false);
  });

  it('on 7.0 ignores a tombstone before the first entry', () => {
    const s = streamOf(4);
    xdel(s, id(1));
    expect(hasTombstoneFrom(s, MIN_ID, false)).toBe(false);
    expect(hasTombstoneFrom(s, MIN_ID, true)).toBe(true);
  });
});

describe('groupLag (streamReplyWithCGLag)', () => {
  it('is entries-added minus entries-read while the counter is valid', () => {
    const s = streamOf(5);
    expect(groupLag(s, new ConsumerGroup('g', id(2), 2), true)).toBe(3);
  });

  it('is 0 for an empty stream and null for an arbitrary position', () => {
    expect(groupLag(new Stream(), new ConsumerGroup('g'), true)).toBe(0);
    expect(groupLag(streamOf(3), new ConsumerGroup('g', id(2)), true)).toBeNull();
  });

  it('after a trim past the group: the remaining length on 8.0, the stale counter on 7.0', () => {
    const s = streamOf(5);
    const g = new ConsumerGroup('g', id(1), 1);
    s.trim({ strategy: 'maxlen', maxlen: 1, minid: MIN_ID, approx: false, limit: 0 });
    expect(groupLag(s, g, true)).toBe(1);
    expect(groupLag(s, g, false)).toBe(4);
  });

  it('is null with a tombstone ahead of the group', () => {
    const s = streamOf(5);
    xdel(s, id(3));
    expect(groupLag(s, new ConsumerGroup('g', id(2), 2), true)).toBeNull();
  });
});

describe('noteDelivered (the `>` read counter)', () => {
  it('counts deliveries from a valid counter', () => {
    const s = streamOf(3);
    const g = new ConsumerGroup('g', MIN_ID, 0);
    noteDelivered(s, g, id(1));
    noteDelivered(s, g, id(2));
    expect([g.lastId, g.entriesRead]).toEqual([id(2), 2]);
  });

  it('estimates an unknown counter from the delivered ID', () => {
    const s = streamOf(3);
    const g = new ConsumerGroup('g');
    noteDelivered(s, g, id(1));
    expect(g.entriesRead).toBe(1);
  });

  it('re-estimates after a trim past the group on 8.0 (#13958), keeps counting on 7.0', () => {
    const fixed = new ConsumerGroup('g', id(1), 1);
    const old = new ConsumerGroup('g', id(1), 1);
    const s = streamOf(5);
    s.trim({ strategy: 'maxlen', maxlen: 1, minid: MIN_ID, approx: false, limit: 0 });
    noteDelivered(s, fixed, id(5), true);
    noteDelivered(s, old, id(5), false);
    expect(fixed.entriesRead).toBe(5);
    expect(old.entriesRead).toBe(2);
  });

  it('ignores IDs not after the group position', () => {
    const s = streamOf(3);
    const g = new ConsumerGroup('g', id(2), 2);
    noteDelivered(s, g, id(1));
    expect([g.lastId, g.entriesRead]).toEqual([id(2), 2]);
  });
});

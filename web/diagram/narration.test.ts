import { describe, expect, it } from 'vitest';
import { listIds, minIdleOf, narrate, type NarrationContext } from './narration.ts';
import type { EngineEvent } from '../../engine/index.ts';

const ctx = (argv?: string[]): NarrationContext => ({ argv, clientName: (id) => (id === 3 ? 'reader' : `client ${id}`) });
const g = { db: 0, key: 's', group: 'g' } as const;

describe('narration: one plain sentence per event, saying what and why', () => {
  it('a > delivery says the entries stay pending for the consumer until acknowledged', () => {
    const n = narrate({ type: 'delivered', ...g, consumer: 'alice', via: 'new', noack: false, entries: [{ id: '1-0', count: 1 }], missing: [] }, ctx());
    expect(n?.text).toBe('Group g delivered 1-0 to alice and moved its cursor; it stays pending for alice until acknowledged with XACK.');
    expect(n?.refs).toEqual(['token:0:s:g:1-0', 'cursor:0:s:g']);
  });

  it('XCLAIM explains the move by the min-idle-time it was given, and the new delivery count', () => {
    const n = narrate(
      { type: 'claimed', ...g, consumer: 'bob', via: 'xclaim', entries: [{ id: '1-0', count: 2, from: 'alice' }] },
      ctx(['XCLAIM', 's', 'g', 'bob', '60000', '1-0']),
    );
    expect(n?.text).toBe('XCLAIM moved 1-0 from alice to bob because it was idle for at least 60000 ms (the min-idle-time); delivery count is now 2.');
  });

  it('a new stream says what made it: XADD, or XGROUP CREATE with MKSTREAM', () => {
    const e = { type: 'stream-created', db: 0, key: 's' } as const;
    expect(narrate(e, ctx(['XADD', 's', '*', 'f', 'v']))?.text).toBe('Created the stream s: XADD makes the key when it does not exist.');
    expect(narrate(e, ctx(['xgroup', 'CREATE', 's', 'g', '$', 'MKSTREAM']))?.text).toBe('Created the empty stream s: MKSTREAM makes the key for the new group when it does not exist.');
  });

  it('XACK says Redis forgets acknowledged entries', () => {
    const n = narrate({ type: 'acked', ...g, ids: ['1-0', '2-0'], owners: ['alice', 'alice'] }, ctx());
    expect(n?.text).toBe("XACK removed 1-0 and 2-0 from alice's pending list in group g: processing is done, so Redis forgets them.");
    expect(n?.refs).toContain('acked:0:s:g');
  });

  it('NOACK reads say nothing becomes pending', () => {
    const n = narrate({ type: 'delivered', ...g, consumer: 'bob', via: 'new', noack: true, entries: [{ id: '1-0', count: 0 }], missing: [] }, ctx());
    expect(n?.text).toMatch(/with NOACK: the group cursor moved, but nothing is pending/);
  });

  it('history reads mention entries that were deleted meanwhile', () => {
    const n = narrate({ type: 'delivered', ...g, consumer: 'alice', via: 'history', noack: false, entries: [{ id: '1-0', count: 3 }], missing: ['2-0'] }, ctx());
    expect(n?.text).toBe('alice re-read its own pending entry 1-0 (an ID instead of >), which counts as another delivery. 2-0 no longer exists in the stream, so it comes back as nil.');
  });

  it('says how a consumer came to be: on first use, or XGROUP CREATECONSUMER', () => {
    const e: EngineEvent = { type: 'consumer-created', ...g, consumer: 'carol' };
    expect(narrate(e, ctx(['XREADGROUP', 'GROUP', 'g', 'carol', 'STREAMS', 's', '>']))?.text).toBe('Group g gained consumer carol (created on first use).');
    expect(narrate(e, ctx(['xgroup', 'CreateConsumer', 's', 'g', 'carol']))?.text).toBe(
      'Group g gained consumer carol (created by XGROUP CREATECONSUMER, with nothing pending until it reads).',
    );
  });

  it('XDEL explains the ghosts KEEPREF leaves behind, and only when it leaves some', () => {
    const del = (ids: string[], dangling: number) => narrate({ type: 'entries-deleted', db: 0, key: 's', cause: 'xdel', ids, refs: 'keepref', dangling }, ctx())?.text;
    expect(del(['2-0'], 1)).toBe('XDEL deleted 2-0 from s; 1 pending reference to a deleted entry stays (KEEPREF), drawn as a ghost until acknowledged.');
    expect(del(['2-0', '3-0'], 3)).toBe('XDEL deleted 2-0 and 3-0 from s; 3 pending references to deleted entries stay (KEEPREF), drawn as ghosts until acknowledged.');
    expect(del(['2-0'], 0)).toBe('XDEL deleted 2-0 from s.');
  });

  it('a trim counts the references it left among the IDs it lists ("at least" when it removed more)', () => {
    const trim = (count: number, ids: string[], dangling: number) =>
      narrate({ type: 'entries-trimmed', db: 0, key: 's', cause: 'xtrim', count, ids, refs: 'keepref', dangling }, ctx(['XTRIM', 's', 'MAXLEN', '0']))?.text;
    expect(trim(1, ['1-0'], 0)).toBe('XTRIM trimmed 1 entry from the head of s.');
    expect(trim(2, ['1-0', '2-0'], 1)).toBe('XTRIM trimmed 2 entries from the head of s; 1 pending reference to a trimmed entry stays (KEEPREF), drawn as a ghost until acknowledged.');
    expect(trim(1500, ['1-0'], 1)).toMatch(/; at least 1 pending reference to a trimmed entry stays \(KEEPREF\)/);
    expect(trim(1500, ['1-0', '2-0'], 2)).toMatch(/; at least 2 pending references to trimmed entries stay \(KEEPREF\)/);
  });

  it('approximate trimming says ~ works on whole nodes', () => {
    const n = narrate(
      { type: 'entries-trimmed', db: 0, key: 's', cause: 'xadd', count: 100, ids: [], refs: 'keepref', dangling: 0 },
      ctx(['XADD', 's', 'MAXLEN', '~', '10', '*', 'f', 'v']),
    );
    expect(n?.text).toMatch(/^XADD trimmed 100 entries from the head of s \(~ trims whole nodes only/);
  });

  it('XNACK, blocking, wake-ups and plain XREAD each get a sentence', () => {
    expect(narrate({ type: 'nacked', ...g, mode: 'fail', entries: [{ id: '1-0', count: 1, from: 'alice' }] }, ctx())?.text).toBe(
      'XNACK (FAIL) gave 1-0 from alice back to group g: still pending, but unowned, so the next reader can take it.',
    );
    expect(narrate({ type: 'blocked', client: 3, db: 0, keys: ['s'], command: 'xread', deadline: null }, ctx())?.text).toBe(
      'reader is waiting with no timeout (BLOCK 0) for new entries on s: nothing was there to read yet.',
    );
    expect(narrate({ type: 'blocked', client: 3, db: 0, keys: ['jobs'], command: 'blpop', deadline: 5000 }, ctx())?.text).toBe(
      'reader is waiting until its timeout runs out in BLPOP on jobs: nothing was there to take yet.',
    );
    expect(narrate({ type: 'unblocked', client: 3, reason: 'served' }, ctx())?.text).toBe(
      'reader stopped waiting: new data arrived on a stream it was waiting on.',
    );
    expect(narrate({ type: 'read', db: 0, key: 's', client: 3, ids: ['1-0'] }, ctx())?.text).toBe(
      'reader read 1-0 from s with XREAD: no group, so nothing is tracked as pending.',
    );
  });

  it('stays quiet about clock ticks and the cursor move every > read makes', () => {
    expect(narrate({ type: 'clock-changed', now: 1 }, ctx())).toBeNull();
    expect(narrate({ type: 'group-cursor-moved', ...g, lastId: '1-0', entriesRead: 1, cause: 'read' }, ctx())).toBeNull();
  });

  it('lists IDs plainly and shortens long lists', () => {
    expect(listIds(['1-0'])).toBe('1-0');
    expect(listIds(['1-0', '2-0', '3-0'])).toBe('1-0, 2-0 and 3-0');
    expect(listIds(['1', '2', '3', '4', '5', '6'])).toBe('1, 2, 3, 4, … (6 entries)');
  });

  it('finds the min-idle-time in XCLAIM, XAUTOCLAIM and XREADGROUP CLAIM', () => {
    expect(minIdleOf(['xautoclaim', 's', 'g', 'bob', '500', '0'])).toBe('500');
    expect(minIdleOf(['XREADGROUP', 'GROUP', 'g', 'bob', 'CLAIM', '250', 'STREAMS', 's', '>'])).toBe('250');
    expect(minIdleOf(['XREADGROUP', 'GROUP', 'g', 'bob', 'STREAMS', 's', '>'])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { ACKED_KEPT, EMPTY_HISTORY, applyHistory, groupKey } from './history.ts';

const G = groupKey(0, 's', 'g');

describe('history: what the playground remembers and Redis does not', () => {
  it('keeps what each group acknowledged, newest last, with a total', () => {
    let h = applyHistory(EMPTY_HISTORY, [{ type: 'acked', db: 0, key: 's', group: 'g', ids: ['1-0', '2-0'], owners: ['a', 'a'] }]);
    h = applyHistory(h, [{ type: 'acked', db: 0, key: 's', group: 'g', ids: ['3-0'], owners: ['b'] }]);
    expect(h.acked[G]).toEqual({ db: 0, key: 's', group: 'g', ids: ['1-0', '2-0', '3-0'], total: 3 });
  });

  it('keeps only the newest acknowledged IDs but counts them all', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `${i + 1}-0`);
    const h = applyHistory(EMPTY_HISTORY, [{ type: 'acked', db: 0, key: 's', group: 'g', ids, owners: ids.map(() => 'a') }]);
    expect(h.acked[G].ids).toHaveLength(ACKED_KEPT);
    expect(h.acked[G].ids.at(-1)).toBe('30-0');
    expect(h.acked[G].total).toBe(30);
  });

  it('forgets a group when it is destroyed and a stream when its key goes', () => {
    let h = applyHistory(EMPTY_HISTORY, [
      { type: 'acked', db: 0, key: 's', group: 'g', ids: ['1-0'], owners: ['a'] },
      { type: 'acked', db: 0, key: 't', group: 'g', ids: ['1-0'], owners: ['a'] },
      { type: 'read', db: 0, key: 's', client: 4, ids: ['1-0'] },
    ]);
    h = applyHistory(h, [{ type: 'group-destroyed', db: 0, key: 't', group: 'g' }]);
    expect(Object.keys(h.acked)).toEqual([G]);
    h = applyHistory(h, [{ type: 'key-deleted', db: 0, key: 's', cause: 'del' }]);
    expect(h).toEqual(EMPTY_HISTORY);
  });

  it('tracks where each plain XREAD reader last read, per stream', () => {
    let h = applyHistory(EMPTY_HISTORY, [{ type: 'read', db: 0, key: 's', client: 4, ids: ['1-0', '2-0'] }]);
    h = applyHistory(h, [{ type: 'read', db: 0, key: 's', client: 4, ids: ['3-0'] }]);
    expect(h.readers).toEqual([{ client: 4, db: 0, key: 's', id: '3-0' }]);
    expect(applyHistory(h, [{ type: 'client-disconnected', client: 4 }]).readers).toEqual([]);
  });

  it('tells keys apart that share a prefix: deleting orders keeps orders:eu (keys often contain colons)', () => {
    let h = applyHistory(EMPTY_HISTORY, [
      { type: 'acked', db: 0, key: 'orders', group: 'g', ids: ['1-0'], owners: ['a'] },
      { type: 'acked', db: 0, key: 'orders:eu', group: 'g', ids: ['2-0'], owners: ['a'] },
      { type: 'acked', db: 0, key: 'orders', group: 'eu:g', ids: ['3-0'], owners: ['a'] },
      { type: 'read', db: 0, key: 'orders:eu', client: 4, ids: ['2-0'] },
    ]);
    h = applyHistory(h, [{ type: 'key-deleted', db: 0, key: 'orders', cause: 'del' }]);
    expect(Object.values(h.acked).map((a) => [a.key, a.group, a.ids])).toEqual([['orders:eu', 'g', ['2-0']]]);
    expect(h.readers).toHaveLength(1);
    h = applyHistory(h, [{ type: 'db-flushed', db: 1 }]);
    expect(Object.keys(h.acked)).toHaveLength(1);
    expect(applyHistory(h, [{ type: 'db-flushed', db: 'all' }])).toEqual(EMPTY_HISTORY);
  });

  it('moves a stream\'s history with RENAME, and leaves other keys and databases alone', () => {
    let h = applyHistory(EMPTY_HISTORY, [
      { type: 'acked', db: 0, key: 's', group: 'g', ids: ['1-0'], owners: ['a'] },
      { type: 'acked', db: 1, key: 's', group: 'g', ids: ['9-0'], owners: ['a'] },
      { type: 'read', db: 0, key: 's', client: 4, ids: ['1-0'] },
    ]);
    h = applyHistory(h, [{ type: 'key-renamed', db: 0, from: 's', to: 't' }]);
    expect(h.acked[groupKey(0, 't', 'g')]).toEqual({ db: 0, key: 't', group: 'g', ids: ['1-0'], total: 1 });
    expect(h.acked[groupKey(0, 's', 'g')]).toBeUndefined();
    expect(h.acked[groupKey(1, 's', 'g')]?.ids).toEqual(['9-0']);
    expect(h.readers).toEqual([{ client: 4, db: 0, key: 't', id: '1-0' }]);
  });

  it('returns the same object when nothing it remembers changed', () => {
    expect(applyHistory(EMPTY_HISTORY, [{ type: 'clock-changed', now: 1 }])).toBe(EMPTY_HISTORY);
  });
});

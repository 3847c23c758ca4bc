import { describe, expect, it } from 'vitest';
import { ACKED_KEPT, EMPTY_HISTORY, applyHistory } from './history.ts';

describe('history: what the playground remembers and Redis does not', () => {
  it('keeps what each group acknowledged, newest last, with a total', () => {
    let h = applyHistory(EMPTY_HISTORY, [{ type: 'acked', db: 0, key: 's', group: 'g', ids: ['1-0', '2-0'], owners: ['a', 'a'] }]);
    h = applyHistory(h, [{ type: 'acked', db: 0, key: 's', group: 'g', ids: ['3-0'], owners: ['b'] }]);
    expect(h.acked['0:s:g']).toEqual({ ids: ['1-0', '2-0', '3-0'], total: 3 });
  });

  it('keeps only the newest acknowledged IDs but counts them all', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `${i + 1}-0`);
    const h = applyHistory(EMPTY_HISTORY, [{ type: 'acked', db: 0, key: 's', group: 'g', ids, owners: ids.map(() => 'a') }]);
    expect(h.acked['0:s:g'].ids).toHaveLength(ACKED_KEPT);
    expect(h.acked['0:s:g'].ids.at(-1)).toBe('30-0');
    expect(h.acked['0:s:g'].total).toBe(30);
  });

  it('forgets a group when it is destroyed and a stream when its key goes', () => {
    let h = applyHistory(EMPTY_HISTORY, [
      { type: 'acked', db: 0, key: 's', group: 'g', ids: ['1-0'], owners: ['a'] },
      { type: 'acked', db: 0, key: 't', group: 'g', ids: ['1-0'], owners: ['a'] },
      { type: 'read', db: 0, key: 's', client: 4, ids: ['1-0'] },
    ]);
    h = applyHistory(h, [{ type: 'group-destroyed', db: 0, key: 't', group: 'g' }]);
    expect(Object.keys(h.acked)).toEqual(['0:s:g']);
    h = applyHistory(h, [{ type: 'key-deleted', db: 0, key: 's', cause: 'del' }]);
    expect(h).toEqual(EMPTY_HISTORY);
  });

  it('tracks where each plain XREAD reader last read, per stream', () => {
    let h = applyHistory(EMPTY_HISTORY, [{ type: 'read', db: 0, key: 's', client: 4, ids: ['1-0', '2-0'] }]);
    h = applyHistory(h, [{ type: 'read', db: 0, key: 's', client: 4, ids: ['3-0'] }]);
    expect(h.readers).toEqual([{ client: 4, db: 0, key: 's', id: '3-0' }]);
    expect(applyHistory(h, [{ type: 'client-disconnected', client: 4 }]).readers).toEqual([]);
  });

  it('returns the same object when nothing it remembers changed', () => {
    expect(applyHistory(EMPTY_HISTORY, [{ type: 'clock-changed', now: 1 }])).toBe(EMPTY_HISTORY);
  });
});

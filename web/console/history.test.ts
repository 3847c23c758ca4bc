import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushHistories, History, localStore } from './history.ts';

/** A localStorage stand-in that records every write. */
function fakeStorage() {
  const m = new Map<string, string>();
  const writes: [string, string][] = [];
  return {
    writes,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => {
      writes.push([k, v]);
      m.set(k, v);
    },
  };
}

describe('localStore: history saves off the typing path', () => {
  let storage: ReturnType<typeof fakeStorage>;
  beforeEach(() => {
    vi.useFakeTimers();
    storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('coalesces a burst of commands into one write of the newest history', () => {
    const h = new History(localStore(() => 'k', 500));
    for (let i = 0; i < 50; i++) h.add(`XADD s * n ${i}`);
    expect(storage.writes).toHaveLength(0);
    vi.advanceTimersByTime(500);
    expect(storage.writes).toHaveLength(1);
    expect(JSON.parse(storage.writes[0][1])).toHaveLength(50);
    expect(JSON.parse(storage.writes[0][1]).at(-1)).toBe('XADD s * n 49');
    // A later command starts a new round; nothing is written twice for one change.
    h.add('XLEN s');
    vi.advanceTimersByTime(10_000);
    expect(storage.writes).toHaveLength(2);
    expect(new History(localStore(() => 'k')).entries.at(-1)).toBe('XLEN s');
  });

  it('writes what is still waiting when the page goes away, under the key of that moment', () => {
    let name = 'producer';
    const h = new History(localStore(() => name, 500));
    h.add('PING');
    name = 'renamed';
    flushHistories();
    expect(storage.writes).toEqual([['renamed', '["PING"]']]);
    vi.advanceTimersByTime(1_000);
    expect(storage.writes).toHaveLength(1);
  });

  it('keeps working in memory when storage refuses the write', () => {
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } });
    const h = new History(localStore(() => 'k', 10));
    h.add('PING');
    expect(() => vi.advanceTimersByTime(20)).not.toThrow();
    expect(h.entries).toEqual(['PING']);
  });
});

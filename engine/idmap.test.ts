/** IdMap: the sorted PEL map keeps ID order through inserts, replacements, deletes and chunk splits. */
import { describe, expect, it } from 'vitest';
import { compareIds, formatId, type StreamId } from './ids.ts';
import { IdMap } from './idmap.ts';
import { randomInts } from './testing/prng.ts';

const id = (ms: number, seq = 0): StreamId => ({ ms, seq });
const ids = (m: IdMap<StreamId>): string[] => m.values().map(formatId);

describe('IdMap', () => {
  it('keeps items sorted whatever the insertion order', () => {
    const m = new IdMap<StreamId>();
    for (const x of [5, 1, 3, 2, 4]) m.set(id(x));
    expect(ids(m)).toEqual(['1-0', '2-0', '3-0', '4-0', '5-0']);
    expect(m.size).toBe(5);
    expect(formatId(m.first() as StreamId)).toBe('1-0');
    expect(formatId(m.last() as StreamId)).toBe('5-0');
  });

  it('replaces an item with the same ID instead of adding one', () => {
    const m = new IdMap<{ ms: number; seq: number; tag: string }>();
    m.set({ ms: 1, seq: 0, tag: 'a' });
    m.set({ ms: 1, seq: 0, tag: 'b' });
    expect(m.size).toBe(1);
    expect(m.get(id(1))?.tag).toBe('b');
  });

  it('deletes anywhere and reports what it removed', () => {
    const m = new IdMap<StreamId>();
    for (let i = 1; i <= 300; i++) m.set(id(i));
    expect(m.delete(id(150))).toEqual(id(150));
    expect(m.delete(id(150))).toBeUndefined();
    expect(m.has(id(150))).toBe(false);
    expect(m.size).toBe(299);
  });

  it('stays sorted across chunk splits with inserts in the middle', () => {
    const m = new IdMap<StreamId>();
    for (let i = 0; i < 1000; i += 2) m.set(id(i));
    for (let i = 999; i > 0; i -= 2) m.set(id(i));
    const all = m.values().map((x) => x.ms as number);
    expect(all).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('visits from a start ID, inclusive or exclusive, and stops on request', () => {
    const m = new IdMap<StreamId>();
    for (let i = 1; i <= 5; i++) m.set(id(i));
    const seen: string[] = [];
    m.forEachFrom(id(2), true, (x) => {
      seen.push(formatId(x));
      return seen.length < 2;
    });
    expect(seen).toEqual(['3-0', '4-0']);
    const from: string[] = [];
    m.forEachFrom(id(2, 5), false, (x) => void from.push(formatId(x)));
    expect(from).toEqual(['3-0', '4-0', '5-0']);
  });

  it('lets the visitor delete the item it is visiting', () => {
    const m = new IdMap<StreamId>();
    for (let i = 1; i <= 200; i++) m.set(id(i));
    m.forEachFrom(id(0), false, (x) => void m.delete(x));
    expect(m.size).toBe(0);
  });

  it('agrees with a sorted list through thousands of random sets, deletes and lookups (the chunk index stays true)', () => {
    for (const seed of [1, 2, 3]) {
      const r = randomInts(seed);
      const m = new IdMap<StreamId>();
      const model = new Map<string, StreamId>();
      // A narrow key range makes inserts land in the middle, split chunks and empty them again.
      const key = (): StreamId => id(r(3000), r(3));
      for (let op = 0; op < 20_000; op++) {
        const k = key();
        const roll = r(10);
        if (roll < 5) {
          m.set(k);
          model.set(formatId(k), k);
        } else if (roll < 8) {
          expect(m.delete(k) !== undefined, `delete ${formatId(k)} at op ${op} (seed ${seed})`).toBe(model.delete(formatId(k)));
        } else {
          expect(m.has(k), `has ${formatId(k)} at op ${op} (seed ${seed})`).toBe(model.has(formatId(k)));
        }
      }
      expect(ids(m)).toEqual([...model.values()].sort(compareIds).map(formatId));
      expect(m.size).toBe(model.size);
    }
  });

  it('finds 64-bit IDs too, before and after the first one arrives among plain ones', () => {
    const m = new IdMap<StreamId>();
    for (let i = 1; i <= 400; i++) m.set(id(i));
    const big: StreamId = { ms: 18446744073709551615n, seq: 18446744073709551615n };
    const mid: StreamId = { ms: 9007199254740993n, seq: 0 };
    m.set(big);
    m.set(mid);
    expect(m.has(big)).toBe(true);
    expect(m.has(mid)).toBe(true);
    expect(m.has(id(200))).toBe(true);
    expect(m.delete(id(200))).toEqual(id(200));
    expect(m.has(id(200))).toBe(false);
    expect(m.has(id(401))).toBe(false);
    expect(formatId(m.last() as StreamId)).toBe('18446744073709551615-18446744073709551615');
    expect(m.size).toBe(401);
  });
});

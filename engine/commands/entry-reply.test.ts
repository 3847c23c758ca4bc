/** The two entry-reply builders give the same replies (they differ only in where V8 allocates them). */
import { describe, expect, it } from 'vitest';
import { U64_MAX } from '../ids.ts';
import { Stream } from '../stream.ts';
import { SMALL_REPLY, entryBuilder, entryReply, largeEntryReply } from './entry-reply.ts';

function sampleStream(): Stream {
  const s = new Stream();
  s.append({ ms: 5, seq: 0 }, ['name', 'ada', 'city', 'london'], 100, 4096);
  s.append({ ms: 5, seq: 1 }, ['name', 'bob', 'city', 'paris'], 100, 4096); // SAMEFIELDS
  s.append({ ms: 6, seq: 0 }, ['other', '1'], 100, 4096); // its own fields
  s.append({ ms: U64_MAX, seq: 3n }, ['name', 'max', 'city', 'wide'], 100, 4096); // a 64-bit ID
  return s;
}

describe('entry replies', () => {
  it('both builders give [id, [field, value, ...]] for every kind of entry', () => {
    const s = sampleStream();
    const small: unknown[] = [];
    const large: unknown[] = [];
    const cur = s.cursor({ ms: 0, seq: 0 }, { ms: U64_MAX, seq: U64_MAX }, false);
    while (cur.next()) {
      small.push(entryReply(cur.node, cur.i));
      large.push(largeEntryReply(cur.node, cur.i));
    }
    const entry = (id: string, ...fv: string[]) => [id, fv];
    const expected = [
      entry('5-0', 'name', 'ada', 'city', 'london'),
      entry('5-1', 'name', 'bob', 'city', 'paris'),
      entry('6-0', 'other', '1'),
      entry('18446744073709551615-3', 'name', 'max', 'city', 'wide'),
    ];
    expect(small).toEqual(expected);
    expect(large).toEqual(expected);
  });

  it('small COUNTs use the small builder; unbounded and large ones the other', () => {
    expect(entryBuilder(1)).toBe(entryReply);
    expect(entryBuilder(SMALL_REPLY)).toBe(entryReply);
    expect(entryBuilder(SMALL_REPLY + 1)).toBe(largeEntryReply);
    expect(entryBuilder(0)).toBe(largeEntryReply);
  });
});

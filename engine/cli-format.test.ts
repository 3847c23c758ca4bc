import { describe, expect, it } from 'vitest';
import { binaryToUtf8, utf8ToBinary } from './index.ts';

/** The decoder binaryToUtf8 stands for: the bytes of a binary string, decoded as UTF-8 (bad bytes as U+FFFD). */
const decoded = (s: string): string => new TextDecoder().decode(Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff));

describe('binaryToUtf8: binary strings as text', () => {
  it('returns ASCII as it is and decodes the rest exactly as a UTF-8 decoder does', () => {
    expect(binaryToUtf8('XADD s * f v\r\n')).toBe('XADD s * f v\r\n');
    for (const bytes of [utf8ToBinary('café'), utf8ToBinary('naïve → 日本'), '\xff\xfe broken', 'ascii then \xc3\xa9', ''])
      expect(binaryToUtf8(bytes)).toBe(decoded(bytes));
    expect(binaryToUtf8(utf8ToBinary('café'))).toBe('café');
  });
});

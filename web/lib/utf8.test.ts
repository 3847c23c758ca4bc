import { describe, expect, it } from 'vitest';
import { binaryToUtf8, utf8ToBinary } from '../../engine/index.ts';
import { utf8 } from './utf8.ts';

describe('utf8: binary strings as text', () => {
  it('returns ASCII as it is and decodes the rest exactly as binaryToUtf8 does', () => {
    expect(utf8('XADD s * f v\r\n')).toBe('XADD s * f v\r\n');
    for (const bytes of [utf8ToBinary('café'), utf8ToBinary('naïve → 日本'), '\xff\xfe broken', '']) expect(utf8(bytes)).toBe(binaryToUtf8(bytes));
    expect(utf8(utf8ToBinary('café'))).toBe('café');
  });
});

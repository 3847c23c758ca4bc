/** ID parsing: the in-place fast path and the general parser agree with Redis's rules. */
import { describe, expect, it } from 'vitest';
import { U64_MAX, parseIdGeneric, parseStrictId } from './ids.ts';

describe('parseStrictId', () => {
  it('reads plain IDs (the fast path)', () => {
    expect(parseStrictId('0')).toEqual({ ms: 0, seq: 0 });
    expect(parseStrictId('5', U64_MAX)).toEqual({ ms: 5, seq: U64_MAX });
    expect(parseStrictId('5-3')).toEqual({ ms: 5, seq: 3 });
    expect(parseStrictId('007-01')).toEqual({ ms: 7, seq: 1 }); // strtoull takes leading zeros
    expect(parseStrictId('123456789012345-999999999999999')).toEqual({ ms: 123456789012345, seq: 999999999999999 });
  });
  it('hands longer numbers to the general parser, which keeps 64 bits', () => {
    expect(parseStrictId('1234567890123456-1')).toEqual({ ms: 1234567890123456, seq: 1 });
    expect(parseStrictId('18446744073709551615-18446744073709551615')).toEqual({ ms: U64_MAX, seq: U64_MAX });
    expect(parseStrictId('18446744073709551616-0')).toBeUndefined();
  });
  it('refuses what Redis refuses', () => {
    for (const s of ['', '-', '+', '5-', '-5', '5--1', '5-1 ', '5-x', 'abc', '5-*', '1.5']) expect(parseStrictId(s), s).toBeUndefined();
  });
  it('leaves `-`, `+` and `ms-*` to the general parser', () => {
    expect(parseIdGeneric('-', 0, false, false)?.id).toEqual({ ms: 0, seq: 0 });
    expect(parseIdGeneric('+', 0, false, false)?.id).toEqual({ ms: U64_MAX, seq: U64_MAX });
    expect(parseIdGeneric('5-*', 0, true, true)).toEqual({ id: { ms: 5, seq: 0 }, seqGiven: false });
  });
});

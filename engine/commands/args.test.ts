/** Integer arguments follow string2ll exactly, on the fast path for short decimals as on the general one. */
import { describe, expect, it } from 'vitest';
import { parseSafeInt } from './args.ts';

describe('parseSafeInt', () => {
  it('accepts canonical decimals, short and long', () => {
    expect(parseSafeInt('0')).toBe(0);
    expect(parseSafeInt('10')).toBe(10);
    expect(parseSafeInt('999999999999999')).toBe(999999999999999); // 15 digits: the fast path
    expect(parseSafeInt('1234567890123456')).toBe(1234567890123456); // 16 digits: the general path
    expect(parseSafeInt('-42')).toBe(-42);
  });
  it('rejects what string2ll rejects', () => {
    for (const s of ['', '01', '+1', ' 1', '1 ', '1.0', '-0', '-', 'abc', '1e3', '99999999999999999999']) {
      expect(parseSafeInt(s), s).toBeUndefined();
    }
  });
  it('clamps int64 values beyond the safe range', () => {
    expect(parseSafeInt('9223372036854775807')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseSafeInt('-9223372036854775808')).toBe(Number.MIN_SAFE_INTEGER);
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_REPEAT, askedRepeat, overRepeatCap, repeatCapNote, withRepeat } from './repeat.ts';

describe('repeat counts', () => {
  it('runs a line without a count once, as typed', () => {
    expect(withRepeat(['XLEN', 's'])).toEqual([['XLEN', 's']]);
    // A lone number is a command name (unknown), not a count.
    expect(withRepeat(['3'])).toEqual([['3']]);
    expect(withRepeat(['1'])).toEqual([['1']]);
    expect(withRepeat(['0', 'XLEN', 's'])).toEqual([['0', 'XLEN', 's']]);
    expect(withRepeat(['03', 'XLEN', 's'])).toEqual([['03', 'XLEN', 's']]);
  });

  it('runs `N cmd` N times, and `1 cmd` once without the count', () => {
    expect(withRepeat(['3', 'RPUSH', 'l', 'x'])).toEqual([
      ['RPUSH', 'l', 'x'],
      ['RPUSH', 'l', 'x'],
      ['RPUSH', 'l', 'x'],
    ]);
    expect(withRepeat(['1', 'XLEN', 's'])).toEqual([['XLEN', 's']]);
  });

  it('caps the count and says so only past the cap', () => {
    expect(withRepeat(['100000', 'XADD', 's', '*', 'f', 'v'])).toHaveLength(MAX_REPEAT);
    expect(askedRepeat(['100000', 'XLEN', 's'])).toBe(100_000);
    expect(repeatCapNote(['10000', 'XLEN', 's'])).toBe('');
    expect([overRepeatCap(['10000', 'XLEN', 's']), overRepeatCap(['10001', 'XLEN', 's'])]).toEqual([false, true]);
    expect(repeatCapNote(['100000', 'XLEN', 's'])).toBe('Ran it 10,000 times: a repeat count runs at most 10,000 times here (asked: 100,000).');
    expect(repeatCapNote(['9'.repeat(400), 'XLEN', 's'])).toContain('(asked: more)');
  });
});

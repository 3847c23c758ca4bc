import { describe, expect, it } from 'vitest';
import { arg, formatIdle, inspectCommand, shortId } from './inspect.ts';

describe('inspect commands shown on hover and focus', () => {
  it('names the command that shows each thing', () => {
    expect(inspectCommand({ kind: 'consumer', key: 's', group: 'g', consumer: 'alice' })).toBe('XPENDING s g - + 10 alice');
    expect(inspectCommand({ kind: 'token', key: 's', group: 'g', id: '1-0' })).toBe('XPENDING s g 1-0 1-0 1');
    expect(inspectCommand({ kind: 'entry', key: 's', id: '5-0' })).toBe('XRANGE s 5-0 5-0');
    expect(inspectCommand({ kind: 'group', key: 's', group: 'g' })).toBe('XINFO GROUPS s');
    expect(inspectCommand({ kind: 'stream', key: 's' })).toBe('XINFO STREAM s');
  });

  it('quotes names the console would split or misread', () => {
    expect(arg('my stream')).toBe('"my stream"');
    expect(arg('a"b')).toBe('"a\\"b"');
    expect(arg('')).toBe('""');
    expect(arg('orders:eu')).toBe('orders:eu');
  });

  it('shortens long IDs and formats idle times', () => {
    expect(shortId('1700000000123-4')).toBe('…000123-4');
    expect(shortId('5-0')).toBe('5-0');
    expect(formatIdle(850)).toBe('850 ms');
    expect(formatIdle(1234)).toBe('1.2 s');
    expect(formatIdle(65_000)).toBe('1 min 05 s');
    expect(formatIdle(7_380_000)).toBe('2 h 03 min');
  });
});

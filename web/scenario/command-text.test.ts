/** Recorded commands are stored as typed lines; splitting them again must give back the exact argv. */
import { describe, expect, it } from 'vitest';
import { splitArgs, utf8ToBinary } from '../../engine/index.ts';
import { argvToLine } from './command-text.ts';
import { randomInts } from '../../engine/testing/prng.ts';

const back = (line: string) => splitArgs(utf8ToBinary(line));

describe('argvToLine', () => {
  it('keeps plain words plain and UTF-8 readable', () => {
    expect(argvToLine(['XADD', 's', '*', 'name', utf8ToBinary('Zoë')])).toBe('XADD s * name Zoë');
  });

  it('quotes what splitting would change: spaces, quotes, empty, control bytes, invalid UTF-8', () => {
    const argvs = [['SET', 'a b', ''], ['SET', 'it\'s', 'say "hi"'], ['SET', 'x', '\n\t\\'], ['SET', 'k', '\xff\xfe'], ['SET', 'k', 'a"b']];
    for (const argv of argvs) expect(back(argvToLine(argv))).toEqual(argv);
  });

  it('round-trips random byte strings', () => {
    const rnd = randomInts(3);
    for (let i = 0; i < 2000; i++) {
      const argv = Array.from({ length: 1 + rnd(4) }, () => Array.from({ length: rnd(6) }, () => String.fromCharCode(rnd(256))).join(''));
      expect(back(argvToLine(argv))).toEqual(argv);
    }
  });
});

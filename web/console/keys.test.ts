import { describe, expect, it } from 'vitest';
import { parseKeys } from './keys.ts';

describe('parseKeys', () => {
  it('turns escape sequences and control characters into keys', () => {
    expect(parseKeys('\x1b[A\x1b[D\x01\x05\x15\x0b\x17\x1bb\x1bf\x12\x03\t').map((k) => k.k)).toEqual([
      'up', 'left', 'home', 'end', 'kill-line', 'kill-end', 'kill-word', 'word-left', 'word-right', 'reverse-search', 'interrupt', 'tab',
    ]);
  });

  it('keeps runs of text together and makes every pasted line break an Enter', () => {
    expect(parseKeys('PING\r\nECHO "a b"\nXLEN s\r')).toEqual([
      { k: 'text', s: 'PING' },
      { k: 'enter' },
      { k: 'text', s: 'ECHO "a b"' },
      { k: 'enter' },
      { k: 'text', s: 'XLEN s' },
      { k: 'enter' },
    ]);
  });
});

/** The request parser on its own: Redis's framing rules, independent of how bytes are split into chunks. */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { argString } from './arg-strings.ts';
import { RequestParser, string2ll, type Request } from './request-parser.ts';
import { randomInts } from '../engine/testing/prng.ts';

/** Feed `input` in pieces of `size` bytes and collect every request until the parser wants more. */
function parse(input: string, size = input.length || 1): Request[] {
  const p = new RequestParser();
  const bytes = Buffer.from(input, 'latin1');
  const out: Request[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    p.feed(bytes.subarray(i, i + size));
    for (let r = p.next(); r !== null; r = p.next()) {
      out.push(r);
      if (!Array.isArray(r)) return out;
    }
  }
  return out;
}

describe('string2ll', () => {
  const n = (s: string) => string2ll(Buffer.from(s), 0, s.length);
  it('reads plain and negative integers', () => {
    expect([n('0'), n('7'), n('-3'), n('1048576')]).toEqual([0, 7, -3, 1048576]);
  });
  it('refuses what Redis refuses: signs, leading zeros, spaces, empty, 21+ bytes', () => {
    for (const s of ['', '+1', '01', '-0', ' 1', '1 ', '-', '1x', '123456789012345678901', '99999999999999999999']) {
      expect(n(s), s).toBeUndefined();
    }
  });
});

describe('RequestParser', () => {
  it('reads multibulk frames, pipelined, whatever the chunk size', () => {
    const input = '*1\r\n$4\r\nPING\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$4\r\na\r\nb\r\n*2\r\n$4\r\nECHO\r\n$0\r\n\r\n';
    const want = [['PING'], ['SET', 'k', 'a\r\nb'], ['ECHO', '']];
    for (let size = 1; size <= input.length; size++) expect(parse(input, size), `chunks of ${size}`).toEqual(want);
  });

  it('reads inline commands with quotes, LF-only lines and empty lines', () => {
    const input = 'PING\r\n\r\nECHO "a b\\x41" \'c d\'\n   \r\nSET k v\r\n';
    const want = [['PING'], [], ['ECHO', 'a bA', 'c d'], [], ['SET', 'k', 'v']];
    for (let size = 1; size <= input.length; size++) expect(parse(input, size), `chunks of ${size}`).toEqual(want);
  });

  it('keeps bytes as latin1 binary strings', () => {
    expect(parse('*1\r\n$3\r\n\xff\x00\x80\r\n')).toEqual([['\xff\x00\x80']]);
  });

  it('treats *0 and negative counts as empty requests', () => {
    expect(parse('*0\r\n*-5\r\n*1\r\n$4\r\nPING\r\n')).toEqual([[], [], ['PING']]);
  });

  it('skips the two bytes after a count line and after a payload without checking them', () => {
    expect(parse('*1\rX$4\r\nPINGxx*1\r\n$4\r\nPING\r\n')).toEqual([['PING'], ['PING']]);
  });

  it('waits when a NUL comes before the line end, as strchr does', () => {
    expect(parse('PI\0NG\r\n')).toEqual([]);
    expect(parse('*1\0\r\n')).toEqual([]);
  });

  it('reports protocol errors with Redis texts', () => {
    const cases: [string, string][] = [
      ['*2147483648\r\n', 'invalid multibulk length'],
      ['*+1\r\n', 'invalid multibulk length'],
      ['*01\r\n', 'invalid multibulk length'],
      ['*\r\n', 'invalid multibulk length'],
      ['*1\r\n$536870913\r\n', 'invalid bulk length'],
      ['*1\r\n$-1\r\n', 'invalid bulk length'],
      ['*1\r\n$\r\n', 'invalid bulk length'],
      ['*1\r\nx\r\n', "expected '$', got 'x'"],
      ['*1\r\n\r\n', "expected '$', got ' '"],
      ['PING "a\r\n', 'unbalanced quotes in request'],
      [`PING ${'x'.repeat(65536)}`, 'too big inline request'],
      [`*${'1'.repeat(65536)}`, 'too big mbulk count string'],
      [`*1\r\n$${'1'.repeat(65536)}`, 'too big bulk count string'],
    ];
    for (const [input, text] of cases) expect(parse(input).at(-1), JSON.stringify(input.slice(0, 30))).toEqual({ protocolError: text });
  });

  it('accepts the largest lengths without allocating for them', () => {
    const p = new RequestParser();
    p.feed(Buffer.from('*2147483647\r\n$536870912\r\nabc', 'latin1'));
    expect(p.next()).toBeNull();
    expect(p.buffered).toBe(3);
  });

  it('assembles a big bulk from many chunks', () => {
    const p = new RequestParser();
    const payload = 'x'.repeat(1_000_000);
    const input = Buffer.from(`*2\r\n$4\r\nECHO\r\n$${payload.length}\r\n${payload}\r\n`, 'latin1');
    for (let i = 0; i < input.length; i += 1000) {
      p.feed(input.subarray(i, i + 1000));
      const r = p.next();
      if (i + 1000 < input.length) expect(r).toBeNull();
      else expect(r).toEqual(['ECHO', payload]);
    }
  });

  it('reads header lines of every length the same way, whole or split', () => {
    const bulk = (len: number) => `$${len}\r\n${'a'.repeat(len)}\r\n`;
    const input = `*3\r\n${bulk(0)}${bulk(9)}${bulk(10)}*1\r\n${bulk(123)}*10\r\n${bulk(1).repeat(10)}`;
    const want = [['', 'a'.repeat(9), 'a'.repeat(10)], ['a'.repeat(123)], Array.from({ length: 10 }, () => 'a')];
    for (let size = 1; size <= input.length; size++) expect(parse(input, size), `chunks of ${size}`).toEqual(want);
  });

  it('refuses lengths the fast path must not take: leading zeros, 10+ digits past the limit, signs', () => {
    const cases: [string, Request][] = [
      ['*1\r\n$00\r\n\r\n', { protocolError: 'invalid bulk length' }],
      ['*1\r\n$01\r\na\r\n', { protocolError: 'invalid bulk length' }],
      ['*1\r\n$+1\r\na\r\n', { protocolError: 'invalid bulk length' }],
      ['*1\r\n$1 \r\na\r\n', { protocolError: 'invalid bulk length' }],
      ['*1\r\n$1000000000\r\n', { protocolError: 'invalid bulk length' }],
      ['*00\r\n', { protocolError: 'invalid multibulk length' }],
      ['*1 \r\n', { protocolError: 'invalid multibulk length' }],
    ];
    for (const [input, err] of cases) expect(parse(input).at(-1), JSON.stringify(input)).toEqual(err);
    // A NUL before the CR: not a line yet, as strchr sees it.
    expect(parse('*1\r\n$5\0\r\n')).toEqual([]);
  });

  it('honours proto-max-bulk-len on the fast path', () => {
    const p = new RequestParser();
    p.maxBulkLen = 3;
    p.feed(Buffer.from('*1\r\n$3\r\nabc\r\n*1\r\n$4\r\nabcd\r\n', 'latin1'));
    expect(p.next()).toEqual(['abc']);
    expect(p.next()).toEqual({ protocolError: 'invalid bulk length' });
  });
});

describe('RequestParser with transient chunks (one read buffer reused for every read)', () => {
  /**
   * Feed `input` through one reused buffer, `size` bytes per read, reading requests after each read as the server
   * does (stopping after `perRead` of them, as a blocked or paused client does), then detach and scribble over it.
   */
  function parseTransient(input: string, size: number, perRead = Infinity): Request[] {
    const p = new RequestParser();
    const bytes = Buffer.from(input, 'latin1');
    const shared = Buffer.alloc(size);
    const out: Request[] = [];
    const take = (limit: number) => {
      for (let n = 0; n < limit; n++) {
        const r = p.next();
        if (r === null) return;
        out.push(r);
      }
    };
    for (let i = 0; i < bytes.length; i += size) {
      const n = bytes.copy(shared, 0, i, i + size);
      p.feed(shared.subarray(0, n), true);
      take(perRead);
      p.detach();
      shared.fill(0x58); // 'X': what the next read would leave there
    }
    take(Infinity);
    return out;
  }

  const input = '*1\r\n$4\r\nPING\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$4\r\na\r\nb\r\nINLINE "x y"\r\n*2\r\n$4\r\nECHO\r\n$0\r\n\r\n';
  const want = [['PING'], ['SET', 'k', 'a\r\nb'], ['INLINE', 'x y'], ['ECHO', '']];

  it('keeps the bytes it has not parsed when the buffer is reused, whatever the read size', () => {
    for (let size = 1; size <= input.length; size++) expect(parseTransient(input, size), `reads of ${size}`).toEqual(want);
  });

  it('keeps whole requests left unread (a blocked or paused client) across reads', () => {
    for (const size of [1, 7, 20, input.length]) {
      for (const perRead of [0, 1]) expect(parseTransient(input, size, perRead), `reads of ${size}, ${perRead} per read`).toEqual(want);
    }
  });

  it('copies each byte of a big bulk at most once', () => {
    const payload = 'v'.repeat(300_000);
    const big = `*2\r\n$4\r\nECHO\r\n$${payload.length}\r\n${payload}\r\n`;
    const p = new RequestParser();
    const shared = Buffer.alloc(4096);
    const bytes = Buffer.from(big, 'latin1');
    let copied = 0;
    const from = Buffer.from;
    const spy = (...args: Parameters<typeof Buffer.from>) => {
      const b = (from as (...a: unknown[]) => Buffer).apply(Buffer, args);
      copied += b.length;
      return b;
    };
    Buffer.from = spy as typeof Buffer.from;
    let got: Request | null = null;
    try {
      for (let i = 0; i < bytes.length; i += shared.length) {
        const n = bytes.copy(shared, 0, i, i + shared.length);
        p.feed(shared.subarray(0, n), true);
        got = p.next() ?? got;
        p.detach();
      }
    } finally {
      Buffer.from = from;
    }
    expect(got).toEqual(['ECHO', payload]);
    expect(copied).toBeLessThanOrEqual(bytes.length);
  });
});

describe('argString', () => {
  it('gives the latin1 string of the bytes, whatever collides in its table of recent short arguments', () => {
    const rand = randomInts(3);
    const bytes = Buffer.alloc(64);
    for (let i = 0; i < 50_000; i++) {
      const len = rand(40);
      // Few distinct values so they repeat, over all byte values so they collide in the table.
      for (let j = 0; j < len; j++) bytes[j] = rand(j < 2 ? 256 : 3);
      const want = bytes.toString('latin1', 0, len);
      const got = argString(bytes, 0, len);
      expect(got).toBe(want);
    }
    expect(argString(Buffer.from('xXADD', 'latin1'), 1, 4)).toBe('XADD');
    expect(argString(Buffer.from('XADD', 'latin1'), 1, 0)).toBe('');
  });
});

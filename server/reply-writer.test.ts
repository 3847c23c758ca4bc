/** The reply writer: the same bytes as the engine's `encode()`, and bytes a socket still holds are never overwritten. */
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { encode, type Reply } from '../engine/index.ts';
import { ReplyWriter, type ByteSink } from './reply-writer.ts';
import { prng } from '../engine/testing/prng.ts';

/** A socket stand-in: while `stuck`, the "kernel" takes nothing and writes queue by reference, as in a real socket. */
class Sink implements ByteSink {
  writableLength = 0;
  stuck = false;
  /** What each write handed over, as the socket sees it (not copied: a later overwrite would show). */
  readonly views: Uint8Array[] = [];
  write(chunk: Uint8Array | string): boolean {
    if (typeof chunk === 'string') throw new Error('the writer writes bytes');
    this.views.push(chunk);
    if (this.stuck) this.writableLength += chunk.length;
    return !this.stuck;
  }
  drain(): void {
    this.stuck = false;
    this.writableLength = 0;
  }
  /** Everything written, copied now. */
  bytes(): string {
    return Buffer.concat(this.views).toString('latin1');
  }
}

function written(replies: readonly Reply[], resp: 2 | 3): string {
  const w = new ReplyWriter();
  const sink = new Sink();
  for (const r of replies) w.reply(r, resp);
  w.flushTo(sink);
  expect(w.pending).toBe(0);
  return sink.bytes();
}

const expected = (replies: readonly Reply[], resp: 2 | 3) => replies.map((r) => encode(r, resp)).join('');

/** A random reply of every kind, nested, with strings of any bytes and lengths around the writer's thresholds. */
function randomReply(rand: () => number, depth = 0): Reply {
  const pick = (n: number) => Math.floor(rand() * n);
  const str = (): string => {
    const len = [0, 1, 5, 23, 24, 25, 200, 70_000][pick(8)];
    let s = '';
    for (let i = 0; i < len; i++) s += String.fromCharCode(pick(256));
    return s;
  };
  const ints = [0, -0, 1, -1, 9, 10, 99, 100, 12345, -987654321, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 60, 1.5, 2n ** 64n, -(2n ** 63n)];
  switch (pick(depth > 2 ? 10 : 13)) {
    case 0:
      return { t: 'status', v: 'OK' };
    case 1:
      return { t: 'error', v: 'ERR something went wrong' };
    case 2:
      return { t: 'int', v: ints[pick(ints.length)] };
    case 3:
    case 4:
      return str();
    case 5:
      return { t: 'null' };
    case 6:
      return { t: 'nullarray' };
    case 7:
      return { t: 'double', v: [0, 1.5, -2.25, 1e300, Infinity, -Infinity, NaN][pick(7)] };
    case 8:
      return { t: 'bool', v: rand() < 0.5 };
    case 9:
      return { t: 'verbatim', format: 'txt', v: str() };
    case 10:
      return Array.from({ length: pick(5) }, () => randomReply(rand, depth + 1));
    case 11:
      return { t: 'set', v: Array.from({ length: pick(5) }, () => randomReply(rand, depth + 1)) };
    default:
      return { t: 'map', v: Array.from({ length: pick(4) }, () => [randomReply(rand, depth + 1), randomReply(rand, depth + 1)] as const) };
  }
}

describe('ReplyWriter', () => {
  it('writes exactly what encode() produces, RESP2 and RESP3, for every kind of reply', () => {
    const rand = prng(7);
    for (let i = 0; i < 300; i++) {
      const batch = Array.from({ length: 1 + Math.floor(rand() * 8) }, () => randomReply(rand));
      for (const resp of [2, 3] as const) expect(written(batch, resp) === expected(batch, resp), `batch ${i}, RESP${resp}`).toBe(true);
    }
  });

  it('reuses its bytes once the socket took them, and never overwrites bytes a socket still holds', () => {
    const w = new ReplyWriter();
    const sink = new Sink();
    const send = (v: string) => {
      w.reply(v, 2);
      w.flushTo(sink);
    };
    send('first'); // taken at once: its bytes are reused
    sink.stuck = true;
    send('second'); // queued by reference: its bytes must stay
    send('third!'); // the socket is backed up: it gets a copy
    sink.drain();
    send('fourth');
    send('fifth!');
    const seen = sink.views.map((v) => Buffer.from(v).toString('latin1'));
    expect(seen.slice(1)).toEqual(['$6\r\nsecond\r\n', '$6\r\nthird!\r\n', '$6\r\nfifth!\r\n', '$6\r\nfifth!\r\n']);
  });

  it('grows for big batches and goes back to its usual size after them', () => {
    const w = new ReplyWriter();
    const big = 'x'.repeat(3 * 1024 * 1024);
    const replies: Reply[] = [{ t: 'int', v: 1 }, big, [big]];
    const sink = new Sink();
    for (const r of replies) w.reply(r, 2);
    w.flushTo(sink);
    w.reply({ t: 'status', v: 'OK' }, 2);
    w.flushTo(sink);
    expect(sink.bytes() === expected(replies, 2) + '+OK\r\n').toBe(true);
  });

  it('drops a batch whose connection went away', () => {
    const w = new ReplyWriter();
    w.raw('-ERR Protocol error: invalid bulk length\r\n');
    w.discard();
    expect(w.pending).toBe(0);
    expect(written([{ t: 'int', v: 42 }], 2)).toBe(':42\r\n');
  });
});

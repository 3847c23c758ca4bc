/**
 * Replies written straight into bytes. RESP encoding of the engine's reply model into one output buffer, byte for
 * byte what the engine's `encode()` produces: the common reply types are written here without building strings, the
 * rare ones (doubles, booleans, verbatim strings) go through `encode()`.
 *
 * One writer serves the whole server: a connection writes its batch of replies, then hands exactly those bytes to
 * its socket. When the kernel took them all at once (the usual case), the socket holds no reference to them and the
 * same bytes are reused for the next batch. When it did not (its send buffer is full), they stay untouched until the
 * buffer is replaced and the next batch goes after them; while a socket is backed up it gets copies instead, so a
 * slow reader pins at most one buffer.
 */
import { Buffer } from 'node:buffer';
import type { Socket } from 'node:net';
import { encode, isArrayReply, type Reply } from '../engine/index.ts';

/** The buffer's usual size. */
const SLAB = 64 * 1024;
/** A buffer grown past this for a big batch is let go after its flush, so one huge reply does not pin memory. */
const KEEP_MAX = 1024 * 1024;
/** Strings this short are copied by a JS loop; longer ones by one native call. */
const LOOP_MAX = 24;
/** Room for a type byte, a 64-bit integer and CRLF. */
const HEADER_MAX = 24;

const CR = 13;
const LF = 10;

/** What the writer needs of a socket. */
export type ByteSink = Pick<Socket, 'write' | 'writableLength'>;

export class ReplyWriter {
  private buf: Buffer = Buffer.allocUnsafeSlow(SLAB);
  /** Bytes before `start` belong to sockets that have not written them yet; [start, pos) is the batch being built. */
  private start = 0;
  private pos = 0;

  /** Bytes written since the last flush. */
  get pending(): number {
    return this.pos - this.start;
  }

  /** Append one reply in the given protocol version. */
  reply(r: Reply, resp: 2 | 3): void {
    if (typeof r === 'string') {
      this.bulk(r);
      return;
    }
    if (isArrayReply(r)) {
      this.items(0x2a /* * */, r, resp);
      return;
    }
    switch (r.t) {
      case 'status':
        this.line(0x2b /* + */, r.v);
        return;
      case 'error':
        this.line(0x2d /* - */, r.v);
        return;
      case 'int':
        if (typeof r.v === 'number' && Number.isSafeInteger(r.v)) this.header(0x3a /* : */, r.v);
        else this.line(0x3a, String(r.v));
        return;
      case 'null':
        this.raw(resp === 3 ? '_\r\n' : '$-1\r\n');
        return;
      case 'nullarray':
        this.raw(resp === 3 ? '_\r\n' : '*-1\r\n');
        return;
      case 'set':
        this.items(resp === 3 ? 0x7e /* ~ */ : 0x2a /* * */, r.v, resp);
        return;
      case 'map': {
        const pairs = r.v;
        if (resp === 3) this.header(0x25 /* % */, pairs.length);
        else this.header(0x2a, pairs.length * 2);
        for (let i = 0; i < pairs.length; i++) {
          this.reply(pairs[i][0], resp);
          this.reply(pairs[i][1], resp);
        }
        return;
      }
      default:
        this.raw(encode(r, resp));
    }
  }

  /** Append bytes given as a binary string. */
  raw(s: string): void {
    this.reserve(s.length);
    this.pos = this.copy(s, this.pos);
  }

  /** Hand the batch to `socket` in one write. */
  flushTo(socket: ByteSink): void {
    if (this.pos === this.start) return;
    const batch = this.buf.subarray(this.start, this.pos);
    if (socket.writableLength > 0) {
      // The socket is backed up, so it will queue this write: give it a copy and keep using these bytes.
      socket.write(Buffer.from(batch));
      this.pos = this.start;
    } else {
      socket.write(batch);
      // Unless the kernel took it all at once, the socket queued the batch by reference (writableLength counts
      // it): those bytes stay as they are, and the next batch goes after them.
      if (socket.writableLength === 0) this.pos = this.start;
      else this.start = this.pos;
    }
    if (this.buf.length > KEEP_MAX) this.replace(SLAB);
  }

  /** Forget the batch (its connection closed). */
  discard(): void {
    this.pos = this.start;
  }

  /** `prefix` `s` CRLF. */
  private line(prefix: number, s: string): void {
    this.reserve(s.length + 3);
    const buf = this.buf;
    buf[this.pos] = prefix;
    const at = this.copy(s, this.pos + 1);
    buf[at] = CR;
    buf[at + 1] = LF;
    this.pos = at + 2;
  }

  /** `$` length CRLF `s` CRLF. */
  private bulk(s: string): void {
    const len = s.length;
    this.reserve(len + HEADER_MAX + 2);
    this.header(0x24 /* $ */, len);
    const buf = this.buf;
    const at = this.copy(s, this.pos);
    buf[at] = CR;
    buf[at + 1] = LF;
    this.pos = at + 2;
  }

  /** An array or a set: its header (`*` or `~`) and then each element. */
  private items(prefix: number, items: readonly Reply[], resp: 2 | 3): void {
    this.header(prefix, items.length);
    for (let i = 0; i < items.length; i++) this.reply(items[i], resp);
  }

  /** `prefix` n CRLF, for a safe integer n. */
  private header(prefix: number, n: number): void {
    this.reserve(HEADER_MAX);
    const buf = this.buf;
    let at = this.pos;
    buf[at++] = prefix;
    if (n < 0) {
      buf[at++] = 0x2d;
      n = -n;
    }
    if (n < 10) {
      buf[at++] = 0x30 + n;
    } else {
      let digits = 1;
      for (let t = n; t >= 10; t = Math.floor(t / 10)) digits++;
      at += digits;
      for (let i = at - 1; n > 0; i--) {
        const q = Math.floor(n / 10);
        buf[i] = 0x30 + (n - q * 10);
        n = q;
      }
    }
    buf[at] = CR;
    buf[at + 1] = LF;
    this.pos = at + 2;
  }

  /** Copy the binary string `s` to `at` (room already reserved); returns the offset after it. */
  private copy(s: string, at: number): number {
    const len = s.length;
    const buf = this.buf;
    if (len <= LOOP_MAX) {
      for (let i = 0; i < len; i++) buf[at + i] = s.charCodeAt(i);
    } else {
      buf.write(s, at, len, 'latin1');
    }
    return at + len;
  }

  /** Make room for `n` more bytes after `pos`. */
  private reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const batch = this.pos - this.start;
    this.replace(Math.max(SLAB, 2 * (batch + n)));
  }

  /** Move the batch being built to a new buffer of `size` bytes; the old one stays with the sockets using it. */
  private replace(size: number): void {
    const next = Buffer.allocUnsafeSlow(size);
    this.buf.copy(next, 0, this.start, this.pos);
    this.pos -= this.start;
    this.start = 0;
    this.buf = next;
  }
}

/**
 * Incremental request parser: RESP multibulk frames and inline commands, exactly as Redis's processInputBuffer,
 * processMultibulkBuffer and processInlineBuffer (src/networking.c) read them, including their quirks:
 * header lines are found with strchr(), so a NUL byte before the terminator means "no line yet"; the two bytes after a
 * count line's `\r` and after a bulk's payload are skipped without being checked; `*0` and negative counts are empty
 * requests; an inline line is split with sdssplitargs, which stops at the first NUL.
 *
 * Arguments become binary strings (one char per byte, latin1), the engine's representation. Lengths are validated
 * before anything is allocated: a bulk length above proto-max-bulk-len or a count above INT_MAX is a protocol error,
 * and payload bytes are only copied once the whole bulk has arrived.
 */
import { Buffer } from 'node:buffer';
import { splitArgs } from '../engine/index.ts';

/** PROTO_INLINE_MAX_SIZE: the longest inline request, and the longest count line, Redis waits for. */
export const INLINE_MAX = 64 * 1024;
/** proto-max-bulk-len's default (512 MB). */
export const MAX_BULK_LEN = 512 * 1024 * 1024;
/** processMultibulkBuffer refuses counts above INT_MAX (Redis 7.0+; older servers used 1024*1024). */
export const MAX_MULTIBULK = 2 ** 31 - 1;

/** A protocol error: the text after `-ERR `; Redis sends it and closes the connection. */
export interface ProtocolError {
  readonly protocolError: string;
}

/** One parsed request: an argv (possibly empty: Redis ignores empty requests), or a protocol error. */
export type Request = string[] | ProtocolError;

const CR = 13;
const LF = 10;

export class RequestParser {
  /** proto-max-bulk-len: the connection keeps it in step with CONFIG SET. */
  maxBulkLen = MAX_BULK_LEN;
  /** The contiguous buffer being parsed, from `pos`. */
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  /** Chunks received since `buf` was last consolidated (not copied until they are needed). */
  private extra: Buffer[] = [];
  private extraLen = 0;
  /** Bytes (from `pos`) needed before parsing can make progress; avoids re-scanning and re-copying. */
  private need = 1;
  /** 0 = between requests, 1 = inline, 2 = multibulk (Redis's reqtype). */
  private reqType = 0;
  /** Arguments still to read in the current multibulk request (Redis's multibulklen). */
  private argsLeft = 0;
  /** Length of the bulk being read, -1 while its `$` line is still awaited. */
  private bulkLen = -1;
  private argv: string[] = [];
  /** Payload bytes held by `argv` of the request in progress (Redis's argv_len_sum). */
  private argvBytes = 0;

  /** Bytes received and not yet turned into a request, plus the arguments of the request in progress. */
  get buffered(): number {
    return this.buf.length - this.pos + this.extraLen + this.argvBytes;
  }

  feed(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.pos >= this.buf.length && this.extra.length === 0) {
      this.buf = chunk;
      this.pos = 0;
    } else {
      this.extra.push(chunk);
      this.extraLen += chunk.length;
    }
  }

  /** The next complete request, or null when more bytes are needed. After a protocol error, stop calling. */
  next(): Request | null {
    if (this.buf.length - this.pos + this.extraLen < this.need) return null;
    if (this.extra.length > 0) {
      this.buf = Buffer.concat([this.buf.subarray(this.pos), ...this.extra]);
      this.pos = 0;
      this.extra = [];
      this.extraLen = 0;
    }
    this.need = 1;
    if (this.pos >= this.buf.length) return null;
    if (this.reqType === 0) this.reqType = this.buf[this.pos] === 0x2a /* '*' */ ? 2 : 1;
    return this.reqType === 1 ? this.inline() : this.multibulk();
  }

  /** Wait until at least `n` bytes past `pos` are available. */
  private waitFor(n: number): null {
    this.need = n;
    return null;
  }

  /** The index of `byte` at or after `from`, or -1 if absent or after a NUL (strchr stops at NUL). */
  private strchr(byte: number, from: number): number {
    const buf = this.buf;
    const at = buf.indexOf(byte, from);
    if (at < 0) return -1;
    for (let i = from; i < at; i++) if (buf[i] === 0) return -1;
    return at;
  }

  private inline(): Request | null {
    const buf = this.buf;
    const start = this.pos;
    const nl = this.strchr(LF, start);
    if (nl < 0) {
      if (buf.length - start > INLINE_MAX) return { protocolError: 'too big inline request' };
      return this.waitFor(buf.length - start + 1);
    }
    const end = nl > start && buf[nl - 1] === CR ? nl - 1 : nl;
    this.pos = nl + 1;
    this.reqType = 0;
    const argv = splitArgs(buf.toString('latin1', start, end));
    if (argv === undefined) return { protocolError: 'unbalanced quotes in request' };
    return argv;
  }

  private multibulk(): Request | null {
    const buf = this.buf;
    if (this.argsLeft === 0) {
      const start = this.pos;
      const cr = this.strchr(CR, start);
      if (cr < 0) {
        if (buf.length - start > INLINE_MAX) return { protocolError: 'too big mbulk count string' };
        return this.waitFor(buf.length - start + 1);
      }
      if (cr > buf.length - 2) return this.waitFor(buf.length - start + 1);
      const n = string2ll(buf, start + 1, cr);
      if (n === undefined || n > MAX_MULTIBULK) return { protocolError: 'invalid multibulk length' };
      this.pos = cr + 2;
      if (n <= 0) {
        this.reqType = 0;
        return [];
      }
      this.argsLeft = n;
      this.argv = [];
      this.argvBytes = 0;
    }
    while (this.argsLeft > 0) {
      if (this.bulkLen === -1) {
        const start = this.pos;
        const cr = this.strchr(CR, start);
        if (cr < 0) {
          if (buf.length - start > INLINE_MAX) return { protocolError: 'too big bulk count string' };
          return this.waitFor(buf.length - start + 1);
        }
        if (cr > buf.length - 2) return this.waitFor(buf.length - start + 1);
        if (buf[start] !== 0x24 /* '$' */) {
          return { protocolError: `expected '$', got '${sanitizeChar(buf[start])}'` };
        }
        const len = string2ll(buf, start + 1, cr);
        if (len === undefined || len < 0 || len > this.maxBulkLen) return { protocolError: 'invalid bulk length' };
        this.pos = cr + 2;
        this.bulkLen = len;
      }
      const start = this.pos;
      if (buf.length - start < this.bulkLen + 2) return this.waitFor(this.bulkLen + 2);
      this.argv.push(buf.toString('latin1', start, start + this.bulkLen));
      this.argvBytes += this.bulkLen;
      this.pos = start + this.bulkLen + 2;
      this.bulkLen = -1;
      this.argsLeft--;
    }
    const argv = this.argv;
    this.argv = [];
    this.argvBytes = 0;
    this.reqType = 0;
    return argv;
  }
}

/** addReplyErrorFormat turns CR and LF into spaces so the error stays one line. */
function sanitizeChar(byte: number): string {
  return byte === CR || byte === LF ? ' ' : String.fromCharCode(byte);
}

/**
 * Redis's string2ll over buf[from, to): an optional `-`, no `+`, no leading zeros, no spaces, fewer than 21 bytes.
 * Values beyond 2^53 lose precision, which is harmless here: every caller rejects anything that large.
 */
export function string2ll(buf: Uint8Array, from: number, to: number): number | undefined {
  const len = to - from;
  if (len <= 0 || len >= 21) return undefined;
  if (len === 1 && buf[from] === 0x30) return 0;
  let i = from;
  let negative = false;
  if (buf[i] === 0x2d /* '-' */) {
    negative = true;
    i++;
    if (i === to) return undefined;
  }
  if (buf[i] < 0x31 || buf[i] > 0x39) return undefined;
  let v = 0;
  for (; i < to; i++) {
    const d = buf[i] - 0x30;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
  }
  // 20 digits can exceed 2^64; those overflow in Redis too (and are rejected either way).
  if (v > 9.3e18) return undefined;
  return negative ? -v : v;
}

/**
 * Incremental request parser: RESP multibulk frames and inline commands, exactly as Redis's processInputBuffer,
 * processMultibulkBuffer and processInlineBuffer (src/networking.c) read them, including their quirks:
 * header lines are found with strchr(), so a NUL byte before the terminator means "no line yet"; the two bytes after a
 * count line's `\r` and after a bulk's payload are skipped without being checked; `*0` and negative counts are empty
 * requests; an inline line is split with sdssplitargs, which stops at the first NUL.
 *
 * Arguments become binary strings (one char per byte, latin1), the engine's representation (see arg-strings.ts).
 * Lengths are validated before anything is allocated: a bulk length above proto-max-bulk-len or a count above INT_MAX
 * is a protocol error, and payload bytes are only copied once the whole bulk has arrived. The usual header lines
 * (`*3`, `$5`) are read in one pass; anything else takes the general path, which follows Redis step by step.
 */
import { Buffer } from 'node:buffer';
import { splitArgs } from '../engine/index.ts';
import { argString } from './arg-strings.ts';

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

const EMPTY = Buffer.alloc(0);
const CR = 13;
const LF = 10;

export class RequestParser {
  /** proto-max-bulk-len: the connection keeps it in step with CONFIG SET. */
  maxBulkLen = MAX_BULK_LEN;
  /** The contiguous buffer being parsed, from `pos`. */
  private buf: Buffer = EMPTY;
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
  /** The number read by `plainLine`. */
  private lineValue = 0;
  /** `buf`, or the last of `extra`, is a read buffer that the next read overwrites (see `detach`). */
  private bufTransient = false;
  private extraTransient = false;

  /** Bytes received and not yet turned into a request, plus the arguments of the request in progress. */
  get buffered(): number {
    return this.buf.length - this.pos + this.extraLen + this.argvBytes;
  }

  /**
   * Take a chunk of input. A `transient` chunk lives in a buffer that will be reused: call `detach()` before it is,
   * and the bytes not parsed by then are copied (each byte at most once).
   */
  feed(chunk: Buffer, transient = false): void {
    if (chunk.length === 0) return;
    if (this.pos >= this.buf.length && this.extra.length === 0) {
      this.buf = chunk;
      this.pos = 0;
      this.bufTransient = transient;
    } else {
      this.extra.push(chunk);
      this.extraLen += chunk.length;
      this.extraTransient = transient;
    }
  }

  /** Copy the unparsed bytes that still point into a transient chunk, so that its buffer can be reused. */
  detach(): void {
    if (this.bufTransient) {
      this.bufTransient = false;
      this.buf = this.pos < this.buf.length ? Buffer.from(this.buf.subarray(this.pos)) : EMPTY;
      this.pos = 0;
    }
    if (this.extraTransient) {
      this.extraTransient = false;
      const last = this.extra.length - 1;
      if (last >= 0) this.extra[last] = Buffer.from(this.extra[last]);
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
      this.bufTransient = false;
      this.extraTransient = false;
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

  /**
   * The index of `byte` at or after `from`, or -1 if absent or after a NUL (strchr stops at NUL). Header lines are a
   * few bytes long, so a plain loop looks first; Buffer#indexOf takes over for long scans.
   */
  private strchr(byte: number, from: number): number {
    const buf = this.buf;
    const near = Math.min(buf.length, from + 64);
    for (let i = from; i < near; i++) {
      const b = buf[i];
      if (b === byte) return i;
      if (b === 0) return -1;
    }
    if (near === buf.length) return -1;
    const at = buf.indexOf(byte, near);
    const nul = buf.indexOf(0, near);
    if (at < 0 || (nul >= 0 && nul < at)) return -1;
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
      let cr = this.plainLine(start);
      let n = this.lineValue;
      if (cr < 0) {
        cr = this.strchr(CR, start);
        if (cr < 0) {
          if (buf.length - start > INLINE_MAX) return { protocolError: 'too big mbulk count string' };
          return this.waitFor(buf.length - start + 1);
        }
        if (cr > buf.length - 2) return this.waitFor(buf.length - start + 1);
        const parsed = string2ll(buf, start + 1, cr);
        if (parsed === undefined || parsed > MAX_MULTIBULK) return { protocolError: 'invalid multibulk length' };
        n = parsed;
      }
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
        let cr = buf[start] === 0x24 /* '$' */ ? this.plainLine(start) : -1;
        let len = this.lineValue;
        if (cr < 0) {
          cr = this.strchr(CR, start);
          if (cr < 0) {
            if (buf.length - start > INLINE_MAX) return { protocolError: 'too big bulk count string' };
            return this.waitFor(buf.length - start + 1);
          }
          if (cr > buf.length - 2) return this.waitFor(buf.length - start + 1);
          if (buf[start] !== 0x24 /* '$' */) {
            return { protocolError: `expected '$', got '${sanitizeChar(buf[start])}'` };
          }
          len = string2ll(buf, start + 1, cr) ?? -1;
        }
        if (len < 0 || len > this.maxBulkLen) return { protocolError: 'invalid bulk length' };
        this.pos = cr + 2;
        this.bulkLen = len;
      }
      const start = this.pos;
      if (buf.length - start < this.bulkLen + 2) return this.waitFor(this.bulkLen + 2);
      this.argv.push(argString(buf, start, this.bulkLen));
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

  /**
   * The common header line, read in one pass: a type byte at `at`, 1 to 9 digits without a leading zero, and a CR
   * with the byte after it already received. Returns the CR's index and leaves the number in `lineValue`; -1 sends
   * the caller to the general path (strchr, then string2ll), which reaches the same result for these lines.
   */
  private plainLine(at: number): number {
    const buf = this.buf;
    const last = Math.min(buf.length - 2, at + 10);
    if (at + 2 > last) return -1;
    let d = buf[at + 1] - 0x30;
    if (d === 0) {
      if (buf[at + 2] !== CR) return -1;
      this.lineValue = 0;
      return at + 2;
    }
    if (d < 1 || d > 9) return -1;
    let v = d;
    for (let i = at + 2; i <= last; i++) {
      const b = buf[i];
      if (b === CR) {
        this.lineValue = v;
        return i;
      }
      d = b - 0x30;
      if (d < 0 || d > 9) return -1;
      v = v * 10 + d;
    }
    return -1;
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

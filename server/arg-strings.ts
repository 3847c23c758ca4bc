/**
 * Request arguments as binary strings (one char per byte, latin1), the engine's representation.
 *
 * Turning bytes into a string through Buffer#toString costs a native call (about 100 ns) per argument, which was
 * most of the parser's time. Short arguments repeat (command names, keys, field names, small numbers), so they go
 * through a small table that returns the string made last time for the same bytes: a hash, one compare, no
 * allocation. Unseen ones are built from char codes when tiny, by Buffer#toString otherwise. The table is bounded
 * (SLOTS strings of at most SHORT_MAX bytes) and shared by all connections; a slot keeps the last string hashed there.
 */
import type { Buffer } from 'node:buffer';

/** Arguments up to this many bytes go through the table. */
const SHORT_MAX = 32;
const SLOTS = 4096;
/** New strings up to this long are built from char codes (V8 keeps such short concatenations flat). */
const BUILD_MAX = 12;
const MASK = SLOTS - 1;

/** Slot → the last short string seen there ('' to start with, which is also the answer for empty arguments). */
const recent: string[] = Array.from({ length: SLOTS }, () => '');

/** The binary string of buf[start, start + len). */
export function argString(buf: Buffer, start: number, len: number): string {
  if (len > SHORT_MAX) return buf.toString('latin1', start, start + len);
  const end = start + len;
  let h = len;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
  const slot = (h ^ (h >>> 13)) & MASK;
  const seen = recent[slot];
  if (seen.length === len) {
    let i = 0;
    while (i < len && seen.charCodeAt(i) === buf[start + i]) i++;
    if (i === len) return seen;
  }
  const made = shortString(buf, start, len);
  recent[slot] = made;
  return made;
}

/** A new string for a short argument: the smallest are cheaper to build in JS than through a native call. */
function shortString(buf: Buffer, start: number, len: number): string {
  if (len > BUILD_MAX) return buf.toString('latin1', start, start + len);
  const end = start + len;
  let s = '';
  let i = start;
  for (; i + 4 <= end; i += 4) s += String.fromCharCode(buf[i], buf[i + 1], buf[i + 2], buf[i + 3]);
  for (; i < end; i++) s += String.fromCharCode(buf[i]);
  return s;
}

/**
 * Listpack size arithmetic (Redis listpack.c), so stream nodes split where Redis splits them under
 * `stream-node-max-bytes`. Only sizes are modelled; the data lives in columnar arrays.
 */

/** Listpack header (total bytes u32 + element count u16) plus the end byte. */
export const LP_EMPTY_BYTES = 7;

/** lpEncodeBacklen's size for an element of `l` bytes (header + data). */
export function backlenSize(l: number): number {
  if (l <= 127) return 1;
  if (l < 16383) return 2;
  if (l < 2097151) return 3;
  if (l < 268435455) return 4;
  return 5;
}

/** Bytes of an integer element, backlen included. */
export function intElementSize(v: number | bigint): number {
  let l: number;
  if (typeof v === 'bigint') {
    l = v >= -2147483648n && v <= 2147483647n ? intElementBody(Number(v)) : 9;
  } else {
    l = intElementBody(v);
  }
  return l + backlenSize(l);
}

function intElementBody(v: number): number {
  if (v >= 0 && v <= 127) return 1; // 7-bit uint
  if (v >= -4096 && v <= 4095) return 2; // 13-bit int
  if (v >= -32768 && v <= 32767) return 3; // 16-bit int
  if (v >= -8388608 && v <= 8388607) return 4; // 24-bit int
  if (v >= -2147483648 && v <= 2147483647) return 5; // 32-bit int
  return 9; // 64-bit int
}

const INT64_MIN = -9223372036854775808n;
const INT64_MAX = 9223372036854775807n;

/**
 * lpStringToInt64: the string is stored as an integer when it is the canonical decimal form of an int64
 * (no leading zeros, no '+', no "-0", at most 20 chars).
 */
export function stringAsInt(s: string): number | bigint | undefined {
  const n = s.length;
  if (n === 0 || n > 20) return undefined;
  let i = 0;
  if (s.charCodeAt(0) === 45 /* - */) {
    if (n === 1) return undefined;
    i = 1;
  }
  const first = s.charCodeAt(i);
  if (first === 48 /* 0 */) return n === 1 ? 0 : undefined;
  if (first < 49 || first > 57) return undefined;
  for (let j = i + 1; j < n; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return undefined;
  }
  if (n <= 15) return Number(s);
  const big = BigInt(s);
  if (big < INT64_MIN || big > INT64_MAX) return undefined;
  return big;
}

/** Bytes of a string element as lpAppend stores it (as an integer when it looks like one), backlen included. */
export function stringElementSize(s: string): number {
  const len = s.length;
  // Fast path: a string that cannot be an integer.
  if (len > 20 || len === 0 || !isDigitOrMinus(s.charCodeAt(0))) return strSize(len);
  const asInt = stringAsInt(s);
  return asInt === undefined ? strSize(len) : intElementSize(asInt);
}

function isDigitOrMinus(c: number): boolean {
  return c === 45 || (c >= 48 && c <= 57);
}

function strSize(len: number): number {
  const l = len < 64 ? 1 + len : len < 4096 ? 2 + len : 5 + len;
  return l + backlenSize(l);
}

/** (a - b) as Redis computes an ID delta: unsigned 64-bit subtraction read back as int64. */
export function int64Delta(a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  let d = (BigInt(a) - BigInt(b)) & 0xffffffffffffffffn;
  if (d > INT64_MAX) d -= 1n << 64n;
  return d;
}

/**
 * 64-bit stream IDs (`ms-seq`), as in Redis's streamID.
 *
 * Each half is a `U64`: a plain number while it is a safe integer (the fast path: every real clock time), and a
 * bigint above 2^53 - 1. The representation is canonical, so `===` is equality, and `<` / `>` compare correctly
 * across the two types.
 */

export type U64 = number | bigint;

export interface StreamId {
  readonly ms: U64;
  readonly seq: U64;
}

export const U64_MAX = 18446744073709551615n;
const SAFE = Number.MAX_SAFE_INTEGER;

export const MIN_ID: StreamId = Object.freeze({ ms: 0, seq: 0 });
export const MAX_ID: StreamId = Object.freeze({ ms: U64_MAX, seq: U64_MAX });

/** Bring a U64 into its canonical form (number when safe). */
export function norm(v: U64): U64 {
  if (typeof v === 'bigint') return v <= BigInt(SAFE) ? Number(v) : v;
  return v;
}

export function u64Inc(v: U64): U64 {
  if (typeof v === 'number') return v < SAFE ? v + 1 : BigInt(v) + 1n;
  return v + 1n;
}

export function u64Dec(v: U64): U64 {
  if (typeof v === 'number') return v - 1;
  return norm(v - 1n);
}

export const isMaxU64 = (v: U64): boolean => v === U64_MAX;

/** Whether `x` is the maximum ID (`>` in XREADGROUP), without the bigint compare compareIds would make. */
export const isMaxId = (x: StreamId): boolean => x === MAX_ID || (x.ms === U64_MAX && x.seq === U64_MAX);

export function id(ms: U64, seq: U64): StreamId {
  return { ms, seq };
}

/*
 * Comparisons guard with `typeof … === 'number'` before comparing: V8 keeps per-site type feedback, and a site that
 * ever compares a bigint (the `+` ID is 2^64-1) turns generic and ~50x slower for every later call. The bigint cases
 * take a separate path with its own sites.
 */
export function compareIds(a: StreamId, b: StreamId): number {
  const am = a.ms;
  const bm = b.ms;
  if (typeof am === 'number' && typeof bm === 'number') {
    if (am !== bm) return am < bm ? -1 : 1;
  } else if (!sameU64(am, bm)) {
    return lessU64(am, bm) ? -1 : 1;
  }
  const as = a.seq;
  const bs = b.seq;
  if (typeof as === 'number' && typeof bs === 'number') {
    if (as !== bs) return as < bs ? -1 : 1;
    return 0;
  }
  if (sameU64(as, bs)) return 0;
  return lessU64(as, bs) ? -1 : 1;
}

/** Slow path for U64s where at least one side is a bigint (canonical forms: a number never equals a bigint). */
function sameU64(a: U64, b: U64): boolean {
  return typeof a === typeof b && a === b;
}

function lessU64(a: U64, b: U64): boolean {
  return BigInt(a) < BigInt(b);
}

export const idEq = (a: StreamId, b: StreamId): boolean => compareIds(a, b) === 0;
export const idLt = (a: StreamId, b: StreamId): boolean => compareIds(a, b) < 0;
export const idLe = (a: StreamId, b: StreamId): boolean => compareIds(a, b) <= 0;
export const idGt = (a: StreamId, b: StreamId): boolean => compareIds(a, b) > 0;
export const idGe = (a: StreamId, b: StreamId): boolean => compareIds(a, b) >= 0;

export function formatId(x: StreamId): string {
  return formatIdParts(x.ms, x.seq);
}

/** `ms-seq` from the two halves (readers print IDs straight from a node's columns, without an ID object). */
export function formatIdParts(ms: U64, seq: U64): string {
  // Hot path (every reply carries IDs): clock-sized numbers are slow to print as doubles, so print them in two
  // small-integer halves, and reuse the last ms string (consecutive entries usually share their ms).
  if (ms !== lastMs) {
    lastMs = ms;
    lastMsDash = u64Text(ms) + '-';
  }
  return lastMsDash + u64Text(seq);
}

let lastMs: U64 = 0;
let lastMsDash = '0-';
const ZEROS = ['', '0', '00', '000', '0000', '00000', '000000', '0000000'];
/** Texts of the small numbers most sequence parts are: a load instead of a number-to-string conversion. */
const SMALL_TEXTS: readonly string[] = Array.from({ length: 1024 }, (_, i) => String(i));

function u64Text(v: U64): string {
  if (typeof v === 'number' && v < 1024) return SMALL_TEXTS[v];
  if (typeof v === 'bigint' || v < 1073741824) return String(v);
  const hi = Math.floor(v / 1e8);
  const lo = String(v - hi * 1e8);
  return String(hi) + ZEROS[8 - lo.length] + lo;
}

/** The ID right after `x` (streamIncrID); undefined when `x` is the maximum ID. */
export function nextId(x: StreamId): StreamId | undefined {
  if (x.seq !== U64_MAX) return { ms: x.ms, seq: u64Inc(x.seq) };
  if (x.ms !== U64_MAX) return { ms: u64Inc(x.ms), seq: 0 };
  return undefined;
}

/** The ID right before `x` (streamDecrID); undefined when `x` is 0-0. */
export function prevId(x: StreamId): StreamId | undefined {
  if (x.seq !== 0) return { ms: x.ms, seq: u64Dec(x.seq) };
  if (x.ms !== 0) return { ms: u64Dec(x.ms), seq: U64_MAX };
  return undefined;
}

/**
 * strtoull as Redis's string2ull uses it: optional leading whitespace, optional '+', decimal digits, no overflow.
 * Returns undefined when the whole string is not such a number.
 */
export function parseU64(s: string): U64 | undefined {
  let i = 0;
  const n = s.length;
  // string2ull: if the string is too long or empty, fail. strtoull skips leading whitespace and accepts '+'.
  if (n === 0 || n > 127) return undefined;
  while (i < n && isSpace(s.charCodeAt(i))) i++;
  if (i < n && s.charCodeAt(i) === 43 /* + */) i++;
  if (i >= n) return undefined;
  let v = 0;
  const start = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    v = v * 10 + c;
  }
  if (v <= SAFE) return v;
  const big = BigInt(s.slice(start));
  return big > U64_MAX ? undefined : big;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * streamGenericParseIDOrReply: `ms`, `ms-seq`, and when allowed `-`, `+` and `ms-*`.
 * `missingSeq` fills an absent sequence part (0 for starts, U64_MAX for range ends).
 * Returns { id, seqGiven } with seqGiven false for `ms-*`, or undefined when invalid.
 */
export interface ParsedId {
  readonly id: StreamId;
  /** false for the `ms-*` form: the caller must pick the sequence. */
  readonly seqGiven: boolean;
}

export function parseIdGeneric(
  s: string,
  missingSeq: U64,
  strict: boolean,
  allowSeqStar: boolean,
): ParsedId | undefined {
  if (s.length > 127) return undefined;
  const plain = parsePlainId(s, missingSeq);
  if (plain) return { id: plain, seqGiven: true };
  if (!strict) {
    if (s === '-') return { id: MIN_ID, seqGiven: true };
    if (s === '+') return { id: MAX_ID, seqGiven: true };
  }
  const dash = s.indexOf('-');
  if (dash < 0) {
    const ms = parseU64(s);
    return ms === undefined ? undefined : { id: { ms, seq: missingSeq }, seqGiven: true };
  }
  const ms = parseU64(s.slice(0, dash));
  if (ms === undefined) return undefined;
  const rest = s.slice(dash + 1);
  if (allowSeqStar && rest === '*') return { id: { ms, seq: 0 }, seqGiven: false };
  const seq = parseU64(rest);
  if (seq === undefined) return undefined;
  return { id: { ms, seq }, seqGiven: true };
}

/** The lenient parse used by most commands: accepts `-`, `+`, `ms`, `ms-seq`. */
export function parseId(s: string, missingSeq: U64 = 0): StreamId | undefined {
  return parseIdGeneric(s, missingSeq, false, false)?.id;
}

/** The strict parse (streamParseStrictIDOrReply): no `-` / `+`. */
export function parseStrictId(s: string, missingSeq: U64 = 0): StreamId | undefined {
  return parsePlainId(s, missingSeq) ?? parseIdGeneric(s, missingSeq, true, false)?.id;
}

/**
 * The fast path of every ID parse: `ms` or `ms-seq` with 1 to 15 digits each and nothing else, read in place.
 * Returns undefined for anything else (which the general parser then accepts or refuses).
 */
function parsePlainId(s: string, missingSeq: U64): StreamId | undefined {
  const n = s.length;
  let i = 0;
  let ms = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    ms = ms * 10 + d;
  }
  if (i === 0 || i > 15) return undefined;
  if (i === n) return { ms, seq: missingSeq };
  if (s.charCodeAt(i) !== 45 /* - */) return undefined;
  const from = ++i;
  let seq = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    seq = seq * 10 + d;
  }
  if (i === from || i - from > 15) return undefined;
  return { ms, seq };
}

/** 16-byte big-endian key of an ID, as the rax stores it (used for node-count modelling). */
export function idKeyBytes(x: StreamId): number[] {
  const out = new Array<number>(16);
  writeU64(out, 0, x.ms);
  writeU64(out, 8, x.seq);
  return out;
}

function writeU64(out: number[], at: number, v: U64): void {
  let b = typeof v === 'bigint' ? v : BigInt(v);
  for (let i = 7; i >= 0; i--) {
    out[at + i] = Number(b & 0xffn);
    b >>= 8n;
  }
}

/** Argument parsers with Redis's exact acceptance rules (util.c string2ll, strtold for timeouts). */

const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;
const LL_RE = /^(?:0|-?[1-9][0-9]*)$/;

/** string2ll: optional `-`, no `+`, no leading zeros, no spaces, within int64. */
export function parseLongLong(s: string): bigint | undefined {
  const small = parseSmallUint(s);
  if (small !== undefined) return BigInt(small);
  if (s.length === 0 || s.length > 20 || !LL_RE.test(s)) return undefined;
  const v = BigInt(s);
  return v > LLONG_MAX || v < LLONG_MIN ? undefined : v;
}

export const INT64_MAX = LLONG_MAX;
export const INT64_MIN = LLONG_MIN;

/** A bigint that fits a JS number exactly becomes a number (replies and arithmetic with small values). */
export function toNum(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** The value of a canonical non-negative decimal of at most 15 digits, or undefined (the caller's fast path). */
function parseSmallUint(s: string): number | undefined {
  const n = s.length;
  if (n === 0 || n > 15 || (n > 1 && s.charCodeAt(0) === 48)) return undefined;
  let v = 0;
  for (let k = 0; k < n; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Whether `s` is `word` in any case (strcasecmp), without making a lower-cased copy. `word` must be lower-case ASCII
 * letters only: then `c | 32` matches exactly its two cases.
 */
export function isWord(s: string, word: string): boolean {
  if (s.length !== word.length) return false;
  for (let k = 0; k < word.length; k++) if ((s.charCodeAt(k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

/** parseLongLong narrowed to a safe JS integer (counts, indexes, cursors). */
export function parseSafeInt(s: string): number | undefined {
  const small = parseSmallUint(s);
  if (small !== undefined) return small;
  const v = parseLongLong(s);
  if (v === undefined) return undefined;
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) return Number.MAX_SAFE_INTEGER;
  if (v < BigInt(Number.MIN_SAFE_INTEGER)) return Number.MIN_SAFE_INTEGER;
  return Number(v);
}

/**
 * getTimeoutFromObjectOrReply with a seconds unit (7.0+): string2ld (strtold, no leading space, nothing left over,
 * not NaN), times 1000, rounded up. An infinite or out-of-range value converts to INT64_MIN on x86, so Redis
 * reports it as negative. Returns milliseconds (0 = forever) or which error to give.
 */
export function parseTimeoutSeconds(s: string): { ms: number } | { error: 'float' | 'negative' } {
  if (s.length === 0 || s.length >= 5 * 1024) return { error: 'float' };
  let v: number;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) v = Number(s);
  else if (/^[+-]?(inf|infinity)$/i.test(s)) v = s.startsWith('-') ? -Infinity : Infinity;
  else if (/^[+-]?0x[0-9a-f]+$/i.test(s)) v = (s.startsWith('-') ? -1 : 1) * parseInt(s.replace(/^[+-]?0x/i, ''), 16);
  else return { error: 'float' };
  const ms = Math.ceil(v * 1000);
  if (!Number.isFinite(ms) || ms >= 2 ** 63 || ms < 0) return { error: 'negative' };
  return { ms: ms === 0 ? 0 : ms };
}

/** argv[from..] as a new array: a plain copy loop, about twice as fast as slice() on these short lists. */
export function argsFrom(argv: readonly string[], from: number): string[] {
  const n = argv.length - from;
  if (n <= 0) return [];
  const out = new Array<string>(n);
  for (let j = 0; j < n; j++) out[j] = argv[from + j];
  return out;
}

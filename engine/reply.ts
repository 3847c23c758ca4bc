/**
 * The reply model: a RESP3 superset that every command returns, and the RESP2/RESP3 encoders.
 *
 * Strings are "binary strings": one JS char per byte (code units 0..255), exactly as Redis keeps them.
 * The RESP server turns them into bytes with latin1; the console turns typed UTF-8 into such strings.
 *
 * The two commonest kinds are plain JS values rather than tagged objects: a bulk string is the string itself and an
 * array is a JS array of replies. They are most of what read commands return (an entry is `[id, [field, value…]]`),
 * and without the wrapper objects XRANGE COUNT 10 got faster (README, Benchmarks). Test for them with
 * `typeof r === 'string'` and `isArrayReply(r)` before reading `r.t`.
 */

export type Reply = string | ArrayReply | TaggedReply;

/** *n: an array reply. */
export type ArrayReply = readonly Reply[];

/** Every reply but bulk strings and arrays: an object with its kind in `t`. */
export type TaggedReply =
  | { readonly t: 'status'; readonly v: string } // +OK
  | ErrorReply
  | { readonly t: 'int'; readonly v: number | bigint } // :n
  | { readonly t: 'null' } // RESP2 $-1, RESP3 _
  | { readonly t: 'nullarray' } // RESP2 *-1, RESP3 _
  | { readonly t: 'map'; readonly v: readonly (readonly [Reply, Reply])[] } // RESP3 %n, RESP2 flat *2n
  | { readonly t: 'set'; readonly v: readonly Reply[] } // RESP3 ~n, RESP2 *n
  | { readonly t: 'double'; readonly v: number } // RESP3 ,d, RESP2 bulk
  | { readonly t: 'bool'; readonly v: boolean } // RESP3 #t/#f, RESP2 :1/:0
  | { readonly t: 'verbatim'; readonly format: string; readonly v: string }; // RESP3 =, RESP2 bulk

/** -ERR ... (the full text, code included). Also what "value or refusal" helpers return instead of their value. */
export interface ErrorReply {
  readonly t: 'error';
  readonly v: string;
}

export const OK: Reply = Object.freeze({ t: 'status', v: 'OK' });
export const QUEUED: Reply = Object.freeze({ t: 'status', v: 'QUEUED' });
export const NULL: Reply = Object.freeze({ t: 'null' });
export const NULL_ARRAY: Reply = Object.freeze({ t: 'nullarray' });
export const EMPTY_ARRAY: Reply = Object.freeze([]);
const SMALL_INTS: Reply[] = Array.from({ length: 256 }, (_, i) => Object.freeze({ t: 'int', v: i - 1 }));

export const status = (v: string): Reply => ({ t: 'status', v });
export const bulk = (v: string): Reply => v;
export const isBulk = (r: Reply): r is string => typeof r === 'string';
export const isArrayReply = (r: Reply): r is ArrayReply => Array.isArray(r);
export const int = (v: number | bigint): Reply =>
  typeof v === 'number' && v >= -1 && v < 255 && Number.isInteger(v) ? SMALL_INTS[v + 1] : { t: 'int', v };
export const array = (v: readonly Reply[]): Reply => v;
export const map = (v: readonly (readonly [Reply, Reply])[]): Reply => ({ t: 'map', v });
export const double = (v: number): Reply => ({ t: 'double', v });
export const bool = (v: boolean): Reply => ({ t: 'bool', v });
export const verbatim = (v: string, format = 'txt'): Reply => ({ t: 'verbatim', format, v });
export const bulkOrNull = (v: string | undefined | null): Reply => (v == null ? NULL : bulk(v));
export const bulks = (v: readonly string[]): Reply => array(v.map(bulk));
/** A map whose keys are plain bulk strings, in the given order. */
export const fields = (pairs: readonly (readonly [string, Reply])[]): Reply =>
  map(pairs.map(([k, v]) => [bulk(k), v] as const));

/** An error reply. `text` is the full text as Redis sends it, e.g. `ERR syntax error` or `WRONGTYPE ...`. */
export const error = (text: string): ErrorReply => ({ t: 'error', v: text });
export const isError = (r: Reply): r is ErrorReply => typeof r === 'object' && !isArrayReply(r) && r.t === 'error';

/** Redis prints doubles with %.17g, trimmed the way addReplyDouble does (inf, -inf, nan handled). */
export function formatDouble(d: number): string {
  if (Number.isNaN(d)) return 'nan';
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (Number.isInteger(d) && Math.abs(d) < 1e17) return String(d);
  return String(Number(d.toPrecision(17)));
}

/** Encode a reply as RESP bytes held in a binary string (one char per byte). */
export function encode(r: Reply, resp: 2 | 3): string {
  const out: string[] = [];
  write(r, resp, out);
  return out.join('');
}

/** An array or a set: its header (`*` or `~`) and then each element. */
function writeItems(prefix: '*' | '~', items: readonly Reply[], resp: 2 | 3, out: string[]): void {
  out.push(prefix, String(items.length), '\r\n');
  for (const e of items) write(e, resp, out);
}

function write(r: Reply, resp: 2 | 3, out: string[]): void {
  if (typeof r === 'string') {
    out.push('$', String(r.length), '\r\n', r, '\r\n');
    return;
  }
  if (isArrayReply(r)) {
    writeItems('*', r, resp, out);
    return;
  }
  switch (r.t) {
    case 'status':
      out.push('+', r.v, '\r\n');
      return;
    case 'error':
      out.push('-', r.v, '\r\n');
      return;
    case 'int':
      out.push(':', String(r.v), '\r\n');
      return;
    case 'null':
      out.push(resp === 3 ? '_\r\n' : '$-1\r\n');
      return;
    case 'nullarray':
      out.push(resp === 3 ? '_\r\n' : '*-1\r\n');
      return;
    case 'set':
      writeItems(resp === 3 ? '~' : '*', r.v, resp, out);
      return;
    case 'map':
      if (resp === 3) out.push('%', String(r.v.length), '\r\n');
      else out.push('*', String(r.v.length * 2), '\r\n');
      for (const [k, v] of r.v) {
        write(k, resp, out);
        write(v, resp, out);
      }
      return;
    case 'double': {
      const s = formatDouble(r.v);
      if (resp === 3) out.push(',', s, '\r\n');
      else out.push('$', String(s.length), '\r\n', s, '\r\n');
      return;
    }
    case 'bool':
      out.push(resp === 3 ? (r.v ? '#t\r\n' : '#f\r\n') : r.v ? ':1\r\n' : ':0\r\n');
      return;
    case 'verbatim':
      if (resp === 3) {
        out.push('=', String(r.v.length + 4), '\r\n', r.format, ':', r.v, '\r\n');
      } else {
        out.push('$', String(r.v.length), '\r\n', r.v, '\r\n');
      }
      return;
  }
}

/** What a RESP2 client would see: maps flattened, sets as arrays, doubles and verbatims as bulks, bools as ints. */
export function toResp2(r: Reply): Reply {
  if (typeof r === 'string') return r;
  if (isArrayReply(r)) return r.map(toResp2);
  switch (r.t) {
    case 'set':
      return array(r.v.map(toResp2));
    case 'map':
      return array(r.v.flatMap(([k, v]) => [toResp2(k), toResp2(v)]));
    case 'double':
      return bulk(formatDouble(r.v));
    case 'bool':
      return int(r.v ? 1 : 0);
    case 'verbatim':
      return bulk(r.v);
    default:
      return r;
  }
}

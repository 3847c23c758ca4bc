/**
 * redis-cli's TTY formatting of replies (cliFormatReplyTTY) and its argument splitting (sdssplitargs).
 * Pure functions shared by the web console, conformance transcripts and tests.
 */
import { formatDouble, isArrayReply, type ArrayReply, type Reply } from './reply.ts';

/** sdscatrepr: a quoted string with redis-cli's escapes; bytes outside 0x20..0x7e become \xHH. */
export function quoteRepr(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    switch (c) {
      case 0x5c:
        out += '\\\\';
        break;
      case 0x22:
        out += '\\"';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x07:
        out += '\\a';
        break;
      case 0x08:
        out += '\\b';
        break;
      default:
        out += c >= 0x20 && c <= 0x7e ? s[i] : `\\x${(c & 0xff).toString(16).padStart(2, '0')}`;
    }
  }
  return out + '"';
}

/** Format a reply exactly as redis-cli prints it on a terminal (each line ends with `\n`). */
export function formatReply(r: Reply, prefix = ''): string {
  if (typeof r === 'string') return `${quoteRepr(r)}\n`;
  if (isArrayReply(r)) return formatAggregate(r, prefix);
  switch (r.t) {
    case 'error':
      return `(error) ${r.v}\n`;
    case 'status':
      return `${r.v}\n`;
    case 'int':
      return `(integer) ${r.v}\n`;
    case 'double':
      return `(double) ${formatDouble(r.v)}\n`;
    case 'verbatim':
      return `${r.v}\n`;
    case 'null':
    case 'nullarray':
      return '(nil)\n';
    case 'bool':
      return r.v ? '(true)\n' : '(false)\n';
    case 'set':
    case 'map':
      return formatAggregate(r, prefix);
  }
}

/** An array, set or map reply. */
export type AggregateReply = ArrayReply | Extract<Reply, { t: 'set' | 'map' }>;

/** Whether the reply is an array, set or map. */
export const isAggregateReply = (r: Reply): r is AggregateReply =>
  typeof r !== 'string' && (isArrayReply(r) || r.t === 'set' || r.t === 'map');

/** The number of top-level elements (a map's are its key/value pairs). */
export const aggregateLength = (r: AggregateReply): number => (isArrayReply(r) ? r : r.v).length;

function formatAggregate(r: AggregateReply, prefix: string): string {
  const count = aggregateLength(r);
  if (count === 0) {
    return isArrayReply(r) ? '(empty array)\n' : r.t === 'map' ? '(empty hash)\n' : '(empty set)\n';
  }
  return formatElements(r, 0, count, prefix);
}

/**
 * Elements [from, to) of a non-empty aggregate as redis-cli prints them, each from its index to its last line: the
 * aggregate's text is all of them (the console prints big replies a slice at a time).
 */
export function formatElements(r: AggregateReply, from: number, to: number, prefix: string): string {
  const idxlen = String(aggregateLength(r)).length;
  const childPrefix = prefix + ' '.repeat(idxlen + 2);
  const sep = isArrayReply(r) ? ')' : r.t === 'set' ? '~' : '#';
  const items = listItems(r);
  let out = '';
  for (let i = from; i < to; i++) {
    out += `${i === 0 ? '' : prefix}${String(i + 1).padStart(idxlen)}${sep} `;
    if (items) {
      out += formatReply(items[i], childPrefix);
    } else if (!isArrayReply(r) && r.t === 'map') {
      const [k, v] = r.v[i];
      // cliIsMultilineValueTTY: a value printed on several lines starts on its own line, aligned with the prefix.
      const breakLine = isMultiline(v) ? '\n' + childPrefix : '';
      out += formatReply(k, childPrefix).slice(0, -1) + ' => ' + breakLine + formatReply(v, childPrefix);
    }
  }
  return out;
}

/** The elements of an array or set reply (undefined for any other kind): the two print alike but for `)` / `~`. */
function listItems(r: Reply): readonly Reply[] | undefined {
  if (typeof r === 'string') return undefined;
  if (isArrayReply(r)) return r;
  return r.t === 'set' ? r.v : undefined;
}

/** cliIsMultilineValueTTY: whether formatReply renders `r` on more than one line. */
function isMultiline(r: Reply): boolean {
  const items = listItems(r);
  if (items) return items.length > 1 || (items.length === 1 && isMultiline(items[0]));
  if (typeof r === 'string' || isArrayReply(r) || r.t !== 'map') return false;
  return r.v.length > 1 || (r.v.length === 1 && isMultiline(r.v[0][1]));
}

const HEX = /^[0-9a-fA-F]$/;
/** C isspace() in the C locale: bytes 0x80+ inside UTF-8 sequences are never blanks. */
const isSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

/**
 * sdssplitargs: split a typed line (a binary string: UTF-8 bytes) into arguments, redis-cli style. Double quotes support \n \r \t \b \a \\ \" and
 * \xHH; single quotes support only \'. A closing quote must be followed by a space or the end.
 * Returns undefined on unbalanced quotes (redis-cli prints "Invalid argument(s)").
 */
export function splitArgs(line: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    while (i < n && isSpace(line[i])) i++;
    if (i >= n) return out;
    let inq = false; // inside "double quotes"
    let insq = false; // inside 'single quotes'
    let done = false;
    let cur = '';
    while (!done) {
      const c = line[i];
      if (inq) {
        if (i >= n) return undefined;
        if (c === '\\' && line[i + 1] === 'x' && HEX.test(line[i + 2] ?? '') && HEX.test(line[i + 3] ?? '')) {
          cur += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16));
          i += 3;
        } else if (c === '\\' && i + 1 < n) {
          i++;
          const e = line[i];
          cur += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e === 'b' ? '\b' : e === 'a' ? '\x07' : e;
        } else if (c === '"') {
          if (i + 1 < n && !isSpace(line[i + 1])) return undefined;
          done = true;
        } else {
          cur += c;
        }
      } else if (insq) {
        if (i >= n) return undefined;
        if (c === '\\' && line[i + 1] === "'") {
          i++;
          cur += "'";
        } else if (c === "'") {
          if (i + 1 < n && !isSpace(line[i + 1])) return undefined;
          done = true;
        } else {
          cur += c;
        }
      } else if (i >= n || c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\0') {
        done = true;
      } else if (c === '"') {
        inq = true;
      } else if (c === "'") {
        insq = true;
      } else {
        cur += c;
      }
      if (i < n) i++;
    }
    out.push(cur);
  }
}

/** Typed text (UTF-16) to a binary string of its UTF-8 bytes, as redis-cli sends what you type. */
export function utf8ToBinary(s: string): string {
  // Fast path: plain ASCII is already its own byte string.
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) ascii = s.charCodeAt(i) < 0x80;
  if (ascii) return s;
  const bytes = new TextEncoder().encode(s);
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]);
  return out;
}

/** A binary string (bytes) back to text, for display where raw bytes are wanted (not redis-cli quoting). */
export function binaryToUtf8(s: string): string {
  // ASCII reads the same either way and skips the decoder: under a busy producer the consoles, the timeline and the
  // diagram decode thousands of strings a second, and a TextDecoder per string was the costly part.
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < 0x80) i++;
  if (i === s.length) return s;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i) & 0xff;
  return new TextDecoder().decode(bytes);
}

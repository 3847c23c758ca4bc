/**
 * An argv (binary strings, as the engine sees them) back to the line a person would type, such that the console's
 * own splitting (`splitArgs(utf8ToBinary(line))`) gives the same argv again. Plain words stay plain; anything with
 * spaces, quotes, control bytes or invalid UTF-8 is quoted redis-cli style.
 */
import { binaryToUtf8, quoteRepr, splitArgs, utf8ToBinary } from '../../engine/index.ts';

/** A word splitArgs keeps as is: no spaces, quotes, backslashes or control bytes. */
function isPlain(a: string): boolean {
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f || c === 0x22 || c === 0x27 || c === 0x5c) return false;
  }
  return a !== '';
}

export function argvToLine(argv: readonly string[]): string {
  return argv.map(argToText).join(' ');
}

function argToText(a: string): string {
  if (isPlain(a)) {
    const text = binaryToUtf8(a);
    // Valid UTF-8 only: invalid bytes would not come back the same.
    if (utf8ToBinary(text) === a) return text;
  }
  return quoteRepr(a);
}

/** Split a validated command line as the console does (validation already proved it splits). */
export const lineToArgv = (line: string): string[] => splitArgs(utf8ToBinary(line)) ?? [];

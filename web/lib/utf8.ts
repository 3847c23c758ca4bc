/**
 * A binary string (one char per byte, as the engine keeps keys, names, values and replies) as text. ASCII reads the
 * same either way and skips the decoder: under a busy producer the consoles, the timeline and the diagram decode
 * thousands of strings a second, and a TextDecoder per string was the costly part.
 */
import { binaryToUtf8 } from '../../engine/index.ts';

export function utf8(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return binaryToUtf8(s);
  return s;
}

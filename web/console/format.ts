/**
 * redis-cli output for the terminal, in chunks: a reply with thousands of elements is formatted a slice at a time so
 * the page stays responsive. Each chunk is cli-format's own text of a slice of the top-level elements, so the joined
 * chunks equal `formatReply(reply)` byte for byte.
 */
import { aggregateLength, binaryToUtf8, formatElement, formatReply, type AggregateReply, type Reply } from '../../engine/index.ts';

/** Top-level elements per chunk. */
const CHUNK = 200;

export function* formatChunks(r: Reply, chunk = CHUNK): Generator<string> {
  const count = aggregateLength(r);
  if (count === undefined || count <= chunk) {
    yield formatReply(r);
    return;
  }
  let out = '';
  for (let i = 0; i < count; i++) {
    out += formatElement(r as AggregateReply, i, '');
    if ((i + 1) % chunk === 0) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/** Bytes as the terminal shows them: redis-cli writes raw bytes and the terminal decodes UTF-8. */
export const forTerminal = (bytes: string): string => binaryToUtf8(bytes);

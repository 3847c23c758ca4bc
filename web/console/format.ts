/**
 * redis-cli output for the terminal, in chunks: a reply with thousands of elements is formatted a slice at a time so
 * the page stays responsive. Each chunk is cli-format's own text of a slice of the top-level elements, so the joined
 * chunks equal `formatReply(reply)` byte for byte.
 */
import { aggregateLength, binaryToUtf8, formatElements, formatReply, isAggregateReply, type Reply } from '../../engine/index.ts';

/** Top-level elements per chunk. */
const CHUNK = 200;

export function* formatChunks(r: Reply, chunk = CHUNK): Generator<string> {
  if (!isAggregateReply(r) || aggregateLength(r) <= chunk) {
    yield formatReply(r);
    return;
  }
  const count = aggregateLength(r);
  for (let from = 0; from < count; from += chunk) yield formatElements(r, from, Math.min(count, from + chunk), '');
}

/** Bytes as the terminal shows them: redis-cli writes raw bytes and the terminal decodes UTF-8. */
export const forTerminal = (bytes: string): string => binaryToUtf8(bytes);

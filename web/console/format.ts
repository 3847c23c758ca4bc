/**
 * redis-cli output for the terminal, in chunks: a reply with thousands of elements is formatted a slice at a time so
 * the page stays responsive. The top level is walked exactly as cli-format's formatAggregate walks it, so the joined
 * chunks equal `formatReply(reply)` byte for byte.
 */
import { binaryToUtf8, formatReply, type Reply } from '../../engine/index.ts';

/** Top-level elements per chunk. */
const CHUNK = 200;

export function* formatChunks(r: Reply, chunk = CHUNK): Generator<string> {
  if (typeof r === 'string' || (r.t !== 'array' && r.t !== 'set' && r.t !== 'map') || r.v.length <= chunk) {
    yield formatReply(r);
    return;
  }
  const count = r.v.length;
  const idxlen = String(count).length;
  const childPrefix = ' '.repeat(idxlen + 2);
  const sep = r.t === 'set' ? '~' : r.t === 'map' ? '#' : ')';
  let out = '';
  for (let i = 0; i < count; i++) {
    out += `${String(i + 1).padStart(idxlen)}${sep} `;
    if (r.t === 'map') {
      const [k, v] = r.v[i];
      out += formatReply(k, childPrefix).slice(0, -1) + ' => ' + formatReply(v, childPrefix);
    } else {
      out += formatReply((r.v as readonly Reply[])[i], childPrefix);
    }
    if ((i + 1) % chunk === 0) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}

/** Bytes as the terminal shows them: redis-cli writes raw bytes and the terminal decodes UTF-8. */
export const forTerminal = (bytes: string): string => binaryToUtf8(bytes);

/**
 * Entry replies, `[id, [field, value, ...]]`: most of the work of every read command.
 *
 * There are two builders with the same output, and they are kept apart on purpose. `entryReply` serves replies
 * that ask for up to SMALL_REPLY entries; `largeEntryReply` serves bigger or unbounded ones. V8 pretenures an
 * allocation site once the objects it allocates survive scavenges: from then on, that site allocates directly into
 * old space. Every object of a 100,000-entry reply survives. When the two kinds of reply shared their object
 * literals, one `XRANGE s - +` made every later `XRANGE ... COUNT 10` 3.5x slower for the rest of the session
 * (engine bench: 50k/s instead of 175k/s). Each builder therefore has its own literals. Don't route them through
 * the shared helpers. Values and field names go into replies as the node's own strings (bulk replies are plain
 * strings and arrays plain arrays, see reply.ts), so an entry costs two arrays and its ID's text.
 */
import type { Reply } from '../reply.ts';
import type { StreamNode } from '../stream-node.ts';

/** The largest COUNT served by the small-reply builder. */
export const SMALL_REPLY = 256;

/** The builder for a read of at most `count` entries (0 = unbounded). */
export const entryBuilder = (count: number): ((node: StreamNode, i: number) => Reply) =>
  count > 0 && count <= SMALL_REPLY ? entryReply : largeEntryReply;

/** Entry i of `node` as a reply (small replies). */
export function entryReply(node: StreamNode, i: number): Reply {
  const vals = node.values;
  let at = node.valuesStart(i);
  let fv: Reply[];
  if (node.hasMasterFields(i)) {
    const names = node.masterFields;
    fv = new Array<Reply>(names.length * 2);
    for (let j = 0; j < names.length; j++) {
      fv[2 * j] = names[j];
      fv[2 * j + 1] = vals[at++];
    }
  } else {
    fv = vals.slice(at, node.valuesEnd(i));
  }
  return [node.idTextAt(i), fv];
}

/** Entry i of `node` as a reply (large replies: the same shape from separate allocation sites, see above). */
export function largeEntryReply(node: StreamNode, i: number): Reply {
  const vals = node.values;
  let at = node.valuesStart(i);
  let fv: Reply[];
  if (node.hasMasterFields(i)) {
    const names = node.masterFields;
    fv = new Array<Reply>(names.length * 2);
    for (let j = 0; j < names.length; j++) {
      fv[2 * j] = names[j];
      fv[2 * j + 1] = vals[at++];
    }
  } else {
    fv = vals.slice(at, node.valuesEnd(i));
  }
  return [node.idTextAt(i), fv];
}

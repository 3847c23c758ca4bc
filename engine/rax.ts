/**
 * The node count of a Redis rax holding a set of stream-ID keys (XINFO STREAM radix-tree-nodes).
 * Keys are 16 bytes (ms and seq, big-endian). A rax is a compressed trie: a run shared by all keys below a point
 * is one compressed node, a fork is one branching node, and each key ends in a (leaf) node of its own.
 */
import { idKeyBytes, type StreamId } from './ids.ts';

const KEY_LEN = 16;

/** `ids` must be sorted ascending and distinct. An empty rax is its head node: 1. */
export function raxNodeCount(ids: readonly StreamId[]): number {
  if (ids.length === 0) return 1;
  const keys = ids.map(idKeyBytes);
  return countFrom(keys, 0, keys.length, 0);
}

function countFrom(keys: number[][], lo: number, hi: number, depth: number): number {
  if (hi - lo === 1) return depth < KEY_LEN ? 2 : 1;
  // Sorted keys: the prefix shared by all is the one shared by the first and the last.
  const first = keys[lo];
  const last = keys[hi - 1];
  let p = depth;
  while (p < KEY_LEN && first[p] === last[p]) p++;
  if (p > depth) return 1 + countFrom(keys, lo, hi, p);
  let total = 1; // the branching node
  let start = lo;
  for (let i = lo + 1; i <= hi; i++) {
    if (i === hi || keys[i][depth] !== keys[start][depth]) {
      total += countFrom(keys, start, i, depth + 1);
      start = i;
    }
  }
  return total;
}

/**
 * The lookup keys of a stream's nodes: their master IDs' halves in two contiguous columns. Finding the node that
 * holds an ID is a binary search on every read; probing node objects costs a cache miss per probe once a stream
 * has many nodes, while these columns stay small and hot (16 bytes a node).
 *
 * The keys are a cache of `Stream.nodes`, never the truth. Each key is kept beside the node it was read from, and an
 * answer k counts only when nodes k and k + 1 are those very nodes (a master never changes, so that proves it);
 * keys found stale are rebuilt. A change to `nodes` that forgot to tell the keys costs time, not correctness.
 */
import type { StreamNode } from './stream-node.ts';

export class NodeKeys {
  /** Masters' halves of nodes[0 .. count) at [base .. base + count); NaN where a half is not a safe integer. */
  private ms = new Float64Array(8);
  private seq = new Float64Array(8);
  /** The node each key was read from (same positions). */
  private refs: (StreamNode | undefined)[] = [];
  private base = 0;
  private count = 0;

  /**
   * Index of the last node whose master is <= ms-seq (-1 when none); `ms` and `seq` are safe integers.
   * Returns -2 when some master is not a safe integer (the caller then compares ID objects).
   */
  find(nodes: readonly StreamNode[], ms: number, seq: number): number {
    const n = nodes.length;
    if (this.count !== n) this.rebuild(nodes);
    let k = this.search(ms, seq);
    if (k === -2 ? this.refs[this.base] !== nodes[0] : !this.current(nodes, k)) {
      this.rebuild(nodes);
      k = this.search(ms, seq);
    }
    return k;
  }

  /** `nodes` gained a node at its end (call after the push). */
  pushed(nodes: readonly StreamNode[]): void {
    if (this.count !== nodes.length - 1) return; // already stale: the next find rebuilds
    if (this.base + this.count === this.ms.length) this.resize(Math.max(8, this.count * 2));
    const node = nodes[nodes.length - 1];
    this.ms[this.base + this.count] = node.masterMs;
    this.seq[this.base + this.count] = node.masterSeq;
    this.refs[this.base + this.count] = node;
    this.count++;
  }

  /** `nodes` lost its node at `index` (call after the shift or splice). */
  removed(index: number, nodes: readonly StreamNode[]): void {
    if (this.count !== nodes.length + 1) return;
    if (index === 0) {
      this.refs[this.base] = undefined;
      this.base++;
    } else {
      const at = this.base + index;
      const end = this.base + this.count;
      this.ms.copyWithin(at, at + 1, end);
      this.seq.copyWithin(at, at + 1, end);
      this.refs.copyWithin(at, at + 1, end);
      this.refs[end - 1] = undefined;
    }
    this.count--;
  }

  /** Whether keys k and k + 1 were read from nodes[k] and nodes[k + 1] (what makes answer k true for `nodes`). */
  private current(nodes: readonly StreamNode[], k: number): boolean {
    const refs = this.refs;
    const base = this.base;
    if (k >= 0 && refs[base + k] !== nodes[k]) return false;
    return k + 1 >= nodes.length || refs[base + k + 1] === nodes[k + 1];
  }

  /** Binary search of the keys; -2 when it meets a key that is not a safe integer. */
  private search(ms: number, seq: number): number {
    const kms = this.ms;
    const kseq = this.seq;
    const base = this.base;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = kms[base + mid];
      const s = kseq[base + mid];
      if (m !== m || s !== s) return -2;
      if (m < ms || (m === ms && s <= seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  private rebuild(nodes: readonly StreamNode[]): void {
    const n = nodes.length;
    this.base = 0;
    this.count = 0;
    if (this.ms.length < n || this.ms.length > 4 * Math.max(8, n)) this.resize(Math.max(8, n * 2));
    this.refs = nodes.slice();
    for (let k = 0; k < n; k++) {
      this.ms[k] = nodes[k].masterMs;
      this.seq[k] = nodes[k].masterSeq;
    }
    this.count = n;
  }

  private resize(cap: number): void {
    const ms = new Float64Array(cap);
    const seq = new Float64Array(cap);
    ms.set(this.ms.subarray(this.base, this.base + this.count));
    seq.set(this.seq.subarray(this.base, this.base + this.count));
    this.ms = ms;
    this.seq = seq;
    this.refs = this.refs.slice(this.base, this.base + this.count);
    this.base = 0;
  }
}

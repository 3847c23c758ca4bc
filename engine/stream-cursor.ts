/**
 * A walk over a stream's live entries with IDs in [start, end], ascending or descending: the loop lives at the
 * caller (`while (cur.next()) use(cur.node, cur.i)`), so each read command's per-entry work stays in its own
 * function, where V8 can inline it. A callback shared by every reader made that call site megamorphic.
 */
import { MAX_ID, MIN_ID, compareIds, type StreamId } from './ids.ts';
import type { Stream } from './stream.ts';
import type { StreamNode } from './stream-node.ts';

export class StreamCursor {
  /** The node of the current entry (valid after next() returned true). */
  node!: StreamNode;
  /** The current entry's index in `node`. */
  i = 0;
  private ni: number;
  /** Whether the current node lies inside the far bound, so its entries need no compare. */
  private whole = false;
  private done = false;
  private readonly nodes: readonly StreamNode[];

  constructor(
    s: Stream,
    private readonly start: StreamId,
    private readonly end: StreamId,
    private readonly rev: boolean,
  ) {
    const nodes = (this.nodes = s.nodes);
    this.ni = -1;
    // `-` and `+` cannot make an empty interval; skipping them also skips the bigint compare `+` would take.
    if (nodes.length === 0 || (start !== MIN_ID && end !== MAX_ID && compareIds(start, end) > 0)) {
      this.done = true;
      return;
    }
    if (!rev) {
      this.ni = Math.max(0, s.nodeIndexFor(start));
      this.enter(nodes[this.ni].lowerBound(start) - 1);
    } else {
      this.ni = s.nodeIndexFor(end);
      if (this.ni < 0) {
        this.done = true;
        return;
      }
      const node = nodes[this.ni];
      let i = node.lowerBound(end);
      if (i >= node.len || node.cmpAt(i, end) > 0) i--;
      this.enter(i + 1);
    }
  }

  /** Move to the next live entry in range; false once there is none. */
  next(): boolean {
    if (this.done) return false;
    let node = this.node;
    let i = this.i;
    if (!this.rev) {
      for (;;) {
        while (++i < node.len) {
          if (!this.whole && node.cmpAt(i, this.end) > 0) return this.finish();
          if (!node.isDeleted(i)) {
            this.i = i;
            return true;
          }
        }
        if (++this.ni >= this.nodes.length) return this.finish();
        this.enter(-1);
        node = this.node;
        i = -1;
      }
    }
    for (;;) {
      while (--i >= 0) {
        if (!this.whole && node.cmpAt(i, this.start) < 0) return this.finish();
        if (!node.isDeleted(i)) {
          this.i = i;
          return true;
        }
      }
      if (--this.ni < 0) return this.finish();
      this.enter(this.nodes[this.ni].len);
      node = this.node;
      i = node.len;
    }
  }

  /** Make node `ni` current, positioned just before entry `i` in walking order. */
  private enter(i: number): void {
    const node = (this.node = this.nodes[this.ni]);
    this.i = i;
    // Compare with the far bound per entry only in the node where the range ends (`+` is a bigint: slow to compare).
    this.whole = !this.rev
      ? this.end === MAX_ID || (node.len > 0 && node.cmpAt(node.len - 1, this.end) <= 0)
      : this.start === MIN_ID || (node.len > 0 && node.cmpAt(0, this.start) >= 0);
  }

  private finish(): boolean {
    this.done = true;
    return false;
  }
}

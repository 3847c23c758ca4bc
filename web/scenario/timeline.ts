/**
 * The timeline: every command and clock change of a session as a tree of steps. The path from the root to the
 * current branch's tip is what the user sees; the head is how far along it the engine is. Stepping back and typing
 * starts a new branch beside the old one (kept until discarded). Undo and redo walk the history of positions.
 *
 * Engine states are keyframes (snapshots) on some nodes; to show any node, replay the steps from its nearest
 * keyframe ancestor — or from where the engine already is, when that is closer. Pure and generic: `S` is a step,
 * `K` a keyframe; the app supplies engine snapshots, the tests plain values.
 */
export interface TimelineNode<S, K> {
  readonly id: number;
  /** -1 for the root (the start state, before any step). */
  readonly parent: number;
  /** Steps from the root: the root is 0, its children 1, … */
  readonly depth: number;
  /** null only for the root. */
  readonly step: S | null;
  /** Children in creation order; the first child is the original line, later ones are branches. */
  readonly children: number[];
  /** The engine state after this step, when one was kept. */
  key: K | undefined;
  /**
   * Depth of the nearest ancestor that held a keyframe when this node was appended (the root's: 0). Keyframes set on
   * ancestors later are not seen, so `keyWithin` may answer no where a keyframe is in fact near: never the reverse.
   */
  readonly keyedAbove: number;
}

export interface Position {
  readonly head: number;
  readonly tip: number;
}

export interface Branch {
  readonly tip: number;
  /** Depth of the last step it shares with the current branch. */
  readonly forkDepth: number;
  readonly length: number;
  readonly current: boolean;
}

/** How to bring the engine to a node: start from `base`'s state (its keyframe, or the engine's current state) and run `steps`. */
export interface Plan<S, K> {
  readonly base: number;
  /** The keyframe to restore, or undefined to continue from the engine's current state. */
  readonly key: K | undefined;
  /** Nodes whose steps to run, in order (last = the target). */
  readonly nodes: readonly TimelineNode<S, K>[];
}

/**
 * Steps between keyframes on a branch of `length` steps: 25 in small sessions, about a sixteenth of a long one, so
 * a long session keeps a few dozen snapshots rather than one per 25 steps (each as big as the engine was then).
 */
export const keySpacing = (length: number): number => Math.max(25, Math.ceil(length / 16));

export class Timeline<S, K> {
  private readonly nodes = new Map<number, TimelineNode<S, K>>();
  /** Nodes without children (the root only while it has none): one per branch, so listing branches never walks every node. */
  private readonly leaves = new Set<number>([0]);
  private nextId = 1;
  private past: Position[] = [];
  private future: Position[] = [];
  head = 0;
  tip = 0;

  constructor(rootKey: K) {
    this.nodes.set(0, { id: 0, parent: -1, depth: 0, step: null, children: [], key: rootKey, keyedAbove: 0 });
  }

  /** Whether any step, on any branch, satisfies `test`. */
  someStep(test: (step: S) => boolean): boolean {
    for (const n of this.nodes.values()) if (n.step !== null && test(n.step)) return true;
    return false;
  }

  node(id: number): TimelineNode<S, K> {
    const n = this.nodes.get(id);
    if (!n) throw new RangeError(`no timeline node ${id}`);
    return n;
  }

  get size(): number {
    return this.nodes.size - 1;
  }
  /** Steps applied on the current branch. */
  get cursor(): number {
    return this.node(this.head).depth;
  }
  /** Steps on the current branch. */
  get length(): number {
    return this.node(this.tip).depth;
  }

  /** Node ids from the root (exclusive) to `to` (inclusive). */
  pathTo(to = this.tip): number[] {
    const ids: number[] = [];
    for (let n = this.node(to); n.parent >= 0; n = this.node(n.parent)) ids.push(n.id);
    return ids.reverse();
  }
  /** The current branch's steps, in order. */
  steps(to = this.tip): S[] {
    return this.pathTo(to).map((id) => this.node(id).step as S);
  }

  /**
   * The part of the current branch that a scenario of at most `max` steps can hold: the steps after `start`, whose
   * keyframe is then the scenario's start state (the root: the session's own start). A longer branch starts after the
   * first keyframe that leaves at most `max` steps, so the newest steps are kept; never after the head, so the
   * position is kept too. (With the head further back than that, it starts at the last keyframe before the head, and
   * the newest steps past `max` are left out.)
   */
  span(max: number): { readonly start: TimelineNode<S, K>; readonly ids: readonly number[] } {
    const path = this.pathTo();
    let start = this.node(0);
    if (path.length > max) {
      const cursor = this.cursor;
      for (const id of path) {
        const n = this.node(id);
        if (n.depth > cursor) break;
        if (n.key === undefined) continue;
        start = n;
        if (n.depth >= path.length - max) break;
      }
    }
    return { start, ids: path.slice(start.depth, start.depth + max) };
  }

  isAncestor(a: number, b: number): boolean {
    for (let n: number = b; n >= 0; n = this.node(n).parent) if (n === a) return true;
    return false;
  }

  /** Record a step after the head. At the tip it extends the branch; behind it, it starts a new branch. (`remember` false: not an undoable move, as when loading.) */
  append(step: S, remember = true): number {
    if (remember) this.remember();
    const parent = this.node(this.head);
    const keyedAbove = parent.key !== undefined ? parent.depth : parent.keyedAbove;
    const n: TimelineNode<S, K> = { id: this.nextId++, parent: parent.id, depth: parent.depth + 1, step, children: [], key: undefined, keyedAbove };
    this.nodes.set(n.id, n);
    parent.children.push(n.id);
    this.leaves.delete(parent.id);
    this.leaves.add(n.id);
    this.head = n.id;
    this.tip = n.id;
    return n.id;
  }

  /** Move the head to `depth` on the current branch (0 = the start). */
  jump(depth: number): boolean {
    const d = Math.max(0, Math.min(depth, this.length));
    if (d === this.cursor) return false;
    this.remember();
    this.head = d === 0 ? 0 : this.pathTo()[d - 1];
    return true;
  }
  back(): boolean {
    return this.jump(this.cursor - 1);
  }
  forward(): boolean {
    return this.jump(this.cursor + 1);
  }

  canUndo(): boolean {
    return this.past.length > 0;
  }
  canRedo(): boolean {
    return this.future.length > 0;
  }
  /** Return to the position before the last move or recorded step. */
  undo(): boolean {
    const p = this.past.pop();
    if (!p) return false;
    this.future.push({ head: this.head, tip: this.tip });
    this.head = p.head;
    this.tip = p.tip;
    return true;
  }
  redo(): boolean {
    const p = this.future.pop();
    if (!p) return false;
    this.past.push({ head: this.head, tip: this.tip });
    this.head = p.head;
    this.tip = p.tip;
    return true;
  }

  /** Every leaf is a branch; the current one is the leaf of the path being shown. */
  branches(): Branch[] {
    const out: Branch[] = [];
    const tips = [...this.leaves].filter((id) => id !== 0);
    // One branch (the usual case, however long): it is the current one, and nothing needs walking.
    if (tips.length === 1 && tips[0] === this.tip) return [{ tip: this.tip, forkDepth: this.length, length: this.length, current: true }];
    const onPath = new Set([0, ...this.pathTo()]);
    for (const id of tips) {
      const n = this.node(id);
      let f = n;
      while (!onPath.has(f.id)) f = this.node(f.parent);
      out.push({ tip: n.id, forkDepth: f.depth, length: n.depth, current: n.id === this.tip });
    }
    return out.sort((a, b) => a.tip - b.tip);
  }

  /** Show another branch, with the head at the point where it leaves the current one (or kept, if shared). */
  switchBranch(tip: number): boolean {
    const n = this.nodes.get(tip);
    if (!n || n.children.length > 0 || tip === this.tip) return false;
    this.remember();
    const fork = this.branches().find((b) => b.tip === tip)?.forkDepth ?? 0;
    this.tip = tip;
    if (!this.isAncestor(this.head, tip)) this.head = fork === 0 ? 0 : this.pathTo()[fork - 1];
    return true;
  }

  /** Drop a branch other than the current one: its nodes back to where it forks. */
  discardBranch(tip: number): boolean {
    if (tip === this.tip || this.isAncestor(tip, this.tip)) return false;
    const n = this.nodes.get(tip);
    if (!n || n.children.length > 0) return false;
    let cur = n;
    while (cur.parent >= 0) {
      const parent = this.node(cur.parent);
      this.nodes.delete(cur.id);
      this.leaves.delete(cur.id);
      parent.children.splice(parent.children.indexOf(cur.id), 1);
      if (parent.children.length === 0) this.leaves.add(parent.id);
      if (parent.children.length > 0 || parent.id === 0 || this.isAncestor(parent.id, this.tip)) break;
      cur = parent;
    }
    const alive = (p: Position) => this.nodes.has(p.head) && this.nodes.has(p.tip);
    this.past = this.past.filter(alive);
    this.future = this.future.filter(alive);
    return true;
  }

  /** How to bring the engine to `target`: from the nearest keyframe, or from `engineAt` if it is an ancestor and closer. */
  plan(target: number, engineAt?: number): Plan<S, K> {
    let k = this.node(target);
    const nodes: TimelineNode<S, K>[] = [];
    while (k.key === undefined && k.id !== engineAt) {
      nodes.push(k);
      k = this.node(k.parent);
    }
    return { base: k.id, key: k.id === engineAt ? undefined : k.key, nodes: nodes.reverse() };
  }

  /** Forget the undo/redo history (after loading a scenario, undo should not walk back through the load). */
  resetHistory(): void {
    this.past = [];
    this.future = [];
  }

  setKey(id: number, key: K): void {
    this.node(id).key = key;
  }
  /**
   * Whether `id` or an ancestor fewer than `distance` steps above it holds a keyframe (the root always does), as far
   * as `keyedAbove` knows: in constant time, since recording asks after every batch of a long session.
   */
  keyWithin(id: number, distance: number): boolean {
    const n = this.node(id);
    return n.key !== undefined || n.depth - n.keyedAbove < distance;
  }

  private remember(): void {
    this.past.push({ head: this.head, tip: this.tip });
    if (this.past.length > 1000) this.past.shift();
    this.future = [];
  }
}

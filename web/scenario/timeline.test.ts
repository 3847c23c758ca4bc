/**
 * The timeline model with a toy engine: a step adds its number to a running list, a keyframe is the list so far.
 * Replaying a plan must always give exactly the state reached by running the branch's steps from the start.
 */
import { describe, expect, it } from 'vitest';
import { Timeline, keySpacing, type Plan } from './timeline.ts';
import { randomInts } from '../../engine/testing/prng.ts';

type State = readonly number[];
const run = (tl: Timeline<number, State>, p: Plan<number, State>, engine: State): State => [...(p.key ?? engine), ...p.nodes.map((n) => n.step as number)];
const stateAt = (tl: Timeline<number, State>) => tl.steps(tl.head);

function recorded(n: number): Timeline<number, State> {
  const tl = new Timeline<number, State>([]);
  for (let i = 1; i <= n; i++) tl.append(i);
  return tl;
}

describe('timeline', () => {
  it('records steps and steps back and forward along them', () => {
    const tl = recorded(3);
    expect(tl.steps()).toEqual([1, 2, 3]);
    expect(tl.cursor).toBe(3);
    expect(tl.back()).toBe(true);
    expect(tl.back()).toBe(true);
    expect(tl.cursor).toBe(1);
    expect(stateAt(tl)).toEqual([1]);
    expect(tl.forward()).toBe(true);
    expect(stateAt(tl)).toEqual([1, 2]);
    expect(tl.length).toBe(3);
  });

  it('jumps to any point and clamps out-of-range jumps', () => {
    const tl = recorded(5);
    tl.jump(2);
    expect(stateAt(tl)).toEqual([1, 2]);
    tl.jump(99);
    expect(tl.cursor).toBe(5);
    tl.jump(-4);
    expect(tl.cursor).toBe(0);
    expect(tl.back()).toBe(false);
  });

  it('undoes and redoes moves and recorded steps', () => {
    const tl = recorded(4);
    tl.jump(1);
    expect(tl.undo()).toBe(true);
    expect(tl.cursor).toBe(4);
    expect(tl.redo()).toBe(true);
    expect(tl.cursor).toBe(1);
    tl.jump(4);
    tl.append(5);
    tl.undo();
    expect(tl.cursor).toBe(4);
    expect(tl.steps()).toEqual([1, 2, 3, 4]);
    tl.redo();
    expect(tl.steps()).toEqual([1, 2, 3, 4, 5]);
    expect(tl.canRedo()).toBe(false);
  });

  it('starts a new branch when a step is recorded behind the tip, keeping the old one', () => {
    const tl = recorded(4);
    const oldTip = tl.tip;
    tl.jump(2);
    tl.append(30);
    expect(tl.steps()).toEqual([1, 2, 30]);
    expect(tl.branches()).toEqual([
      { tip: oldTip, forkDepth: 2, length: 4, current: false },
      { tip: tl.tip, forkDepth: 3, length: 3, current: true },
    ]);
    expect(tl.switchBranch(oldTip)).toBe(true);
    expect(tl.steps()).toEqual([1, 2, 3, 4]);
    expect(tl.cursor).toBe(2);
  });

  it('discards a branch other than the current one, back to its fork', () => {
    const tl = recorded(4);
    const oldTip = tl.tip;
    tl.jump(2);
    tl.append(30);
    const size = tl.size;
    expect(tl.discardBranch(tl.tip)).toBe(false);
    expect(tl.discardBranch(oldTip)).toBe(true);
    expect(tl.size).toBe(size - 2);
    expect(tl.branches()).toHaveLength(1);
    // Undo never lands on a discarded node.
    while (tl.undo()) expect(() => tl.node(tl.head)).not.toThrow();
  });

  it('plans from the nearest keyframe, or from the engine’s position when closer', () => {
    const tl = recorded(10);
    const path = tl.pathTo();
    tl.setKey(path[4], [1, 2, 3, 4, 5]);
    const p = tl.plan(path[7]);
    expect(p.base).toBe(path[4]);
    expect(p.nodes.map((n) => n.step)).toEqual([6, 7, 8]);
    const q = tl.plan(path[8], path[6]);
    expect(q.key).toBeUndefined();
    expect(q.nodes.map((n) => n.step)).toEqual([8, 9]);
    expect(tl.plan(path[2]).base).toBe(0);
  });

  it('finds a keyframe within a distance: on the node itself, or on an ancestor that held it when the node was appended', () => {
    const tl = recorded(6);
    const path = tl.pathTo();
    expect(tl.keyWithin(path[5], 6)).toBe(false); // depth 6: the nearest keyframe is the root, 6 steps up
    expect(tl.keyWithin(path[5], 7)).toBe(true);
    tl.setKey(path[5], [1, 2, 3, 4, 5, 6]);
    expect(tl.keyWithin(path[5], 1)).toBe(true);
    for (let i = 7; i <= 10; i++) tl.append(i);
    expect(tl.keyWithin(tl.head, 4)).toBe(false); // depth 10, the keyframe at depth 6
    expect(tl.keyWithin(tl.head, 5)).toBe(true);
    // A keyframe set on an ancestor after its descendants were appended is not seen from them: the answer errs
    // towards keeping one more keyframe, never towards a missing one.
    tl.setKey(tl.pathTo()[8], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(tl.keyWithin(tl.head, 4)).toBe(false);
  });

  it('keeps a few dozen keyframes along a long recording, however long, when each step offers one', () => {
    const tl = new Timeline<number, State>([]);
    let kept = 0;
    for (let i = 1; i <= 100_000; i++) {
      tl.append(i, false);
      if (!tl.keyWithin(tl.head, keySpacing(tl.length))) {
        tl.setKey(tl.head, []);
        kept++;
      }
    }
    // 25 apart up to 400 steps, then a sixteenth of the length apart: 16 per doubling of the length.
    expect(kept).toBeGreaterThan(100);
    expect(kept).toBeLessThan(16 * Math.log2(100_000 / 400) + 16 + 2);
    expect(keySpacing(10)).toBe(25);
    expect(keySpacing(16_000)).toBe(1_000);
  });

  it('restores exactly the state of any point on any branch after random moves (replaying from keyframes)', () => {
    const rnd = randomInts(7);
    const tl = new Timeline<number, State>([]);
    let engine: State = [];
    let engineAt = 0;
    for (let i = 0; i < 2000; i++) {
      const op = rnd(10);
      if (op < 5) tl.append(i);
      else if (op < 7) tl.jump(rnd(tl.length + 1));
      else if (op === 7) tl.undo();
      else if (op === 8) tl.redo();
      else {
        const other = tl.branches().filter((b) => !b.current);
        if (other.length > 0 && rnd(2)) tl.switchBranch(other[0].tip);
        else if (other.length > 0) tl.discardBranch(other[0].tip);
      }
      const p = tl.plan(tl.head, engineAt);
      engine = run(tl, p, engine);
      engineAt = tl.head;
      if (tl.cursor % 16 === 0) tl.setKey(tl.head, engine);
      expect(engine).toEqual(stateAt(tl));
    }
  });

  describe('span: the part a scenario of at most `max` steps holds', () => {
    /** A recorded branch of `n` steps with keyframes (the state so far) after the steps in `keys`. */
    function keyed(n: number, keys: readonly number[]): Timeline<number, State> {
      const tl = recorded(n);
      const path = tl.pathTo();
      for (const k of keys) tl.setKey(path[k - 1], tl.steps(path[k - 1]));
      return tl;
    }
    /** The scenario the span makes replays to the branch's state at its end: the start keyframe, then the steps. */
    const replayed = (tl: Timeline<number, State>, max: number) => {
      const { start, ids } = tl.span(max);
      return [...(start.key ?? []), ...ids.map((id) => tl.node(id).step as number)];
    };

    it('is the whole branch, from the root, when it fits', () => {
      const tl = keyed(10, [4, 8]);
      const { start, ids } = tl.span(10);
      expect(start.id).toBe(0);
      expect(ids).toEqual(tl.pathTo());
    });

    it('starts a longer branch after the first keyframe that leaves at most `max` steps, and replays to the same state', () => {
      const tl = keyed(10, [2, 4, 8]);
      const { start, ids } = tl.span(7);
      expect(start.depth).toBe(4);
      expect(ids.map((id) => tl.node(id).step)).toEqual([5, 6, 7, 8, 9, 10]);
      expect(replayed(tl, 7)).toEqual(tl.steps());
    });

    it('starts after the newest step when only the tip holds a keyframe (one long paste): the state, no steps', () => {
      const tl = keyed(30, [30]);
      const { start, ids } = tl.span(20);
      expect(start.depth).toBe(30);
      expect(ids).toEqual([]);
      expect(replayed(tl, 20)).toEqual(tl.steps());
    });

    it('never starts after the head: with the head further back, it starts at the last keyframe before it and leaves out the newest steps', () => {
      const tl = keyed(10, [2, 4, 8]);
      tl.jump(3);
      const { start, ids } = tl.span(5);
      expect(start.depth).toBe(2);
      expect(ids.map((id) => tl.node(id).step)).toEqual([3, 4, 5, 6, 7]);
      expect(tl.cursor - start.depth).toBe(1); // the position, within the span
    });
  });
});


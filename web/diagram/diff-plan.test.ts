/** Timeline moves come without events: the diagram animates the difference between the two views. */
import { describe, expect, it } from 'vitest';
import { planDiff } from './diff-plan.ts';
import { consumerV, groupV, streamV, tokenV, viewV } from './fixtures.ts';

const lines = (p: ReturnType<typeof planDiff>) => p.animations.map((a) => `${a.kind} ${a.from} -> ${a.to}`);

describe('planDiff', () => {
  it('stepping back over a delivery sends the token back to its entry and moves the cursor back', () => {
    const delivered = viewV([streamV('s', ['1-0', '2-0'], [groupV('g', '1-0', [consumerV('alice', [tokenV('1-0')])])])]);
    const before = viewV([streamV('s', ['1-0', '2-0'], [groupV('g', '0-0', [consumerV('alice')])])]);
    expect(lines(planDiff(delivered, before))).toEqual([
      'drop token:0:s:g:1-0 -> entry:0:s:1-0',
      'cursor cursor:0:s:g -> cursor:0:s:g',
    ]);
  });

  it('stepping back over a claim moves the token to its previous owner', () => {
    const claimed = viewV([streamV('s', ['1-0'], [groupV('g', '1-0', [consumerV('alice'), consumerV('bob', [tokenV('1-0', 2)])])])]);
    const before = viewV([streamV('s', ['1-0'], [groupV('g', '1-0', [consumerV('alice', [tokenV('1-0')]), consumerV('bob')])])]);
    expect(lines(planDiff(claimed, before))).toEqual(['claim token:0:s:g:1-0 -> lane:0:s:g:alice']);
  });

  it('entries that appear or leave fly in and out; redo of an ack is a token leaving', () => {
    const a = viewV([streamV('s', ['1-0'], [groupV('g', '1-0', [consumerV('alice', [tokenV('1-0')])])])]);
    const b = viewV([streamV('s', ['1-0', '2-0'], [groupV('g', '1-0', [consumerV('alice')])])]);
    expect(lines(planDiff(a, b))).toEqual(['append inlet:0:s -> entry:0:s:2-0', 'drop token:0:s:g:1-0 -> entry:0:s:1-0']);
  });

  it('counts what it leaves out past the cap (the diagram then jumps)', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `${i + 1}-0`);
    const p = planDiff(viewV([streamV('s', [])]), viewV([streamV('s', ids)]), 48);
    expect(p.animations).toHaveLength(48);
    expect(p.skipped).toBe(12);
  });

  it('has nothing to animate from no view at all', () => {
    expect(planDiff(null, viewV([streamV('s', ['1-0'])])).animations).toEqual([]);
  });
});

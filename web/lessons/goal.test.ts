/** The goal language: each predicate kind checked against a small engine state, and its validator's messages. */
import { describe, expect, it } from 'vitest';
import { Engine, VirtualClock } from '../../engine/index.ts';
import { check, progress, type Goal } from './goal.ts';
import { parseGoal } from './goal-parse.ts';
import { lessonState, snapshotState } from './state.ts';

const START = 1_700_000_000_000;

function engineAfter(lines: string[]): Engine {
  const e = new Engine({ clock: new VirtualClock(START, 0), events: false });
  const ids = new Map<string, number>();
  for (const line of lines) {
    if (line.startsWith('~ ')) {
      e.advance(Number(line.slice(2)));
      continue;
    }
    const [who, cmd] = line.split('> ');
    if (!ids.has(who)) ids.set(who, e.connect(who));
    e.exec(ids.get(who) ?? 0, cmd.split(' '));
  }
  return e;
}

const world = engineAfter([
  'p> XADD s 1-0 item book',
  'p> XADD s 2-0 item pen',
  'p> XADD s 3-0 item book',
  'p> XGROUP CREATE s g 0',
  'alice> XREADGROUP GROUP g alice COUNT 2 STREAMS s >',
  'bob> XREADGROUP GROUP g bob STREAMS s >',
  '~ 5000',
  'bob> XCLAIM s g bob 0 1-0',
  'p> XDEL s 2-0',
  'carol> XREAD BLOCK 0 STREAMS s $',
]);
const st = lessonState(world);
const holds = (g: Goal) => check(parseGoal(g), st, { start: START }).pass;

describe('goal predicates against the engine state', () => {
  it('stream facts: length, IDs, fields, absence', () => {
    expect(holds({ stream: 's', length: 2 })).toBe(true);
    expect(holds({ stream: 's', length: { atLeast: 3 } })).toBe(false);
    expect(holds({ stream: 's', lastId: '3-0', maxDeletedId: '2-0', entriesAdded: 3 })).toBe(true);
    expect(holds({ stream: 's', has: ['1-0', '3-0'], lacks: ['2-0'] })).toBe(true);
    expect(holds({ stream: 's', withFields: { item: 'book' }, count: 2 })).toBe(true);
    expect(holds({ stream: 's', withFields: { item: 'pen' } })).toBe(false);
    expect(holds({ stream: 'nope', exists: false })).toBe(true);
    expect(holds({ stream: 'nope', length: 0 })).toBe(false);
  });

  it('groups and consumers', () => {
    expect(holds({ group: { stream: 's', name: 'g', lastId: '3-0', pending: 3, consumers: 2 } })).toBe(true);
    expect(holds({ group: { stream: 's', name: 'other', exists: false } })).toBe(true);
    expect(holds({ consumer: { stream: 's', group: 'g', name: 'bob', pending: 2 } })).toBe(true);
    expect(holds({ consumer: { stream: 's', group: 'g', name: 'alice', pending: 1 } })).toBe(true);
    expect(holds({ consumer: { stream: 's', group: 'g', name: 'carol', exists: true } })).toBe(false);
  });

  it('pending entries by owner, ID, ghost and delivery count', () => {
    expect(holds({ pending: { stream: 's', group: 'g', consumer: 'bob', ids: ['1-0'], count: 1 } })).toBe(true);
    expect(holds({ pending: { stream: 's', group: 'g', ghost: true, ids: ['2-0'], count: 1 } })).toBe(true);
    expect(holds({ pending: { stream: 's', group: 'g', minDeliveries: 2, count: 1 } })).toBe(true);
    expect(holds({ pending: { stream: 's', group: 'g', consumer: null } })).toBe(false);
    expect(holds({ deliveryCount: { stream: 's', group: 'g', id: '1-0', atLeast: 2 } })).toBe(true);
    expect(holds({ deliveryCount: { stream: 's', group: 'g', id: '9-0', atLeast: 0 } })).toBe(false);
  });

  it('clock, clients and keys', () => {
    expect(holds({ clock: { advanced: { atLeast: 5000 } } })).toBe(true);
    expect(holds({ clock: { advanced: 6000 } })).toBe(false);
    expect(holds({ client: { name: 'carol', blocked: true, command: 'xread', key: 's' } })).toBe(true);
    expect(holds({ client: { name: 'alice', blocked: true } })).toBe(false);
    expect(holds({ key: 's', type: 'stream' })).toBe(true);
    expect(holds({ key: 'dead', exists: false })).toBe(true);
  });

  it('all, any and not combine, and the checklist counts leaf facts', () => {
    const g = parseGoal({ all: [{ stream: 's', length: 2 }, { any: [{ stream: 's', length: 9 }, { key: 's' }] }, { not: { key: 's' } }] });
    const v = check(g, st, { start: START });
    expect(v.pass).toBe(false);
    expect(v.children.map((c) => c.pass)).toEqual([true, true, false]);
    expect(progress(v)).toEqual({ done: 2, total: 3 });
  });

  it('says what it found when a fact does not hold, and uses a label when given', () => {
    const v = check(parseGoal({ stream: 's', length: 5, label: 'Five entries' }), st, { start: START });
    expect(v).toMatchObject({ pass: false, text: 'Five entries', found: 'it holds 2' });
  });

  it('words counts as English does: 1 entry, at least 1 entry, 0 entries, 1 to 3 entries', () => {
    const text = (length: unknown) => check(parseGoal({ stream: 's', length }), st, { start: START }).text;
    expect([1, { atLeast: 1 }, { atMost: 1 }, 0, { atLeast: 1, atMost: 3 }, 2].map(text)).toEqual([
      's holds 1 entry',
      's holds at least 1 entry',
      's holds at most 1 entry',
      's holds 0 entries',
      's holds 1 to 3 entries',
      's holds 2 entries',
    ]);
  });

  it('reads the same state from a snapshot as from the live engine', () => {
    expect(snapshotState(world.snapshot())).toEqual(st);
  });
});

describe('goal validation', () => {
  const err = (v: unknown) => {
    try {
      parseGoal(v);
      return '';
    } catch (e) {
      return e instanceof Error ? e.message : '';
    }
  };
  it('names the field that is wrong', () => {
    expect(err({ stream: 's', lenght: 3 })).toMatch(/unknown field "lenght"/);
    expect(err({ stream: 's', length: 'three' })).toMatch(/goal\.check\.length should be a whole number or a range/);
    expect(err({ pending: { stream: 's', group: 'g', ids: ['nope'] } })).toMatch(/not a stream ID/);
    expect(err({ all: [] })).toMatch(/non-empty list/);
    expect(err({ stream: 's', group: 'g' })).toMatch(/exactly one of/);
    expect(err({ deliveryCount: { stream: 's', group: 'g', id: '1-0' } })).toMatch(/equals, atLeast or atMost/);
  });
  it('refuses goals nested too deep', () => {
    let g: unknown = { key: 'k' };
    for (let i = 0; i < 12; i++) g = { not: g };
    expect(err(g)).toMatch(/nests deeper/);
  });
});

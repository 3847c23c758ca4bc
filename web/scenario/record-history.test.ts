/**
 * The diagram history each timeline node remembers: what a group acknowledged up to that point, so a load or a move
 * on the timeline shows it without the events that led there (Redis keeps no record to ask for).
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineSnapshot } from '../../engine/index.ts';
import type { Step as WorkerStep } from '../../engine/worker.ts';
import { EMPTY_HISTORY, groupKey, type History } from '../diagram/history.ts';
import { historyAt, recordHistory, type SessionTimeline, type TStep } from './record.ts';
import { loadNote, moveNote } from './session-util.ts';
import { Timeline } from './timeline.ts';

const G = groupKey(0, 's', 'g');
const acked = (...ids: string[]): EngineEvent => ({ type: 'acked', db: 0, key: 's', group: 'g', ids, owners: ids.map(() => 'alice') });
const result = (...events: EngineEvent[]): WorkerStep => ({ reply: null, events, woken: [] });
const command = (c: string): TStep => ({ step: { client: 'alice', command: c }, reply: null, blocked: false });
const ackedIds = (h: History) => h.acked[G]?.ids ?? [];

function timeline(): SessionTimeline {
  return new Timeline<TStep, EngineSnapshot>({} as EngineSnapshot);
}

describe('the history each timeline node remembers', () => {
  it('folds each step’s events into its node, so any node gives the history after it', () => {
    const tl = timeline();
    const nodes = [tl.append(command('XACK s g 1-0')), tl.append(command('XLEN s')), tl.append(command('XACK s g 2-0'))];
    const root = recordHistory(tl, 0, EMPTY_HISTORY, nodes, [result(acked('1-0')), result(), result(acked('2-0'))]);
    expect(root).toBe(EMPTY_HISTORY);
    expect(ackedIds(historyAt(tl, nodes[0], root))).toEqual(['1-0']);
    expect(ackedIds(historyAt(tl, nodes[1], root))).toEqual(['1-0']);
    expect(ackedIds(historyAt(tl, nodes[2], root))).toEqual(['1-0', '2-0']);
    expect(historyAt(tl, 0, root)).toBe(EMPTY_HISTORY);
  });

  it('gives setup commands’ events to the root, and a note step its parent’s history', () => {
    const tl = timeline();
    const a = tl.append(command('XACK s g 2-0'));
    const note = tl.append({ step: { note: 'look at the lane' }, reply: null, blocked: false });
    const b = tl.append(command('XACK s g 3-0'));
    // Setup results have no node (null); the note has no result at all.
    const root = recordHistory(tl, 0, EMPTY_HISTORY, [null, a, b], [result(acked('1-0')), result(acked('2-0')), result(acked('3-0'))]);
    expect(ackedIds(root)).toEqual(['1-0']);
    expect(ackedIds(historyAt(tl, 0, root))).toEqual(['1-0']);
    expect(ackedIds(historyAt(tl, note, root))).toEqual(['1-0', '2-0']);
    expect(ackedIds(historyAt(tl, b, root))).toEqual(['1-0', '2-0', '3-0']);
  });

  it('keeps branches apart: a step typed after moving back builds on that point, not on the later steps', () => {
    const tl = timeline();
    const first = tl.append(command('XACK s g 1-0'));
    recordHistory(tl, 0, EMPTY_HISTORY, [first], [result(acked('1-0'))]);
    const later = tl.append(command('XACK s g 2-0'));
    recordHistory(tl, first, EMPTY_HISTORY, [later], [result(acked('2-0'))]);
    tl.jump(1);
    const other = tl.append(command('XACK s g 9-0'));
    recordHistory(tl, first, EMPTY_HISTORY, [other], [result(acked('9-0'))]);
    expect(ackedIds(historyAt(tl, other, EMPTY_HISTORY))).toEqual(['1-0', '9-0']);
    expect(ackedIds(historyAt(tl, later, EMPTY_HISTORY))).toEqual(['1-0', '2-0']);
  });

  it('adds a wake-up’s events (no node of its own) to the node it follows', () => {
    const tl = timeline();
    const n = tl.append(command('XADD s * f v'));
    recordHistory(tl, 0, EMPTY_HISTORY, [n], [result()]);
    recordHistory(tl, n, EMPTY_HISTORY, [null], [result({ type: 'read', db: 0, key: 's', client: 7, ids: ['5-0'] })]);
    expect(historyAt(tl, n, EMPTY_HISTORY).readers).toEqual([{ client: 7, db: 0, key: 's', id: '5-0' }]);
  });
});

describe('the log lines for loads and moves', () => {
  it('says what was loaded and how much of it the log narrates', () => {
    expect(loadNote('XACK basics', 10, 8, 8)).toBe('Loaded “XACK basics”: 10 steps, the diagram shows the state after them. The lines below narrate what they did.');
    expect(loadNote('Long', 500, 480, 12)).toContain('The lines below narrate the last 12 of them.');
    expect(loadNote('At a step', 5, 5, 0)).toBe('Loaded “At a step”: 5 steps, the diagram shows the state after them.');
    expect(loadNote('A lesson', 0, 0, 0)).toBe('Loaded “A lesson”: the diagram shows its starting state.');
  });

  it('says where a move went and which command ran just before', () => {
    expect(moveNote(0, 10, null)).toMatch(/^Timeline: moved to the start, before the first step\./);
    expect(moveNote(4, 10, { client: 'alice', command: 'XACK mystream mygroup 1-0' })).toMatch(/^Timeline: moved to step 4 of 10, just after alice ran XACK mystream mygroup 1-0\./);
    expect(moveNote(3, 10, { client: 'bob', command: `XADD s * ${'x'.repeat(200)}` })).toMatch(/ran XADD s \* x+…\./);
  });
});

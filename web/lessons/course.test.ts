/**
 * Every lesson of the built-in course, replayed on a fresh engine: the reference solution reaches the goal, the
 * starting state does not, an alternative correct solution (different commands) passes and a wrong attempt fails.
 * Goals are checked against the engine state, so the alternatives below are what proves "any correct solution".
 */
import { describe, expect, it } from 'vitest';
import { isError, type Reply } from '../../engine/index.ts';
import { replay } from '../scenario/replay.ts';
import { builtInCourse } from './course.ts';
import { lessonScenario, type Lesson } from './format.ts';
import { attempt, startOf, steps, targetOf } from './run.ts';

const course = builtInCourse();

/** Per lesson: another correct way (different commands), and a plausible mistake. */
const ATTEMPTS: Record<string, { right: string[]; wrong: string[] }> = {
  'xadd-basics': {
    right: ['alice> MULTI', 'alice> XADD orders 1-0 item pen qty 2', 'alice> XADD orders 2-0 item book', 'alice> XADD orders 3-0 item lamp', 'alice> EXEC'],
    wrong: ['producer> XADD orders * item book', 'producer> XADD orders * item pen'],
  },
  'xrange-find': {
    right: ['producer> XREVRANGE readings + - COUNT 2', 'producer> XDELEX readings IDS 1 1699999920000-0'],
    wrong: ['producer> XRANGE readings - +', 'producer> XDEL readings 1699999980000-0'],
  },
  'xread-dollar': {
    right: ['alice> XREAD COUNT 1 BLOCK 0 STREAMS events 3-0'],
    wrong: ['alice> XREAD BLOCK 0 STREAMS events 0'],
  },
  'groups-intro': {
    right: [
      'bob> XGROUP CREATE jobs workers 0-0',
      'bob> XREADGROUP GROUP workers bob COUNT 1 STREAMS jobs >',
      'alice> XREADGROUP GROUP workers alice COUNT 1 STREAMS jobs >',
      'bob> XREADGROUP GROUP workers bob COUNT 1 STREAMS jobs >',
      'alice> XREADGROUP GROUP workers alice COUNT 5 STREAMS jobs >',
    ],
    wrong: ['producer> XGROUP CREATE jobs workers $', 'alice> XREADGROUP GROUP workers alice COUNT 2 STREAMS jobs >', 'bob> XREADGROUP GROUP workers bob COUNT 2 STREAMS jobs >'],
  },
  'ack-basics': {
    right: ['bob> XACK jobs workers 2-0', 'producer> XACKDEL jobs workers KEEPREF IDS 1 1-0'],
    wrong: ['alice> XACK jobs workers 1-0 2-0 3-0'],
  },
  'pending-xpending': {
    right: ['alice> XPENDING jobs workers', 'alice> XACK jobs workers 3-0', 'bob> XACK jobs workers 4-0'],
    wrong: ['bob> XPENDING jobs workers', 'bob> XACK jobs workers 1-0 2-0'],
  },
  'xclaim-crash': {
    right: ['~ 120000', 'alice> XCLAIM jobs workers alice 90000 1-0', 'alice> XCLAIM jobs workers alice 90000 2-0 3-0'],
    wrong: ['alice> XCLAIM jobs workers alice 60000 1-0 2-0 3-0'],
  },
  xautoclaim: {
    right: ['~ 61000', 'alice> XAUTOCLAIM jobs workers alice 60000 0-0 COUNT 2', 'alice> XAUTOCLAIM jobs workers alice 60000 3-0 COUNT 2', 'alice> XAUTOCLAIM jobs workers alice 60000 5-0 COUNT 2'],
    wrong: ['~ 60000', 'alice> XAUTOCLAIM jobs workers alice 60000 0-0 COUNT 2'],
  },
  'dead-letters': {
    right: ['alice> MULTI', 'alice> XADD dead 1-0 id 2-0 reason poison', 'alice> XACKDEL jobs workers KEEPREF IDS 1 2-0', 'alice> EXEC'],
    wrong: ['bob> XADD dead * id 2-0', 'bob> XACK jobs workers 2-0 3-0'],
  },
  'trim-dangling': {
    right: ['producer> XTRIM logs MAXLEN 2 DELREF'],
    wrong: ['producer> XTRIM logs MINID 4-0'],
  },
  'ackdel-acked': {
    right: ['bob> XACK events shipping 1-0 2-0', 'bob> XDELEX events ACKED IDS 2 1-0 2-0'],
    wrong: ['bob> XACKDEL events shipping DELREF IDS 2 1-0 2-0'],
  },
  'readgroup-claim': {
    right: ['~ 60000', 'alice> XAUTOCLAIM jobs workers alice 60000 0-0', 'alice> XREADGROUP GROUP workers alice STREAMS jobs >'],
    wrong: ['~ 60000', 'alice> XREADGROUP GROUP workers alice STREAMS jobs >'],
  },
  xnack: {
    right: ['alice> XNACK jobs workers SILENT IDS 1 2-0 RETRYCOUNT 1'],
    wrong: ['alice> XNACK jobs workers SILENT IDS 1 2-0'],
  },
};


/** Replies of setup + solution commands, run as plain steps (a typo in a lesson shows up as an error reply). */
function errorsOf(l: Lesson): string[] {
  const s = lessonScenario(l);
  const { replies } = replay({ ...s, state: undefined, steps: [...l.setup, ...s.steps] });
  return replies.flatMap((r: Reply | null, i) => (r && isError(r) ? [`step ${i}: ${r.v}`] : []));
}

describe('the built-in course', () => {
  it('has at least twelve lessons with unique ids', () => {
    expect(course.lessons.length).toBeGreaterThanOrEqual(12);
    expect(new Set(course.lessons.map((l) => l.id)).size).toBe(course.lessons.length);
  });

  it('gives every lesson an alternative and a wrong attempt', () => {
    expect(Object.keys(ATTEMPTS).sort()).toEqual(course.lessons.map((l) => l.id).sort());
  });

  describe.each(course.lessons.map((l) => [l.id, l] as const))('%s', (_, lesson) => {
    it('does not start solved', () => {
      expect(startOf(lesson).verdict.pass).toBe(false);
    });
    it('is solved by its reference solution', () => {
      expect(targetOf(lesson).verdict).toMatchObject({ pass: true });
    });
    it('runs its setup and solution without an error reply', () => {
      expect(errorsOf(lesson)).toEqual([]);
    });
    it('is solved by an alternative solution with different commands', () => {
      const right = steps(ATTEMPTS[lesson.id].right);
      expect(right.map((s) => ('command' in s ? s.command : s.advance))).not.toEqual(lesson.solution.map((s) => ('command' in s ? s.command : s.advance)));
      expect(attempt(lesson, right).verdict.pass).toBe(true);
    });
    it('is not solved by a wrong attempt', () => {
      expect(attempt(lesson, steps(ATTEMPTS[lesson.id].wrong)).verdict.pass).toBe(false);
    });
    it('has a goal, hints and an intro', () => {
      expect(lesson.goal.text.length).toBeGreaterThan(20);
      expect(lesson.hints.length).toBeGreaterThanOrEqual(2);
      expect(lesson.intro.length).toBeGreaterThan(20);
    });
  });
});

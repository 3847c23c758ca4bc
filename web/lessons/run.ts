/**
 * Running a lesson on an in-process engine: the starting state, any attempt (a list of steps), and the reference
 * solution (the target the lesson view draws beside the live diagram). CI and the lesson view use the same code.
 */
import type { Engine } from '../../engine/index.ts';
import { replay } from '../scenario/replay.ts';
import { lessonScenario, type Lesson, type LessonStep } from './format.ts';
import { check, type Verdict } from './goal.ts';
import { lessonState, type LessonState } from './state.ts';

export interface Attempt {
  readonly engine: Engine;
  readonly state: LessonState;
  readonly verdict: Verdict;
}

/** Replay the lesson's setup and then `steps` on a fresh engine, and check the goal. */
export function attempt(lesson: Lesson, steps: readonly LessonStep[]): Attempt {
  const { engine } = replay(lessonScenario(lesson, steps));
  const state = lessonState(engine);
  return { engine, state, verdict: check(lesson.goal.check, state, { start: lesson.clock.start }) };
}

/** The state the learner starts from. */
export const startOf = (lesson: Lesson): Attempt => attempt(lesson, []);
/** The state the reference solution reaches: the goal's picture. */
export const targetOf = (lesson: Lesson): Attempt => attempt(lesson, lesson.solution);

/** Parse `"alice> XACK s g 1-0"` / `"~ 60000"` lines into steps (tests and the teacher's editor). */
export function steps(lines: readonly string[]): LessonStep[] {
  return lines.map((l) => {
    const adv = /^~\s*(-?\d+)$/.exec(l.trim());
    if (adv) return { advance: Number(adv[1]) };
    const m = /^([^>\s]+)>\s?(.*)$/s.exec(l);
    if (!m) throw new Error(`not a step: ${l}`);
    return { client: m[1], command: m[2] };
  });
}

/**
 * The lesson format. A lesson is data: a starting state (setup commands on a virtual clock), a goal in words and
 * as a predicate over the engine state (goal.ts), hints revealed one at a time, a reference solution, and
 * optionally the commands it allows. Its replayable part IS a scenario (web/scenario/format.ts), so a lesson file
 * passes the same restore() gate as any scenario. FORMAT.md documents the JSON teachers write.
 */
import type { ProfileName } from '../../engine/index.ts';
import type { CommandStep, Scenario, Step } from '../scenario/format.ts';
import { SCENARIO_VERSION } from '../scenario/format.ts';
import type { Goal } from './goal.ts';

/** The version of lesson, course and workshop files this build writes. */
export const LESSON_VERSION = 1;

/** A solution step: a command typed by one client, or a move of the virtual clock. */
export type LessonStep = CommandStep | { readonly advance: number };

export interface Lesson {
  /** URL-safe slug: `#lesson=<id>` opens it. */
  readonly id: string;
  readonly title: string;
  /** What the learner should know first (plain text; `backticks` show as code). */
  readonly intro: string;
  /** The goal in words, and the check against the engine state. */
  readonly goal: { readonly text: string; readonly check: Goal };
  /** Revealed one at a time. */
  readonly hints: readonly string[];
  /** The reference solution; its command count is what the learner is compared with. */
  readonly solution: readonly LessonStep[];
  /** Run before the learner starts, with the clock standing still. */
  readonly setup: readonly CommandStep[];
  /** Console names, in tab order (every step names one of them). */
  readonly clients: readonly string[];
  readonly clock: { readonly start: number; readonly stepPerCommand: number };
  readonly profile: ProfileName;
  /** Command names the lesson allows (upper case); absent = any command. */
  readonly allowed?: readonly string[];
}

export interface Course {
  readonly id: string;
  readonly title: string;
  readonly lessons: readonly Lesson[];
}

/** A workshop: the teacher's chosen sequence of lessons, each with the teacher's notes. */
export interface Workshop {
  readonly title: string;
  readonly items: readonly { readonly lesson: Lesson; readonly note: string }[];
}

export const DEFAULT_CLIENTS: readonly string[] = ['producer', 'alice', 'bob'];
export const DEFAULT_CLOCK = { start: 1_700_000_000_000, stepPerCommand: 0 } as const;

/** Lesson-specific limits (the scenario part has its own in scenario/format.ts). */
export const LESSON_LIMITS = {
  id: 64,
  intro: 4_000,
  goalText: 1_000,
  hints: 12,
  hint: 1_000,
  /** Predicate nodes in one goal, and how deep they nest. */
  goalNodes: 200,
  goalDepth: 8,
  lessons: 100,
  allowed: 100,
  note: 4_000,
} as const;

export const isAdvance = (s: LessonStep): s is { readonly advance: number } => 'advance' in s;

/** The lesson's replayable part, as a scenario: setup as the start state, the reference solution as its steps. */
export function lessonScenario(l: Lesson, steps: readonly LessonStep[] = l.solution): Scenario {
  return {
    v: SCENARIO_VERSION,
    title: l.title,
    description: l.intro,
    profile: l.profile,
    clock: { start: l.clock.start, mode: 'virtual', stepPerCommand: l.clock.stepPerCommand },
    clients: [...l.clients],
    steps: steps.map((s): Step => (isAdvance(s) ? { advance: s.advance } : { client: s.client, command: s.command })),
    ...(l.setup.length ? { state: { commands: l.setup } } : {}),
  };
}

/** Commands (not clock moves) in a list of steps: what "you used 3 commands, the reference 2" counts. */
export const commandCount = (steps: readonly LessonStep[]): number => steps.filter((s) => !isAdvance(s)).length;

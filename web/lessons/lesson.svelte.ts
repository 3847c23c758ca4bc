/**
 * The lesson view's state: which lesson of which sequence (course, workshop or file) is open, the live checklist,
 * hints revealed, commands used, and saved progress. It drives the scenario session: a lesson's start state and
 * its reference solution are scenarios (format.ts), loaded through the restore() gate and, for "Show solution",
 * played on the session's timeline. The goal is re-checked against the engine state after every batch.
 */
import type { EngineSnapshot } from '../../engine/index.ts';
import type { BatchResult } from '../../engine/worker.ts';
import type { Playground } from '../lib/playground.svelte.ts';
import { isCommandStep } from '../scenario/format.ts';
import { restore } from '../scenario/restore.ts';
import type { ScenarioSession } from '../scenario/session.svelte.ts';
import { outsideName, refusal } from './allowed.ts';
import { commandCount, lessonScenario, type Lesson } from './format.ts';
import { check, progress, type Verdict } from './goal.ts';
import { lessonHash } from './route.ts';
import { loadProgress, markDone, saveProgress, withCurrent, withHints, type Progress, type Store } from './progress.ts';
import { snapshotState } from './state.ts';

export type SequenceKind = 'course' | 'workshop' | 'file';

export interface Sequence {
  readonly kind: SequenceKind;
  readonly title: string;
  readonly lessons: readonly Lesson[];
  /** The teacher's note per lesson (workshops). */
  readonly notes: readonly string[];
}

const storage = (): Store | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

export class LessonSession {
  seq = $state.raw<Sequence>({ kind: 'course', title: '', lessons: [], notes: [] });
  index = $state(0);
  verdict = $state.raw<Verdict | null>(null);
  hintsShown = $state(0);
  /** Commands the learner has typed since the lesson (re)started. */
  used = $state(0);
  /** Commands outside the lesson's allowed list that ran anyway (not typed: the consoles refuse those). */
  disallowed = $state.raw<readonly string[]>([]);
  /** Reached by the learner (not by "Show solution"). */
  solved = $state(false);
  /** Commands used when the goal was first reached. */
  solvedWith = $state(0);
  /** "Show solution" is (or was) playing: reaching the goal then is not the learner's. */
  watching = $state(false);
  loading = $state(false);
  /** The goal drawn as a diagram beside the live one (the app places it in the diagram column). */
  showTarget = $state(false);
  message = $state('');
  progress = $state.raw<Progress>(loadProgress(storage()));
  readonly lesson = $derived(this.seq.lessons[this.index] as Lesson | undefined);
  readonly note = $derived(this.seq.notes[this.index] ?? '');
  readonly checklist = $derived(this.verdict ? progress(this.verdict) : { done: 0, total: 0 });
  private readonly listener = (r: BatchResult) => this.onBatch(r);

  constructor(
    readonly pg: Playground,
    readonly sc: ScenarioSession,
  ) {
    pg.batchListeners.add(this.listener);
  }

  dispose(): void {
    this.pg.batchListeners.delete(this.listener);
    this.pg.commandGate = null;
  }

  /** Open a sequence at a lesson (by id, or the saved position, or the first unsolved). */
  async start(seq: Sequence, id?: string): Promise<void> {
    this.seq = seq;
    const at = (x: string | undefined) => (x === undefined ? -1 : seq.lessons.findIndex((l) => l.id === x));
    let i = at(id);
    if (i < 0 && seq.kind === 'course') i = at(this.progress.current);
    if (i < 0) i = Math.max(0, seq.lessons.findIndex((l) => !this.progress.done[l.id]));
    await this.open(i);
  }

  /** Open lesson `i` at its starting state (also what Reset does). */
  async open(i: number): Promise<void> {
    const l = this.seq.lessons[i];
    if (!l) return;
    this.index = i;
    this.hintsShown = this.progress.hints[l.id] ?? 0;
    this.solved = false;
    this.watching = false;
    this.used = 0;
    this.disallowed = [];
    this.verdict = null;
    const allowed = l.allowed;
    this.pg.commandGate = allowed ? (argv) => refusal(allowed, argv) : null;
    this.remember(withCurrent(this.progress, l.id));
    if (this.seq.kind === 'course' && typeof history !== 'undefined') history.replaceState(null, '', lessonHash(l.id));
    await this.load(lessonScenario(l, []));
  }

  reset = (): Promise<void> => this.open(this.index);
  next = (): Promise<void> => this.open(Math.min(this.index + 1, this.seq.lessons.length - 1));
  prev = (): Promise<void> => this.open(Math.max(this.index - 1, 0));

  hint(): void {
    const l = this.lesson;
    if (!l || this.hintsShown >= l.hints.length) return;
    this.hintsShown++;
    this.remember(withHints(this.progress, l.id, this.hintsShown));
  }

  /** Load the reference solution from the start and play it on the timeline. */
  async showSolution(): Promise<void> {
    const l = this.lesson;
    if (!l) return;
    this.watching = true;
    this.solved = false;
    await this.load(lessonScenario(l));
    this.sc.play(true);
  }

  /** Reference solution's command count. */
  get reference(): number {
    return this.lesson ? commandCount(this.lesson.solution) : 0;
  }

  private async load(value: unknown): Promise<void> {
    // The same gate as every scenario: a lesson that fails it is reported, never loaded half-way.
    const r = restore({ from: 'message', value });
    if (!r.ok) {
      this.message = r.error;
      return;
    }
    this.loading = true;
    try {
      await this.sc.load(r.value);
      this.message = '';
    } finally {
      this.loading = false;
    }
    this.evaluate(this.pg.bridge.lastSnapshot, this.pg.summary?.now);
  }

  private onBatch(r: BatchResult): void {
    if (this.loading) return;
    // The playground tells its listeners before the timeline records the command: count after it has.
    queueMicrotask(() => this.evaluate(r.snapshot ?? this.pg.bridge.lastSnapshot, r.summary.now));
  }

  private evaluate(snap: EngineSnapshot | undefined, now: number | undefined): void {
    const l = this.lesson;
    if (!l || !snap) return;
    // The snapshot is only resent when data changed; the clock may have moved since, so check at "now".
    const state = snapshotState(now === undefined ? snap : { ...snap, time: now });
    this.verdict = check(l.goal.check, state, { start: l.clock.start });
    if (this.watching) return;
    const steps = this.sc.toScenario().steps.filter(isCommandStep);
    this.used = steps.length;
    const allowed = l.allowed;
    if (allowed) {
      // The consoles refuse these; a command can still arrive another way (a workspace import), and is named here.
      const names = steps.map((s) => outsideName(allowed, s.command)).filter((n) => n !== undefined);
      this.disallowed = names.filter((n, i) => names.indexOf(n) === i);
    }
    if (this.verdict.pass && !this.solved) {
      this.solved = true;
      this.solvedWith = this.used;
      this.remember(markDone(this.progress, l.id, this.used, Date.now()));
    }
  }

  private remember(p: Progress): void {
    this.progress = p;
    saveProgress(storage(), p);
  }
}

/**
 * Lesson mode's entry point for the app: decides whether a location hash is a lesson link (#course, #lesson=…,
 * #workshop=…, #lessonfile=…), builds the sequence it names, and holds the open LessonSession for the view.
 * The course data and checker load lazily, so the playground's own bundle does not grow.
 */
import type { Playground } from '../lib/playground.svelte.ts';
import type { ScenarioSession } from '../scenario/session.svelte.ts';
import type { LessonSession, Sequence } from './lesson.svelte.ts';
import type { LessonFile } from './lesson-file.ts';
import { parseRoute } from './route.ts';

export class LessonHost {
  current = $state.raw<LessonSession | null>(null);
  /** Why a lesson link could not be opened. */
  error = $state('');

  constructor(
    readonly pg: Playground,
    readonly ss: ScenarioSession,
  ) {}

  /** Is this hash a lesson link? */
  wants(hash: string): boolean {
    return parseRoute(hash) !== null;
  }

  /** Open what a lesson link names; false (with `error` set) when it cannot. */
  async boot(hash: string): Promise<boolean> {
    const route = parseRoute(hash);
    if (!route) return false;
    const [{ builtInCourse }, { decodeLessonPayload }] = await Promise.all([import('./course.ts'), import('./link.ts')]);
    const course = builtInCourse();
    if (route.kind === 'course' || route.kind === 'lesson') {
      const id = route.kind === 'lesson' ? route.id : undefined;
      if (id !== undefined && !course.lessons.some((l) => l.id === id)) {
        this.error = `There is no lesson called "${id}". Here is the course.`;
      } else this.error = '';
      await this.open({ kind: 'course', title: course.title, lessons: course.lessons, notes: [] }, id);
      return true;
    }
    const r = decodeLessonPayload(route.data, course.lessons);
    if (!r.ok) {
      this.error = r.error;
      return false;
    }
    await this.open(sequenceOf(r.value));
    return true;
  }

  /** A lesson file chosen or dropped by a teacher. */
  async openFile(text: string): Promise<void> {
    const [{ builtInCourse }, { readLessonText }] = await Promise.all([import('./course.ts'), import('./link.ts')]);
    const r = readLessonText(text, builtInCourse().lessons);
    if (!r.ok) {
      this.error = r.error;
      return;
    }
    this.error = '';
    await this.open(sequenceOf(r.value));
  }

  /** Leave lesson mode: the learner's own saved session comes back. */
  close(): void {
    if (!this.current) return;
    this.current.dispose();
    this.current = null;
    this.ss.persist = true;
    void this.ss.boot({ hash: '', search: '' }, true);
  }

  private async open(seq: Sequence, id?: string): Promise<void> {
    const { LessonSession } = await import('./lesson.svelte.ts');
    if (!this.current) {
      // Lessons run in the scenario session; keep them out of the saved workspace so the learner's own session
      // is still there when they leave (save it first: a change may be waiting on the save timer).
      this.ss.save();
      this.ss.persist = false;
    }
    this.current?.dispose();
    const ls = new LessonSession(this.pg, this.ss);
    this.current = ls;
    await ls.start(seq, id);
  }
}

function sequenceOf(f: LessonFile): Sequence {
  switch (f.kind) {
    case 'lesson':
      return { kind: 'file', title: f.lesson.title, lessons: [f.lesson], notes: [] };
    case 'course':
      return { kind: 'file', title: f.course.title, lessons: f.course.lessons, notes: [] };
    case 'workshop':
      return { kind: 'workshop', title: f.workshop.title, lessons: f.workshop.items.map((i) => i.lesson), notes: f.workshop.items.map((i) => i.note) };
  }
}

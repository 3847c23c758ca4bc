/** Teachers' lesson files, links and saved progress: what is accepted, what is refused and how it is said. */
import { describe, expect, it } from 'vitest';
import { builtInCourse, COURSE_FILE } from './course.ts';
import { LESSON_VERSION } from './format.ts';
import { lessonToJson, parseLessonFile } from './lesson-file.ts';
import { decodeLessonPayload, lessonFileHash, parseRoute, readLessonText, workshopHash } from './link.ts';
import { EMPTY_PROGRESS, loadProgress, markDone, PROGRESS_KEY, saveProgress, withHints } from './progress.ts';
import { targetOf } from './run.ts';

const lesson = {
  v: LESSON_VERSION,
  kind: 'lesson',
  id: 'my-first',
  title: 'Two entries',
  intro: 'Add two entries.',
  goal: { text: 'The stream `s` holds two entries.', check: { stream: 's', length: 2 } },
  hints: ['Use XADD twice.'],
  solution: ['producer> XADD s * a 1', 'producer> XADD s * a 2'],
};
const library = builtInCourse().lessons;

describe('lesson files', () => {
  it('accepts a minimal lesson with defaults for clients, clock and profile', () => {
    const r = parseLessonFile(lesson);
    expect(r.ok).toBe(true);
    if (!r.ok || r.value.kind !== 'lesson') return;
    expect(r.value.lesson).toMatchObject({ clients: ['producer', 'alice', 'bob'], clock: { start: 1_700_000_000_000, stepPerCommand: 0 }, profile: 'redis-8', setup: [] });
    expect(targetOf(r.value.lesson).verdict.pass).toBe(true);
  });

  it('sends the replayable part through the scenario gate, naming the lesson field', () => {
    const r = parseLessonFile({ ...lesson, solution: ['carol> XADD s * a 1'] });
    expect(r).toEqual({ ok: false, error: 'lesson "my-first": solution[0].client "carol" is not one of the scenario\'s clients' });
    const q = parseLessonFile({ ...lesson, setup: ['producer> XADD s "unbalanced'] });
    expect(q.ok ? '' : q.error).toMatch(/setup\[0\]\.command: unbalanced quotes/);
  });

  it('refuses a list of commands that leaves out a command of the solution (a learner could not type it)', () => {
    expect(parseLessonFile({ ...lesson, allowed: ['XADD', 'XRANGE'] }).ok).toBe(true);
    expect(parseLessonFile({ ...lesson, allowed: ['XRANGE', 'XLEN'] })).toEqual({
      ok: false,
      error: 'lesson "my-first".solution[0] runs XADD, which lesson "my-first".allowed does not list (the consoles would refuse it)',
    });
  });

  it('refuses bad goals, ids, versions and kinds with one clear sentence', () => {
    const bad = (v: unknown) => {
      const r = parseLessonFile(v);
      return r.ok ? '' : r.error;
    };
    expect(bad({ ...lesson, goal: { text: 'x', check: { stream: 's', lenght: 2 } } })).toMatch(/unknown field "lenght"/);
    expect(bad({ ...lesson, id: 'Has Spaces' })).toMatch(/only a-z, 0-9 and -/);
    expect(bad({ ...lesson, v: 99 })).toMatch(/newer version/);
    expect(bad({ ...lesson, kind: 'scenario' })).toMatch(/"kind": "lesson", "course" or "workshop"/);
    expect(bad({ ...lesson, solution: [] })).toMatch(/at least one step/);
    expect(bad({ v: 1, kind: 'course', title: 'Twice', lessons: [lesson, lesson] })).toMatch(/two lessons with the id "my-first"/);
  });

  it('round-trips a built-in lesson through its JSON form', () => {
    const l = library[6];
    const r = parseLessonFile({ v: LESSON_VERSION, kind: 'lesson', ...lessonToJson(l) });
    expect(r.ok && r.value.kind === 'lesson' ? r.value.lesson : null).toEqual(l);
  });

  it('reads the whole built-in course file', () => {
    const r = readLessonText(JSON.stringify(COURSE_FILE), []);
    expect(r.ok && r.value.kind === 'course' ? r.value.course.lessons.length : 0).toBe(library.length);
    expect(readLessonText('{nope', [])).toEqual({ ok: false, error: 'The file could not be opened: it is not valid JSON' });
  });
});

describe('lesson links', () => {
  it('parses course, lesson, workshop and file routes, and ignores others', () => {
    expect(parseRoute('#course')).toEqual({ kind: 'course' });
    expect(parseRoute('#lesson=ack-basics')).toEqual({ kind: 'lesson', id: 'ack-basics' });
    expect(parseRoute('#workshop=1.abc')).toEqual({ kind: 'workshop', data: '1.abc' });
    expect(parseRoute('#lessonfile=1.abc')).toEqual({ kind: 'file', data: '1.abc' });
    expect(parseRoute('#s=1.abc')).toBeNull();
  });

  it('carries a workshop with notes; built-in lessons travel by id, own lessons whole', () => {
    const own = parseLessonFile(lesson);
    if (!own.ok || own.value.kind !== 'lesson') throw new Error('fixture');
    const hash = workshopHash({ title: 'Room 4', items: [{ lesson: library[4], note: 'Go slowly here.' }, { lesson: own.value.lesson, note: '' }] }, library);
    expect(hash.length).toBeLessThan(1200);
    const r = decodeLessonPayload(hash.slice('#workshop='.length), library);
    expect(r.ok && r.value.kind === 'workshop' ? r.value.workshop : null).toEqual({ title: 'Room 4', items: [{ lesson: library[4], note: 'Go slowly here.' }, { lesson: own.value.lesson, note: '' }] });
  });

  it('carries a lesson file, and refuses damaged or unknown payloads', () => {
    const hash = lessonFileHash(lesson);
    const r = decodeLessonPayload(hash.slice('#lessonfile='.length), library);
    expect(r.ok && r.value.kind).toBe('lesson');
    expect(decodeLessonPayload('2.abc', library).ok).toBe(false);
    expect(decodeLessonPayload('1.@@@', library)).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
    expect(decodeLessonPayload(hash.slice('#lessonfile='.length, -8), library).ok).toBe(false);
  });

  it('refuses a workshop naming a lesson this playground does not have', () => {
    expect(parseLessonFile({ v: 1, kind: 'workshop', items: [{ lesson: 'nope' }] }, library)).toEqual({ ok: false, error: 'items[0].lesson "nope" is not a lesson of this playground' });
  });
});

describe('saved progress', () => {
  const store = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
  };
  it('saves and loads, keeping the best command count', () => {
    const s = store();
    let p = markDone(EMPTY_PROGRESS, 'ack-basics', 3, 1);
    p = markDone(p, 'ack-basics', 5, 2);
    p = withHints(p, 'ack-basics', 2);
    saveProgress(s, p);
    expect(loadProgress(s)).toEqual({ v: 1, done: { 'ack-basics': { commands: 3, at: 1 } }, hints: { 'ack-basics': 2 } });
  });
  it('ignores a record of another version or a broken one', () => {
    const s = store();
    s.m.set(PROGRESS_KEY, JSON.stringify({ v: 2, done: { x: { commands: 1, at: 1 } } }));
    expect(loadProgress(s)).toEqual(EMPTY_PROGRESS);
    s.m.set(PROGRESS_KEY, '{broken');
    expect(loadProgress(s)).toEqual(EMPTY_PROGRESS);
  });
});

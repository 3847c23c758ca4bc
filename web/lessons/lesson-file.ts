/**
 * Lesson, course and workshop files: JSON a teacher writes (FORMAT.md), validated field by field. The replayable
 * part of every lesson (clients, clock, profile, setup, solution) is handed to the scenario gate, restore(), so a
 * lesson is held to exactly the limits and checks of any scenario; the rest (goal, hints, notes) is checked here.
 * Nothing here throws to its caller: the answer is a typed value or one sentence naming the field.
 */
import { DEFAULT_PROFILE, type ProfileName } from '../../engine/index.ts';
import { restore } from '../scenario/restore.ts';
import { isCommandStep, type CommandStep } from '../scenario/format.ts';
import { fail, ok, type Result } from '../scenario/validate.ts';
import { outsideName } from './allowed.ts';
import { DEFAULT_CLIENTS, DEFAULT_CLOCK, LESSON_LIMITS, LESSON_VERSION, lessonScenario, type Course, type Lesson, type LessonStep, type Workshop } from './format.ts';
import { GoalError, parseGoal } from './goal-parse.ts';

export type LessonFile =
  | { readonly kind: 'lesson'; readonly lesson: Lesson }
  | { readonly kind: 'course'; readonly course: Course }
  | { readonly kind: 'workshop'; readonly workshop: Workshop };

class Bad extends Error {}
type O = Readonly<Record<string, unknown>>;
const isO = (v: unknown): v is O => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[a-z0-9][a-z0-9-]*$/;

function str(v: unknown, at: string, max: number, empty = false): string {
  if (typeof v !== 'string' || (!empty && v.trim() === '')) throw new Bad(`${at} should be ${empty ? '' : 'non-empty '}text`);
  if (v.length > max) throw new Bad(`${at} is ${v.length} characters long; at most ${max} are allowed`);
  return v;
}

function list(v: unknown, at: string, max: number): readonly unknown[] {
  if (!Array.isArray(v)) throw new Bad(`${at} should be a list`);
  if (v.length > max) throw new Bad(`${at} has ${v.length} items; at most ${max} are allowed`);
  return v;
}

/** `"alice> XACK s g 1-0"`, `"~ 60000"`, or the object forms `{ "client", "command" }` / `{ "advance" }`. */
function step(v: unknown, at: string): unknown {
  if (typeof v !== 'string') return v;
  const adv = /^~\s*(-?\d+)$/.exec(v.trim());
  if (adv) return { advance: Number(adv[1]) };
  const m = /^([^>\s]+)>\s?(.*)$/s.exec(v);
  if (!m) throw new Bad(`${at} should look like "alice> XACK s g 1-0" or "~ 60000"`);
  return { client: m[1], command: m[2] };
}

/** Check the replayable part through the scenario gate; its message is re-worded to name the lesson's fields. */
function throughGate(raw: { clients: unknown; clock: unknown; profile: unknown; setup: unknown[]; solution: unknown[] }, at: string): { clients: string[]; setup: CommandStep[]; solution: LessonStep[]; clock: Lesson['clock']; profile: ProfileName } {
  const c = isO(raw.clock) ? raw.clock : {};
  const value = {
    v: 2,
    title: '',
    description: '',
    profile: raw.profile,
    clock: { start: c.start ?? DEFAULT_CLOCK.start, mode: 'virtual', stepPerCommand: c.stepPerCommand ?? DEFAULT_CLOCK.stepPerCommand },
    clients: raw.clients,
    steps: raw.solution,
    ...(raw.setup.length ? { state: { commands: raw.setup } } : {}),
  };
  const r = restore({ from: 'message', value });
  if (!r.ok) {
    const why = r.error.replace(/^.*? could not be opened: /, '').replace(/\bsteps\[/g, 'solution[').replace(/\bstate\.commands\[/g, 'setup[');
    throw new Bad(`${at}: ${why}`);
  }
  const s = r.value.scenario;
  const solution = s.steps.map((st): LessonStep => {
    if (isCommandStep(st)) return st;
    if ('advance' in st) return { advance: st.advance };
    throw new Bad(`${at}.solution may hold only commands and clock moves`);
  });
  const setup = s.state && 'commands' in s.state ? [...s.state.commands] : [];
  return { clients: [...s.clients], setup, solution, clock: { start: s.clock.start, stepPerCommand: s.clock.stepPerCommand }, profile: s.profile };
}

/** The first solution command that `allowed` leaves out. */
function firstOutside(allowed: readonly string[], solution: readonly LessonStep[]): { at: number; name: string } | undefined {
  for (let at = 0; at < solution.length; at++) {
    const st = solution[at];
    const name = isCommandStep(st) ? outsideName(allowed, st.command) : undefined;
    if (name) return { at, name };
  }
  return undefined;
}

export function parseLesson(v: unknown, at = 'lesson'): Lesson {
  if (!isO(v)) throw new Bad(`${at} should be an object`);
  const id = str(v.id, `${at}.id`, LESSON_LIMITS.id);
  if (!ID.test(id)) throw new Bad(`${at}.id "${id}" should use only a-z, 0-9 and - (it appears in links)`);
  const where = `${at} "${id}"`;
  const g = v.goal;
  if (!isO(g)) throw new Bad(`${where}.goal should be an object with text and check`);
  let check;
  try {
    check = parseGoal(g.check, `${where}.goal.check`);
  } catch (e) {
    if (e instanceof GoalError) throw new Bad(e.message);
    throw e;
  }
  const hints = list(v.hints ?? [], `${where}.hints`, LESSON_LIMITS.hints).map((h, i) => str(h, `${where}.hints[${i}]`, LESSON_LIMITS.hint));
  const setup = list(v.setup ?? [], `${where}.setup`, 2_000).map((s, i) => step(s, `${where}.setup[${i}]`));
  const solution = list(v.solution, `${where}.solution`, 1_000).map((s, i) => step(s, `${where}.solution[${i}]`));
  if (solution.length === 0) throw new Bad(`${where}.solution should have at least one step`);
  const replay = throughGate({ clients: v.clients ?? DEFAULT_CLIENTS, clock: v.clock, profile: v.profile ?? DEFAULT_PROFILE, setup, solution }, where);
  let allowed: string[] | undefined;
  if (v.allowed !== undefined) {
    allowed = list(v.allowed, `${where}.allowed`, LESSON_LIMITS.allowed).map((a, i) => str(a, `${where}.allowed[${i}]`, 40).toUpperCase());
    // The consoles refuse what the list leaves out: a solution outside it could not be typed.
    const outside = firstOutside(allowed, replay.solution);
    if (outside) throw new Bad(`${where}.solution[${outside.at}] runs ${outside.name}, which ${where}.allowed does not list (the consoles would refuse it)`);
  }
  const lesson: Lesson = {
    id,
    title: str(v.title, `${where}.title`, 200),
    intro: str(v.intro ?? '', `${where}.intro`, LESSON_LIMITS.intro, true),
    goal: { text: str(g.text, `${where}.goal.text`, LESSON_LIMITS.goalText), check },
    hints,
    ...replay,
    ...(allowed ? { allowed } : {}),
  };
  // Belt and braces: the scenario built from the parsed lesson is what the app replays.
  lessonScenario(lesson);
  return lesson;
}

function header(v: unknown, kind: string): O {
  if (!isO(v)) throw new Bad('a lesson file should be a JSON object');
  if (typeof v.v === 'number' && v.v > LESSON_VERSION) throw new Bad(`this ${kind} was made by a newer version of the playground (format ${v.v}); reload to update`);
  if (v.v !== LESSON_VERSION) throw new Bad(`the version field "v" should be ${LESSON_VERSION}`);
  return v;
}

function uniqueIds(lessons: readonly Lesson[], at: string): void {
  const seen = new Set<string>();
  for (const l of lessons) {
    if (seen.has(l.id)) throw new Bad(`${at} has two lessons with the id "${l.id}"`);
    seen.add(l.id);
  }
}

/** Any lesson file object. Workshop items may name a lesson of `library` (the built-in course) by its id. */
export function parseLessonFile(v: unknown, library: readonly Lesson[] = []): Result<LessonFile> {
  try {
    const kind = isO(v) ? v.kind : undefined;
    if (kind === 'lesson') {
      header(v, 'lesson');
      return ok({ kind, lesson: parseLesson(v) });
    }
    if (kind === 'course') {
      const o = header(v, 'course');
      const lessons = list(o.lessons, 'lessons', LESSON_LIMITS.lessons).map((l, i) => parseLesson(l, `lessons[${i}]`));
      if (lessons.length === 0) throw new Bad('lessons should hold at least one lesson');
      uniqueIds(lessons, 'the course');
      const id = str(o.id ?? 'course', 'id', LESSON_LIMITS.id);
      return ok({ kind, course: { id, title: str(o.title, 'title', 200), lessons } });
    }
    if (kind === 'workshop') {
      const o = header(v, 'workshop');
      const items = list(o.items, 'items', LESSON_LIMITS.lessons).map((it, i) => {
        if (!isO(it)) throw new Bad(`items[${i}] should be an object`);
        const note = str(it.note ?? '', `items[${i}].note`, LESSON_LIMITS.note, true);
        if (typeof it.lesson === 'string') {
          const found = library.find((l) => l.id === it.lesson);
          if (!found) throw new Bad(`items[${i}].lesson "${it.lesson.slice(0, 64)}" is not a lesson of this playground`);
          return { lesson: found, note };
        }
        return { lesson: parseLesson(it.lesson, `items[${i}].lesson`), note };
      });
      if (items.length === 0) throw new Bad('items should hold at least one lesson');
      uniqueIds(items.map((x) => x.lesson), 'the workshop');
      return ok({ kind, workshop: { title: str(o.title ?? 'Workshop', 'title', 200), items } });
    }
    return fail('expected "kind": "lesson", "course" or "workshop"');
  } catch (e) {
    if (e instanceof Bad) return fail(e.message);
    return fail(e instanceof Error ? e.message.slice(0, 200) : 'unexpected error');
  }
}

/** A lesson back to the JSON a teacher would write (the "download" button, and the workshop link's payload). */
export function lessonToJson(l: Lesson): Record<string, unknown> {
  return {
    id: l.id,
    title: l.title,
    intro: l.intro,
    goal: l.goal,
    hints: l.hints,
    clients: l.clients,
    clock: l.clock,
    profile: l.profile,
    setup: l.setup.map((s) => `${s.client}> ${s.command}`),
    solution: l.solution.map((s) => ('advance' in s ? `~ ${s.advance}` : `${s.client}> ${s.command}`)),
    ...(l.allowed ? { allowed: l.allowed } : {}),
  };
}

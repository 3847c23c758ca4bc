/**
 * The built-in course: its lessons in order, parsed through the same gate as a teacher's file (a mistake in the
 * course data fails here, and in CI, not in a learner's browser).
 */
import { BASICS } from './course-basics.ts';
import { ADVANCED } from './course-advanced.ts';
import type { Course } from './format.ts';
import { LESSON_VERSION } from './format.ts';
import { parseLessonFile } from './lesson-file.ts';

/** The course as the JSON file a teacher could download and edit. */
export const COURSE_FILE = { v: LESSON_VERSION, kind: 'course', id: 'streams', title: 'Redis Streams, step by step', lessons: [...BASICS, ...ADVANCED] } as const;

let parsed: Course | undefined;

export function builtInCourse(): Course {
  if (parsed) return parsed;
  const r = parseLessonFile(COURSE_FILE);
  if (!r.ok) throw new Error(`the built-in course is invalid: ${r.error}`);
  if (r.value.kind !== 'course') throw new Error('the built-in course is not a course');
  parsed = r.value.course;
  return parsed;
}

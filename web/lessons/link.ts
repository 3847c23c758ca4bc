/**
 * Lesson links. `#course` opens the built-in course, `#lesson=<id>` one of its lessons, `#workshop=1.<data>` a
 * teacher's workshop and `#lessonfile=1.<data>` any lesson file. Payloads are JSON, DEFLATE-compressed and
 * base64url-encoded like scenario links, decoded with the same bounded inflater, and then read by parseLessonFile
 * (whose lessons go through the scenario restore() gate). Nothing needs a server.
 */
import { deflateSync, strToU8 } from 'fflate';
import { fromBase64Url, inflateBounded, toBase64Url } from '../scenario/codec.ts';
import { LIMITS } from '../scenario/format.ts';
import { fail, type Result } from '../scenario/validate.ts';
import { LESSON_VERSION, type Lesson, type Workshop } from './format.ts';
import { lessonToJson, parseLessonFile, type LessonFile } from './lesson-file.ts';

const PREFIX = '1.';
/** Words lesson payloads repeat; never change it (make a new prefix instead). */
const DICTIONARY = strToU8(
  '{"v":1,"kind":"workshop","title":"","items":[{"lesson":"","note":""}]},"id":"","intro":"","goal":{"text":"","check":{"all":[{"stream":"",' +
    '"pending":{"stream":"","group":"","consumer":"","count":"ids":["1-0"]}}]}},"hints":[""],"setup":["producer> XADD ","alice> XREADGROUP GROUP ' +
    'workers alice STREAMS jobs >"],"solution":["~ 60000"],"clients":["producer","alice","bob"],"clock":{"start":1700000000000,"stepPerCommand":0},"profile":"redis-8"}',
);

export { parseRoute, lessonHash, type Route } from './route.ts';

/** The `#workshop=…` hash for a chosen sequence. Built-in lessons travel by id, others whole. */
export function workshopHash(w: Workshop, builtIn: readonly Lesson[]): string {
  const items = w.items.map((it) => ({ lesson: builtIn.some((l) => l === it.lesson) ? it.lesson.id : lessonToJson(it.lesson), ...(it.note ? { note: it.note } : {}) }));
  return `#workshop=${encode({ v: LESSON_VERSION, kind: 'workshop', title: w.title, items })}`;
}

/** The `#lessonfile=…` hash carrying a whole lesson or course file object. */
export const lessonFileHash = (file: unknown): string => `#lessonfile=${encode(file)}`;

function encode(value: unknown): string {
  return PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9, dictionary: DICTIONARY }));
}

/** A workshop or lesson-file payload back to a validated lesson file. */
export function decodeLessonPayload(data: string, library: readonly Lesson[]): Result<LessonFile> {
  if (data.length > LIMITS.urlChars) return fail(`This link is too long (${data.length} characters; at most ${LIMITS.urlChars})`);
  if (!data.startsWith(PREFIX)) return fail('This link was made by a newer version of the playground (unknown link format); reload to update.');
  const bytes = fromBase64Url(data.slice(PREFIX.length));
  if (!bytes) return fail('This link is damaged (its data is not valid base64url); was it cut short when copied?');
  if (bytes.length > LIMITS.compressedBytes) return fail('This link carries too much data');
  const json = inflateBounded(bytes, LIMITS.jsonBytes, DICTIONARY);
  if (!json.ok) return json;
  let value: unknown;
  try {
    value = JSON.parse(json.value);
  } catch {
    return fail('This link is damaged (its data is not valid JSON)');
  }
  const r = parseLessonFile(value, library);
  return r.ok ? r : fail(`The lesson link could not be opened: ${r.error}`);
}

/** A lesson file's text (an opened or dropped `.json` file). */
export function readLessonText(text: string, library: readonly Lesson[]): Result<LessonFile> {
  if (text.length > LIMITS.jsonBytes) return fail(`The file could not be opened: it is longer than ${LIMITS.jsonBytes} characters`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('The file could not be opened: it is not valid JSON');
  }
  const r = parseLessonFile(value, library);
  return r.ok ? r : fail(`The file could not be opened: ${r.error}`);
}

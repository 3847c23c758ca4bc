/**
 * Runnable transcripts: a redis-cli session pasted from a docs page (`dragonfly> CMD`, `redis> CMD`,
 * `127.0.0.1:6379> CMD`, each followed by what the page says it printed) becomes a scenario plus the printed
 * replies, so the playground can replay the commands and show where the page and the engine disagree.
 */
import { DEFAULT_PROFILE } from '../../engine/profile-names.ts';
import { LIMITS, SCENARIO_VERSION, type Scenario } from './format.ts';
import { fail, ok, type Result } from './validate.ts';

export interface Transcript {
  readonly scenario: Scenario;
  /** What the page printed after each command step (same index as scenario.steps), lines joined with `\n`. */
  readonly expected: readonly string[];
}

/** A prompt: `name>` or `host:port>` optionally with `[db]`, then one space and the command. */
const PROMPT = /^(dragonfly|redis|valkey|127\.0\.0\.1:\d+|localhost:\d+|redis-cli)(\[\d+\])?> ?(.*)$/;

export const looksLikeTranscript = (text: string): boolean => text.split(/\r?\n/).some((l) => PROMPT.test(l.trim()) && PROMPT.exec(l.trim())?.[3] !== '');

/** Drop a docs-style trailing comment (`(integer) 0  # why`) that is not inside quotes. */
export function stripComment(line: string): string {
  const m = /^(.*?)\s+#\s.*$/.exec(line);
  if (!m) return line;
  const quotes = (m[1].match(/(?<!\\)"/g) ?? []).length;
  return quotes % 2 === 0 ? m[1] : line;
}

/** Parse a pasted transcript; the clock starts at the first entry ID it prints (1 ms per command), as docs pages do. */
export function parseTranscript(text: string, title = 'Pasted transcript'): Result<Transcript> {
  if (text.length > LIMITS.jsonBytes) return fail('The transcript is too long');
  const lines = text.split(/\r?\n/);
  const steps: { client: string; command: string }[] = [];
  const expected: string[][] = [];
  let promptName = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (/^\s*```/.test(line)) continue;
    const m = PROMPT.exec(line.trim());
    if (m && m[3].trim() !== '') {
      if (steps.length >= LIMITS.steps) return fail(`The transcript has more than ${LIMITS.steps} commands`);
      if (m[3].length > LIMITS.command) return fail(`A command is longer than ${LIMITS.command} characters`);
      promptName ||= m[1];
      steps.push({ client: 'client', command: m[3].trim() });
      expected.push([]);
    } else if (steps.length > 0 && line.trim() !== '') {
      expected[expected.length - 1].push(stripComment(line));
    }
  }
  if (steps.length === 0) return fail('No commands found: paste lines that start with a prompt such as "redis> " or "127.0.0.1:6379> "');
  const firstId = expected.flat().map((l) => /"(\d{10,16})-\d+"/.exec(l)).find((x) => x !== null);
  const start = firstId ? Number(firstId[1]) : 1_700_000_000_000;
  const prompt = promptName === 'dragonfly' || promptName === 'valkey' ? promptName : '127.0.0.1:6379';
  return ok({
    scenario: {
      v: SCENARIO_VERSION,
      title,
      description: 'Replayed from a pasted transcript; replies that differ from the page are highlighted.',
      profile: DEFAULT_PROFILE,
      clock: { start, mode: 'virtual', stepPerCommand: 1 },
      clients: ['client'],
      steps,
      view: { prompt },
    },
    expected: expected.map((e) => e.join('\n')),
  });
}

export interface Comparison {
  readonly command: string;
  readonly expected: string;
  readonly actual: string;
  readonly same: boolean;
}

/** Normalize printed output for comparison: no trailing spaces, no trailing blank lines. */
const norm = (s: string) => s.split('\n').map((l) => l.replace(/\s+$/, '')).join('\n').replace(/\n+$/, '');

/** Pair each command's printed reply with the engine's (redis-cli formatted) reply. */
export function compareTranscript(t: Transcript, actual: readonly string[]): Comparison[] {
  return t.scenario.steps.map((s, i) => {
    const command = 'command' in s ? s.command : '';
    const e = norm(t.expected[i] ?? '');
    const a = norm(actual[i] ?? '');
    return { command, expected: e, actual: a, same: e === a };
  });
}

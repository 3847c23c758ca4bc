/**
 * Conformance transcripts: small readable files of redis-cli sessions, each case replayed on a fresh engine.
 *
 *   === XACK: ignores unknown IDs        a case (fresh engine); the title reads like the behaviour it pins
 *   @profile redis-7.0                   options, before the first step: profile, clock start, ms per command,
 *   @clock 1609097574170                 the oldest server that has the behaviour (@since 8.2), and @timing when
 *   @step 1                              replies depend on the clock (then no real server can be compared)
 *   @since 8.2
 *   @timing
 *   > XADD s 1-0 f v                     a command by the default client
 *   "1-0"                                the reply exactly as redis-cli prints it
 *   alice> XREADGROUP GROUP g alice BLOCK 0 STREAMS s >
 *   (blocked)                            alice now waits
 *   bob> XADD s 2-0 f v
 *   "2-0"
 *   alice< 1) 1) "s"                      the reply alice received because of that step
 *          ...
 *   ~ 1500                               advance the virtual clock by 1500 ms
 *   # comment
 */
import { formatReply, splitArgs, utf8ToBinary } from '../cli-format.ts';
import { VirtualClock } from '../clock.ts';
import { Engine, type Wake } from '../engine.ts';
import { isProfileName, type ProfileName } from '../profiles.ts';
import { toResp2, type Reply } from '../reply.ts';

export type Step =
  | { readonly kind: 'command'; readonly client: string; readonly line: string; readonly argv: string[]; readonly expect: string; readonly lineNo: number }
  | { readonly kind: 'woken'; readonly client: string; readonly expect: string; readonly lineNo: number }
  | { readonly kind: 'advance'; readonly ms: number; readonly lineNo: number };

export interface Case {
  readonly title: string;
  readonly file: string;
  readonly lineNo: number;
  profile: ProfileName;
  clock: number;
  step: number;
  /** The oldest Redis version with this behaviour (real servers older than it are not compared). */
  since: string;
  /** Replies depend on the clock: only the engine (virtual clock) can be checked. */
  timing: boolean;
  readonly steps: Step[];
}

export const DEFAULT_CLIENT = 'default';
export const DEFAULT_CLOCK = 1_700_000_000_000;

const CASE_RE = /^===\s+(.*)$/;
const CMD_RE = /^([A-Za-z0-9_-]*)> (.*)$/;
const WOKEN_RE = /^([A-Za-z0-9_-]+)< ?(.*)$/;
const ADVANCE_RE = /^~ (\d+)$/;
const DIRECTIVE_RE = /^@(\w+)(?:\s+(.*))?$/;

export function parseTranscript(text: string, file: string): Case[] {
  const cases: Case[] = [];
  let cur: Case | undefined;
  let expectLines: string[] | undefined;
  const lines = text.split('\n');
  const closeExpect = () => {
    if (!cur || !expectLines) return;
    const last = cur.steps[cur.steps.length - 1];
    const expect = expectLines.join('\n');
    if (last.kind === 'command') cur.steps[cur.steps.length - 1] = { ...last, expect };
    else if (last.kind === 'woken') cur.steps[cur.steps.length - 1] = { ...last, expect };
    expectLines = undefined;
  };
  const fail = (n: number, msg: string): never => {
    throw new Error(`${file}:${n + 1}: ${msg}`);
  };
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n].replace(/\r$/, '');
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    let m: RegExpExecArray | null;
    if ((m = CASE_RE.exec(raw))) {
      closeExpect();
      cur = { title: m[1].trim(), file, lineNo: n + 1, profile: 'redis-8', clock: DEFAULT_CLOCK, step: 0, since: '0', timing: false, steps: [] };
      cases.push(cur);
      continue;
    }
    if (!cur) fail(n, 'content before the first === case');
    const c = cur as Case;
    if ((m = DIRECTIVE_RE.exec(raw)) && expectLines === undefined && c.steps.length === 0) {
      const [, name, arg = ''] = m;
      if (name === 'profile') {
        if (!isProfileName(arg)) fail(n, `unknown profile ${arg}`);
        c.profile = arg as ProfileName;
      } else if (name === 'clock') c.clock = Number(arg);
      else if (name === 'step') c.step = Number(arg);
      else if (name === 'since') c.since = arg;
      else if (name === 'timing') c.timing = true;
      else fail(n, `unknown directive @${name}`);
      continue;
    }
    if ((m = ADVANCE_RE.exec(raw))) {
      closeExpect();
      c.steps.push({ kind: 'advance', ms: Number(m[1]), lineNo: n + 1 });
      c.timing = true;
      continue;
    }
    if ((m = CMD_RE.exec(raw))) {
      closeExpect();
      const argv = splitArgs(utf8ToBinary(m[2]));
      if (!argv) fail(n, 'unbalanced quotes');
      c.steps.push({ kind: 'command', client: m[1] || DEFAULT_CLIENT, line: m[2], argv: argv as string[], expect: '', lineNo: n + 1 });
      expectLines = [];
      continue;
    }
    if ((m = WOKEN_RE.exec(raw)) && !raw.startsWith(' ')) {
      closeExpect();
      c.steps.push({ kind: 'woken', client: m[1], expect: '', lineNo: n + 1 });
      expectLines = m[2] === '' ? [] : [m[2]];
      continue;
    }
    if (!expectLines) fail(n, `expected a command before: ${raw}`);
    (expectLines as string[]).push(raw);
  }
  closeExpect();
  return cases;
}

/**
 * The text a step's reply is compared with: redis-cli's output without the final newline. A RESP2 client sees
 * maps flattened into arrays (as the RESP encoder and the worker send them), so render what it would see.
 */
export function render(reply: Reply | null, resp: 2 | 3 = 2): string {
  if (reply === null) return '(blocked)';
  return formatReply(resp === 3 ? reply : toResp2(reply)).replace(/\n$/, '');
}

export interface StepResult {
  readonly step: Step;
  readonly actual: string;
}

/** Replay a case on a fresh engine; returns each step with what the engine printed. Pending woken replies are checked in order. */
export function runCase(c: Case): { results: StepResult[]; unclaimed: string[]; engine: Engine } {
  const clock = new VirtualClock(c.clock, c.step);
  const engine = new Engine({ clock, profile: c.profile });
  const clients = new Map<string, number>();
  const idOf = (name: string) => {
    let id = clients.get(name);
    if (id === undefined) clients.set(name, (id = engine.connect(name === DEFAULT_CLIENT ? '' : name)));
    return id;
  };
  const nameOf = (id: number) => [...clients].find(([, v]) => v === id)?.[0] ?? `#${id}`;
  const respOf = (name: string) => engine.client(idOf(name))?.resp ?? 2;
  const pending: Wake[] = [];
  const results: StepResult[] = [];
  for (const step of c.steps) {
    if (step.kind === 'command') {
      const r = engine.exec(idOf(step.client), step.argv);
      pending.push(...r.woken);
      results.push({ step, actual: render(r.reply, respOf(step.client)) });
    } else if (step.kind === 'advance') {
      pending.push(...engine.advance(step.ms).woken);
      results.push({ step, actual: '' });
    } else {
      const i = pending.findIndex((w) => nameOf(w.client) === step.client);
      const w = i >= 0 ? pending.splice(i, 1)[0] : undefined;
      results.push({ step, actual: w ? render(w.reply, respOf(step.client)) : '(no reply received)' });
    }
  }
  return { results, unclaimed: pending.map((w) => `${nameOf(w.client)}< ${render(w.reply, engine.client(w.client)?.resp ?? 2)}`), engine };
}

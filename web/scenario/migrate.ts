/**
 * Older scenario versions, upgraded step by step to the current one. A saved workspace or an old link never
 * becomes unreadable: each version bump adds one `from N` function here and a fixture test.
 *
 * Version 1 (the first release) kept the session as transcript lines:
 *   { v: 1, title, clock: { start, step, real? }, clients: [names], script: ["alice> XADD s * a 1", "~ 1500", "# note"] }
 */
import { LIMITS, SCENARIO_VERSION, type Step } from './format.ts';
import { fail, isObj, ok, type Obj, type Result } from './validate.ts';

/** Upgrade any known version to the current one (still unvalidated: restore() validates the result). */
export function migrate(v: unknown): Result<unknown> {
  if (!isObj(v)) return fail('The scenario should be a JSON object');
  const version = v.v;
  if (version === SCENARIO_VERSION) return ok(v);
  if (version === 1) return fromV1(v);
  if (typeof version === 'number' && version > SCENARIO_VERSION) {
    return fail(`This scenario was made by a newer version of the playground (format ${version}); reload to update.`);
  }
  return fail('This is not a scenario (its version field is missing or unknown)');
}

/** v1 → v2: transcript lines become typed steps; the clock gets its named fields. */
function fromV1(o: Obj): Result<unknown> {
  const script = o.script;
  if (!Array.isArray(script)) return fail('script (version 1) should be a list of lines');
  if (script.length > LIMITS.steps) return fail(`script has ${script.length} lines; at most ${LIMITS.steps} are allowed`);
  const clients = Array.isArray(o.clients) ? o.clients : [];
  const steps: Step[] = [];
  for (let i = 0; i < script.length; i++) {
    const line: unknown = script[i];
    if (typeof line !== 'string') return fail(`script[${i}] should be text`);
    const s = v1Step(line, clients);
    if (typeof s === 'string') return fail(`script[${i}]: ${s}`);
    steps.push(s);
  }
  const c = isObj(o.clock) ? o.clock : {};
  return ok({
    v: SCENARIO_VERSION,
    title: o.title ?? '',
    description: '',
    profile: 'redis-8',
    clock: { start: c.start, mode: c.real === true ? 'real' : 'virtual', stepPerCommand: c.step ?? 0 },
    clients,
    steps,
  });
}

function v1Step(line: string, clients: readonly unknown[]): Step | string {
  if (line.startsWith('# ')) return { note: line.slice(2) };
  const adv = /^~ (-?\d+)$/.exec(line);
  if (adv) return { advance: Number(adv[1]) };
  const cmd = /^([^>\s]+)> (.*)$/s.exec(line);
  if (!cmd) return 'expected "client> command", "~ ms" or "# note"';
  if (!clients.includes(cmd[1])) return `client "${cmd[1].slice(0, 32)}" is not listed in clients`;
  return { client: cmd[1], command: cmd[2] };
}

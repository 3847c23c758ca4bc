/**
 * Hand-written validation of a current-version scenario (`unknown` in, a typed Scenario or a message out). Every
 * message names the field, so a broken link or file says what is wrong instead of showing a blank page.
 */
import { DEFAULT_PROFILE, PROFILE_NAMES, isProfileName, splitArgs, utf8ToBinary, type EngineSnapshot, type ProfileName } from '../../engine/index.ts';
import { LIMITS, SCENARIO_VERSION, type ClockSpec, type CommandStep, type Scenario, type StartState, type Step, type ViewSpec } from './format.ts';

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: string): Result<T> => ({ ok: false, error });

const isProfile = (v: unknown): v is ProfileName => typeof v === 'string' && isProfileName(v);

/** Thrown inside the validator only, turned into a `fail` at its edge. */
class Invalid extends Error {}

export type Obj = Readonly<Record<string, unknown>>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function obj(v: unknown, at: string): Obj {
  if (!isObj(v)) throw new Invalid(`${at} should be an object`);
  return v;
}

function arr(v: unknown, at: string, max: number): readonly unknown[] {
  if (!Array.isArray(v)) throw new Invalid(`${at} should be a list`);
  if (v.length > max) throw new Invalid(`${at} has ${v.length} items; at most ${max} are allowed`);
  return v;
}

function str(v: unknown, at: string, max: number): string {
  if (typeof v !== 'string') throw new Invalid(`${at} should be text`);
  if (v.length > max) throw new Invalid(`${at} is ${v.length} characters long; at most ${max} are allowed`);
  return v;
}

function num(v: unknown, at: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new Invalid(`${at} should be a whole number`);
  if (v < min || v > max) throw new Invalid(`${at} should be between ${min} and ${max}`);
  return v;
}

/** Control characters (other than tab) make names unreadable and could fake terminal output. */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return true;
  }
  return false;
}

function clientName(v: unknown, at: string): string {
  const s = str(v, at, LIMITS.clientName);
  if (s.trim() === '' || s !== s.trim()) throw new Invalid(`${at} should be a non-empty name without surrounding spaces`);
  if (hasControl(s)) throw new Invalid(`${at} contains control characters`);
  return s;
}

function clock(v: unknown): ClockSpec {
  const o = obj(v, 'clock');
  const mode = o.mode;
  if (mode !== 'virtual' && mode !== 'real') throw new Invalid('clock.mode should be "virtual" or "real"');
  return {
    start: num(o.start, 'clock.start', 0, 4e15),
    mode,
    stepPerCommand: num(o.stepPerCommand ?? 0, 'clock.stepPerCommand', 0, LIMITS.clockStep),
  };
}

/** A command line must split into 1..LIMITS.argv arguments exactly as the console would split it. */
export function checkCommand(line: string, at: string): void {
  const argv = splitArgs(utf8ToBinary(line));
  if (!argv) throw new Invalid(`${at}: unbalanced quotes in "${line.slice(0, 60)}"`);
  if (argv.length === 0) throw new Invalid(`${at} is empty`);
  if (argv.length > LIMITS.argv) throw new Invalid(`${at} has ${argv.length} arguments; at most ${LIMITS.argv} are allowed`);
}

function commandStep(o: Obj, at: string, clients: ReadonlySet<string>): CommandStep {
  const client = clientName(o.client, `${at}.client`);
  if (!clients.has(client)) throw new Invalid(`${at}.client "${client}" is not one of the scenario's clients`);
  const command = str(o.command, `${at}.command`, LIMITS.command);
  checkCommand(command, `${at}.command`);
  return { client, command };
}

function step(v: unknown, at: string, clients: ReadonlySet<string>): Step {
  const o = obj(v, at);
  const kinds = ['command', 'advance', 'clockStep', 'note'].filter((k) => k in o);
  if (kinds.length !== 1) throw new Invalid(`${at} should have exactly one of command, advance, clockStep or note`);
  switch (kinds[0]) {
    case 'command':
      return commandStep(o, at, clients);
    case 'advance':
      return { advance: num(o.advance, `${at}.advance`, -LIMITS.advance, LIMITS.advance) };
    case 'clockStep':
      return { clockStep: num(o.clockStep, `${at}.clockStep`, 0, LIMITS.clockStep) };
    default:
      return { note: str(o.note, `${at}.note`, LIMITS.note) };
  }
}

/**
 * The structural shape of an engine snapshot. The engine's own restore checks the rest when it loads; a snapshot
 * it cannot load is reported then, and the engine keeps its previous state.
 */
function snapshot(v: unknown): EngineSnapshot {
  const o = obj(v, 'state.snapshot');
  if (o.v !== 1) throw new Invalid('state.snapshot has an unknown version');
  if (!isProfile(o.profile)) throw new Invalid('state.snapshot.profile is not a known profile');
  num(o.time, 'state.snapshot.time', 0, 8.64e15);
  num(o.stepPerCommand, 'state.snapshot.stepPerCommand', 0, LIMITS.clockStep);
  num(o.nextClientId, 'state.snapshot.nextClientId', 1, 2 ** 31);
  arr(o.clients, 'state.snapshot.clients', 10_000);
  arr(o.dbs, 'state.snapshot.dbs', 16);
  obj(o.config, 'state.snapshot.config');
  obj(o.stats, 'state.snapshot.stats');
  // Checked field by field above; the engine validates the contents on restore.
  return v as unknown as EngineSnapshot;
}

function startState(v: unknown, clients: ReadonlySet<string>): StartState {
  const o = obj(v, 'state');
  if ('snapshot' in o) return { snapshot: snapshot(o.snapshot) };
  if ('commands' in o) {
    const list = arr(o.commands, 'state.commands', LIMITS.setupCommands);
    return { commands: list.map((c, i) => commandStep(obj(c, `state.commands[${i}]`), `state.commands[${i}]`, clients)) };
  }
  throw new Invalid('state should have either snapshot or commands');
}

function view(v: unknown): ViewSpec {
  const o = obj(v, 'view');
  const out: { streams?: string[]; speed?: number; theme?: ViewSpec['theme']; prompt?: string } = {};
  if (o.streams !== undefined) out.streams = arr(o.streams, 'view.streams', LIMITS.streams).map((s, i) => str(s, `view.streams[${i}]`, 512));
  if (o.speed !== undefined) {
    if (typeof o.speed !== 'number' || !(o.speed >= 0.1 && o.speed <= 100)) throw new Invalid('view.speed should be a number from 0.1 to 100');
    out.speed = o.speed;
  }
  if (o.theme !== undefined) {
    if (o.theme !== 'light' && o.theme !== 'dark' && o.theme !== 'system') throw new Invalid('view.theme should be light, dark or system');
    out.theme = o.theme;
  }
  if (o.prompt !== undefined) {
    const p = str(o.prompt, 'view.prompt', LIMITS.prompt);
    if (hasControl(p)) throw new Invalid('view.prompt contains control characters');
    out.prompt = p;
  }
  return out;
}

/** Validate a scenario of the current version. */
export function validateScenario(v: unknown): Result<Scenario> {
  try {
    const o = obj(v, 'The scenario');
    if (o.v !== SCENARIO_VERSION) throw new Invalid(`version ${String(o.v)} is not ${SCENARIO_VERSION}`);
    const names = arr(o.clients, 'clients', LIMITS.clients).map((c, i) => clientName(c, `clients[${i}]`));
    if (names.length === 0) throw new Invalid('clients should name at least one client');
    const clients = new Set(names);
    if (clients.size !== names.length) throw new Invalid('clients has a duplicate name');
    const profile = o.profile ?? DEFAULT_PROFILE;
    if (!isProfile(profile)) throw new Invalid(`profile "${String(profile).slice(0, 40)}" is not one of ${PROFILE_NAMES.join(', ')}`);
    const steps = arr(o.steps, 'steps', LIMITS.steps).map((s, i) => step(s, `steps[${i}]`, clients));
    const scenario: Scenario = {
      v: SCENARIO_VERSION,
      title: str(o.title ?? '', 'title', LIMITS.title),
      description: str(o.description ?? '', 'description', LIMITS.description),
      profile,
      clock: clock(o.clock),
      clients: names,
      steps,
      ...(o.state !== undefined ? { state: startState(o.state, clients) } : {}),
      ...(o.view !== undefined ? { view: view(o.view) } : {}),
      ...(o.at !== undefined ? { at: num(o.at, 'at', 0, steps.length) } : {}),
    };
    return ok(scenario);
  } catch (e) {
    if (e instanceof Invalid) return fail(e.message);
    throw e;
  }
}

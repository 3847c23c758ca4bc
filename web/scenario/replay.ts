/**
 * A scenario as a script for the engine: clients connected in order, setup commands with the clock standing
 * still, then the steps. The app sends the script to the worker in one call; tests run it on an Engine directly.
 */
import { Engine, VirtualClock, RealClock, isError, toResp2, type Reply } from '../../engine/index.ts';
import { lineToArgv } from './command-text.ts';
import { runScript, type ScriptOp, type ScriptStep } from '../../engine/script.ts';
import { isAdvanceStep, isClockStepStep, isCommandStep, type Scenario, type Step } from './format.ts';

export { lineToArgv };

/** One scenario step as a script op, or null for a note. `ids` maps client names to engine client ids. */
export function stepToOp(s: Step, ids: ReadonlyMap<string, number>): ScriptOp | null {
  if (isCommandStep(s)) return { client: ids.get(s.client) ?? 0, argv: lineToArgv(s.command) };
  if (isAdvanceStep(s)) return { advance: s.advance };
  if (isClockStepStep(s)) return { clockStep: s.clockStep };
  return null;
}

/** The setup part: the start state's commands with the clock frozen, then the scenario's own step restored. */
export function setupOps(s: Scenario, ids: ReadonlyMap<string, number>): ScriptOp[] {
  if (!s.state || !('commands' in s.state) || s.state.commands.length === 0) return [];
  return [{ clockStep: 0 }, ...s.state.commands.map((c) => ({ client: ids.get(c.client) ?? 0, argv: lineToArgv(c.command) })), { clockStep: s.clock.stepPerCommand }];
}

export interface Replayed {
  readonly engine: Engine;
  readonly ids: ReadonlyMap<string, number>;
  /** Per scenario step: the reply (a blocked command's reply is the one it was woken with; null while still blocked or for non-commands). */
  readonly replies: readonly (Reply | null)[];
}

/** Replay a scenario on a fresh in-process engine (tests, and the gallery check in CI). */
export function replay(s: Scenario, upTo = s.steps.length): Replayed {
  const clock = s.clock.mode === 'real' ? new RealClock() : new VirtualClock(s.clock.start, s.clock.stepPerCommand);
  const engine = new Engine({ clock, profile: s.profile, events: false });
  if (s.state && 'snapshot' in s.state) engine.restore(s.state.snapshot);
  const ids = connectAll(engine, s.clients);
  runScript(engine, setupOps(s, ids), false);
  const steps = s.steps.slice(0, upTo);
  const ops: (ScriptOp | null)[] = steps.map((st) => stepToOp(st, ids));
  const results = runScript(engine, ops.filter((o): o is ScriptOp => o !== null), false);
  // As each client sees them: RESP2 clients (the default) get maps flattened, as the worker does.
  const replies = stepReplies(steps, ops, results).map((r, i) => {
    const st = steps[i];
    return r && isCommandStep(st) && !isError(r) && engine.client(ids.get(st.client) ?? 0)?.resp !== 3 ? toResp2(r) : r;
  });
  return { engine, ids, replies };
}

/** Client names to ids: names already present (from a snapshot) keep theirs, the rest connect in order. */
export function connectAll(engine: Engine, names: readonly string[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const c of engine.clients.values()) if (names.includes(c.name) && !ids.has(c.name)) ids.set(c.name, c.id);
  for (const n of names) if (!ids.has(n)) ids.set(n, engine.connect(n));
  return ids;
}

/** Map script results back to scenario steps; a woken reply goes to the step that blocked its client. */
export function stepReplies(steps: readonly Step[], ops: readonly (ScriptOp | null)[], results: readonly Pick<ScriptStep, 'reply' | 'woken'>[]): (Reply | null)[] {
  const replies: (Reply | null)[] = steps.map(() => null);
  const blockedAt = new Map<number, number>();
  let r = 0;
  for (let i = 0; i < steps.length; i++) {
    const op = ops[i];
    if (!op) continue;
    const res = results[r++];
    if (!res) break;
    if ('argv' in op) {
      if (res.reply === null) blockedAt.set(op.client, i);
      else replies[i] = res.reply;
    }
    for (const w of res.woken) {
      const at = blockedAt.get(w.client);
      if (at !== undefined) {
        replies[at] = w.reply;
        blockedAt.delete(w.client);
      }
    }
  }
  return replies;
}

/** Run one command line on a replayed engine as a client (tests' assertions); the reply as that client sees it. */
export function ask(r: Replayed, client: string, line: string): Reply | null {
  const id = r.ids.get(client) ?? 0;
  const reply = r.engine.exec(id, lineToArgv(line)).reply;
  return reply && r.engine.client(id)?.resp !== 3 ? toResp2(reply) : reply;
}

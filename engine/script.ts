/**
 * A script: many clients' commands and clock moves, run in order in one call. Scenario replay uses it in the worker
 * (one round trip for thousands of steps) and in tests (the same code, on an Engine in the test process).
 */
import { VirtualClock } from './clock.ts';
import type { Engine, Wake } from './engine.ts';
import type { EngineEvent } from './events.ts';
import type { Reply } from './reply.ts';

export type ScriptOp =
  /** Run argv as this client (an engine client id). */
  | { readonly client: number; readonly argv: readonly string[] }
  /** Move a virtual clock by ms (may be negative, as a clock can be set back). */
  | { readonly advance: number }
  /** Set a virtual clock's per-command step. */
  | { readonly clockStep: number };

export interface ScriptStep {
  /** The command's reply; null when it blocked, or for clock ops. */
  readonly reply: Reply | null;
  /** Empty unless events were asked for. */
  readonly events: readonly EngineEvent[];
  readonly woken: readonly Wake[];
}

/** Run `ops` in order. A command for a blocked client gets the engine's "client is blocked" error, as in Redis. */
export function runScript(engine: Engine, ops: readonly ScriptOp[], keepEvents: boolean): ScriptStep[] {
  const out: ScriptStep[] = [];
  const clock = engine.clock instanceof VirtualClock ? engine.clock : null;
  for (const op of ops) {
    if ('argv' in op) {
      const r = engine.exec(op.client, op.argv);
      out.push({ reply: r.reply, events: keepEvents ? r.events : [], woken: r.woken });
    } else if ('advance' in op) {
      // Clamped to the clock's valid range, so a hostile script cannot make the clock throw.
      const ms = clock ? Math.min(Math.max(op.advance, -clock.now()), 8e15 - clock.now()) : 0;
      const r = clock ? engine.advance(ms) : { events: [], woken: [] };
      out.push({ reply: null, events: keepEvents ? r.events : [], woken: r.woken });
    } else {
      if (clock) clock.stepPerCommand = Math.max(0, Math.floor(op.clockStep));
      out.push({ reply: null, events: [], woken: [] });
    }
  }
  return out;
}

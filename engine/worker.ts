/**
 * The Web Worker adapter: one Engine behind comlink, with a coarse API (a batch per round trip) and a lightweight
 * state summary with every answer. Replies are converted to each client's protocol (RESP2 flattens maps) here, so
 * the UI only formats. The UI's type for this API is `EngineApi`, derived from `api` — never written twice.
 */
import { expose } from 'comlink';
import { Engine, RealClock, VirtualClock, toResp2, type EngineEvent, type EngineSnapshot, type Reply } from './index.ts';
import { formatId } from './ids.ts';
import { viewState, type ViewState } from './view.ts';
import { runScript, type ScriptOp } from './script.ts';
import type { ProfileName } from './profiles.ts';

export interface ClockOptions {
  readonly mode: 'virtual' | 'real';
  /** Virtual clock start (Unix ms). */
  readonly start: number;
  /** Virtual ms added after each command. */
  readonly step: number;
  readonly profile?: ProfileName;
}

/** What the UI needs after every call: clients' prompt state, names for completion, the diagram placeholder. */
export interface Summary {
  readonly now: number;
  readonly clock: 'virtual' | 'real';
  readonly step: number;
  readonly clients: readonly { id: number; db: number; multi: boolean; blocked: string | null }[];
  /** Keys per database (capped), for completion. */
  readonly keys: readonly { db: number; key: string; type: string }[];
  readonly streams: readonly StreamSummary[];
  /** What the diagram draws (engine/view.ts): windowed, so it stays small for any stream size. */
  readonly view: ViewState;
}
export interface StreamSummary {
  readonly db: number;
  readonly key: string;
  readonly length: number;
  readonly lastId: string;
  readonly groups: readonly { name: string; lastId: string; pending: number; consumers: { name: string; pending: number }[] }[];
}
export interface Step {
  /** The command run (absent for wake-ups and clock moves); the diagram's narration quotes its arguments. */
  readonly argv?: readonly string[];
  readonly reply: Reply | null;
  readonly events: readonly EngineEvent[];
  readonly woken: { client: number; reply: Reply }[];
}
export interface BatchResult {
  /** One step per command run; stops after the first command that blocks. */
  readonly steps: readonly Step[];
  readonly summary: Summary;
  /** The whole state after the batch, when it changed (a big stream is not copied again for every read). */
  readonly snapshot?: EngineSnapshot;
}
/** One console's commands in `execCalls`. */
export interface ExecCall {
  readonly id: number;
  readonly argvs: readonly (readonly string[])[];
}
/** `execCalls`' answer: each call's steps (as `execBatch` would give them), then one summary for all. */
export interface CallsResult {
  readonly steps: readonly (readonly Step[])[];
  readonly summary: Summary;
  readonly snapshot?: EngineSnapshot;
}
/** A scenario step for `runSteps`: a command by client name, or a clock op. */
export type NamedOp = { readonly client: string; readonly argv: readonly string[] } | { readonly advance: number } | { readonly clockStep: number };
export interface RunOptions {
  /** Console names to connect if the engine has no client by that name. */
  readonly clients: readonly string[];
  /** Every step's events (and argv) travel back. */
  readonly events: boolean;
  /** Without `events`: the events of these types still travel back (e.g. what the diagram's history is built from). */
  readonly eventTypes?: readonly EngineEvent['type'][];
  /** Without `events`: the ops from this index on travel back with all their events and argv (narrated, not animated). */
  readonly eventsFrom?: number;
  readonly keysAt: readonly number[];
}
export interface RunResult extends BatchResult {
  readonly clients: readonly { name: string; id: number }[];
  readonly keys: readonly { at: number; snapshot: EngineSnapshot }[];
}
/** Replies delivered by the worker's own timer (real-clock BLOCK timeouts). */
export type WakeListener = (r: BatchResult) => void;

const KEY_CAP = 500;
let engine = new Engine({ clock: new VirtualClock() });
let listener: WakeListener | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
/** stateKey() after the last batch; '' forces a snapshot with the next result. */
let lastKey = '';
/** The state changed since the last snapshot sent. */
let unsaved = true;
/** performance.now() of the last snapshot sent. */
let lastSnapAt = -Infinity;
/**
 * A snapshot costs time proportional to the data, twice: the worker copies it out and the page's main thread copies
 * it in (a few ms per 1,000 entries, in one piece). Small playgrounds (lessons, docs examples: a few dozen entries)
 * get one after every change; past BIG_ENTRIES stream entries, at most one per interval, and the interval grows
 * with the data (a second per ENTRIES_PER_SECOND), so copying stays a small share of the page's time however big
 * the stream: a busy producer does not stall the page that draws it. The bridge replays the batches since.
 */
const BIG_ENTRIES = 1_000;
const SNAPSHOT_INTERVAL_MS = 1_000;
const ENTRIES_PER_SECOND = 5_000;

function snapshotDue(): boolean {
  const n = entryCount();
  return n <= BIG_ENTRIES || performance.now() - lastSnapAt >= SNAPSHOT_INTERVAL_MS * Math.max(1, n / ENTRIES_PER_SECOND);
}

function entryCount(): number {
  let n = 0;
  for (const db of engine.dbs) for (const v of db.keys.values()) if (v.type === 'stream') n += v.v.length;
  return n;
}

const asSeen = (id: number, r: Reply): Reply => (engine.client(id)?.resp === 3 ? r : toResp2(r));
const wakes = (w: readonly { client: number; reply: Reply }[]) => w.map((x) => ({ client: x.client, reply: asSeen(x.client, x.reply) }));

function summary(): Summary {
  const keys: { db: number; key: string; type: string }[] = [];
  const streams: StreamSummary[] = [];
  for (const db of engine.dbs) {
    for (const [key, v] of db.keys) {
      if (keys.length < KEY_CAP) keys.push({ db: db.index, key, type: v.type });
      if (v.type !== 'stream') continue;
      const s = v.v;
      streams.push({
        db: db.index,
        key,
        length: s.length,
        lastId: formatId(s.lastId),
        groups: [...s.groups.values()].map((g) => ({
          name: g.name,
          lastId: formatId(g.lastId),
          pending: g.pel.size,
          consumers: g.sortedConsumers().map((c) => ({ name: c.name, pending: c.pel.size })),
        })),
      });
    }
  }
  const clients = [...engine.clients.values()].map((c) => ({
    id: c.id,
    db: c.db,
    multi: c.multi !== null,
    blocked: c.blocked ? (c.blocked.argv[0] ?? '').toUpperCase() : null,
  }));
  const clock = engine.clock;
  return { now: clock.now(), clock: clock.kind, step: clock instanceof VirtualClock ? clock.stepPerCommand : 0, clients, keys, streams, view: viewState(engine) };
}

/** Run commands for one client in order, stopping after the first that blocks. */
function runCommands(id: number, argvs: readonly (readonly string[])[]): Step[] {
  const steps: Step[] = [];
  for (const argv of argvs) {
    const r = engine.exec(id, argv);
    steps.push({ argv, reply: r.reply && asSeen(id, r.reply), events: r.events, woken: wakes(r.woken) });
    if (r.reply === null) break;
  }
  return steps;
}

function result(steps: Step[]): BatchResult {
  schedule();
  const key = stateKey();
  if (key !== lastKey || steps.some((st) => st.events.some((e) => e.type !== 'clock-changed'))) unsaved = true;
  const forced = lastKey === '';
  lastKey = key;
  let snapshot: EngineSnapshot | undefined;
  if (unsaved && (forced || snapshotDue())) {
    snapshot = engine.snapshot();
    unsaved = false;
    lastSnapAt = performance.now();
  }
  return { steps, summary: summary(), snapshot };
}

/** Cheap fingerprint of what a snapshot holds besides the data: writes (dirty) and every client's session state. */
function stateKey(): string {
  let k = `${engine.stats.dirty}/${engine.nextClientId}/${engine.profile.name}`;
  for (const c of engine.clients.values()) k += `/${c.id}:${c.db}:${c.resp}:${c.multi?.length ?? '-'}:${c.watched.size}:${c.name}:${c.blocked ? 1 : 0}`;
  return k;
}

/** Real clock: fire BLOCK timeouts and expiries at the engine's next deadline, pushing woken replies to the UI. */
function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  const next = engine.nextDeadline();
  if (engine.clock.kind !== 'real' || next === null) return;
  timer = setTimeout(() => {
    const o = engine.tick();
    const r = result([{ reply: null, events: o.events, woken: wakes(o.woken) }]);
    if (o.woken.length > 0 || o.events.some((e) => e.type !== 'clock-changed')) listener?.(r);
  }, Math.min(Math.max(0, next - Date.now()), 2 ** 31 - 1));
}

const api = {
  /** Start a fresh engine (or restore one); `onWake` receives timer-driven wake-ups. */
  init(opts: ClockOptions, onWake: WakeListener, snap?: EngineSnapshot): BatchResult {
    listener = onWake;
    const clock = opts.mode === 'real' ? new RealClock() : new VirtualClock(opts.start, opts.step);
    engine = new Engine({ clock, profile: opts.profile });
    lastKey = '';
    if (snap) engine.restore(snap);
    return result([]);
  },
  connect(name: string): { id: number } & BatchResult {
    const id = engine.connect(name);
    return { id, ...result([]) };
  },
  disconnect(id: number): BatchResult {
    const o = engine.disconnect(id);
    return result([{ reply: null, events: o.events, woken: wakes(o.woken) }]);
  },
  /** Run commands for one client in order, stopping after the first that blocks. */
  execBatch(id: number, argvs: readonly (readonly string[])[]): BatchResult {
    return result(runCommands(id, argvs));
  },
  /**
   * Several consoles' commands in one round trip (typed in the same moment), run call after call as separate
   * `execBatch` calls would be. One summary (and view) for all: a busy page then receives and reads one instead of
   * one per console.
   */
  execCalls(calls: readonly ExecCall[]): CallsResult {
    const steps = calls.map((c) => runCommands(c.id, c.argvs));
    const r = result(steps.flat());
    return { steps, summary: r.summary, snapshot: r.snapshot };
  },
  advance(ms: number): BatchResult {
    const o = engine.advance(ms);
    return result([{ reply: null, events: o.events, woken: wakes(o.woken) }]);
  },
  setTime(t: number): BatchResult {
    const o = engine.setTime(t);
    return result([{ reply: null, events: o.events, woken: wakes(o.woken) }]);
  },
  setStep(ms: number): BatchResult {
    if (engine.clock instanceof VirtualClock) engine.clock.stepPerCommand = Math.max(0, Math.floor(ms));
    return result([]);
  },
  tick(): BatchResult {
    const o = engine.tick();
    return result([{ reply: null, events: o.events, woken: wakes(o.woken) }]);
  },
  /**
   * Scenario replay and timeline jumps: many clients' steps in one round trip. Clients are named (connected when
   * missing, so a restored keyframe may lack later consoles); snapshots are taken after the ops listed in `keysAt`
   * (counts of ops applied; 0 = before any). Events only when asked: a 10,000-step load jumps to the end state.
   */
  runSteps(ops: readonly NamedOp[], opts: RunOptions): RunResult {
    const ids = new Map<string, number>();
    for (const c of engine.clients.values()) if (!ids.has(c.name)) ids.set(c.name, c.id);
    for (const n of opts.clients) if (!ids.has(n)) ids.set(n, engine.connect(n));
    const keysAt = new Set(opts.keysAt);
    const keys: { at: number; snapshot: EngineSnapshot }[] = [];
    if (keysAt.has(0)) keys.push({ at: 0, snapshot: engine.snapshot() });
    const steps: Step[] = [];
    const types = opts.eventTypes && opts.eventTypes.length > 0 ? new Set<string>(opts.eventTypes) : null;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      const script: ScriptOp = 'client' in op ? { client: ids.get(op.client) ?? 0, argv: op.argv } : op;
      const all = opts.events || (opts.eventsFrom !== undefined && i >= opts.eventsFrom);
      const [r] = runScript(engine, [script], all || types !== null);
      const events = all || types === null ? r.events : r.events.filter((e) => types.has(e.type));
      const id = 'argv' in script ? script.client : 0;
      // argv only travels back when the diagram narrates events; a bulk load needs just the replies.
      steps.push({ ...('argv' in op && all ? { argv: op.argv } : {}), reply: r.reply && asSeen(id, r.reply), events, woken: r.woken.length ? wakes(r.woken) : [] });
      if (keysAt.has(i + 1)) keys.push({ at: i + 1, snapshot: engine.snapshot() });
    }
    lastKey = '';
    return { ...result(steps), clients: [...ids].map(([name, id]) => ({ name, id })), keys };
  },
  /** A fresh engine with these clock and profile options (loading a scenario); the wake listener stays. */
  reset(opts: ClockOptions): BatchResult {
    const clock = opts.mode === 'real' ? new RealClock() : new VirtualClock(opts.start, opts.step);
    engine = new Engine({ clock, profile: opts.profile });
    lastKey = '';
    return result([]);
  },
  snapshot: (): EngineSnapshot => engine.snapshot(),
  /** The next result brings a snapshot, however big the data and whatever ran (the page's timeline needs a keyframe). */
  snapshotNext(): void {
    lastKey = '';
  },
  restore(snap: EngineSnapshot): BatchResult {
    engine.restore(snap);
    lastKey = '';
    return result([]);
  },
  summary,
};

export type EngineApi = typeof api;
expose(api);

/**
 * The playground's state: the engine bridge, the consoles (one engine client each), the latest state summary and
 * events, the clock and the worker's health. Components read it and call its methods; they hold no state of
 * their own beyond what is on screen.
 */
import type { Terminal } from '@xterm/xterm';
import { isClockTime, type EngineEvent } from '../../engine/index.ts';
import type { BatchResult, ClockOptions, Summary } from '../../engine/worker.ts';
import type { MetaAction } from '../console/meta.ts';
import { META_HELP } from '../console/meta.ts';
import { ConsoleSession, type ConsoleHost } from '../console/session.ts';
import { flushHistories } from '../console/history.ts';
import { makeTerminal, TERMINAL_THEMES } from '../console/terminal.ts';
import { EngineBridge } from './bridge.ts';
import { describeClock } from './clock-text.ts';
import { MAX_STEP_MS, clockRangeProblem } from './clock-options.ts';
import type { Settings } from './settings.svelte.ts';
import type { IngestOptions } from '../diagram/diagram.svelte.ts';

export interface ConsoleInfo {
  readonly uid: string;
  readonly name: string;
  readonly clientId: number;
  /** The blocking command it waits on, or '' when not blocked. */
  readonly blockedOn: string;
}

export type Health = { readonly kind: 'starting' | 'ready' } | { readonly kind: 'restarting' | 'restarted'; readonly reason: string };

/** What the scenario timeline hears (see `recorder`). */
export interface Recorder {
  commands(client: string, r: BatchResult): void;
  /** Whether a batch of up to `lines` command lines, about to run, must bring the engine's state (a keyframe). */
  wantsKeyframe(lines: number): boolean;
  clock(step: { readonly advance: number } | { readonly clockStep: number }, r: BatchResult): void;
  /** Replies the worker's timer delivered (real clock). */
  woke(r: BatchResult): void;
  /** Whether the timeline (any branch, or the scenario's start) has commands of this console. */
  hasCommandsOf(client: string): boolean;
  /** A console was renamed (one without commands, or to align with a scenario being loaded). */
  renamed(from: string, to: string): void;
}

let nextUid = 1;

/** A console name as typed into Rename: trimmed, at most 32 characters (the field's maxlength). */
const consoleName = (typed: string): string => typed.trim().slice(0, 32);

export class Playground {
  consoles = $state<ConsoleInfo[]>([]);
  activeUid = $state('');
  summary = $state.raw<Summary | null>(null);
  /** The events of the last change, for the diagram. */
  events = $state.raw<readonly EngineEvent[]>([]);
  health = $state<Health>({ kind: 'starting' });
  /** performance.now() when the first console showed its prompt. */
  readyAt = $state(0);
  readonly active = $derived(this.consoles.find((c) => c.uid === this.activeUid));
  /** Not reactive on purpose: sessions are plain objects; `consoles` is the reactive view of them. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly sessions = new Map<string, ConsoleSession>();
  /** Called with every batch outcome, in order (the diagram animates each one). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- callbacks, not state
  readonly batchListeners = new Set<(r: BatchResult, shown?: IngestOptions) => void>();
  readonly bridge: EngineBridge;
  /** Hears every change typed or clicked, so the scenario timeline can record it (web/scenario/session.svelte.ts). */
  recorder: Recorder | null = null;
  /** Why a typed command may not run, or '' (a lesson with a list of commands sets it; see web/lessons/allowed.ts). */
  commandGate: ((argv: readonly string[]) => string) | null = null;
  private readonly host: ConsoleHost;

  constructor(
    readonly settings: Settings,
    readonly clock: ClockOptions,
  ) {
    this.bridge = new EngineBridge(clock, {
      wake: (r) => {
        this.apply(r);
        this.recorder?.woke(r);
      },
      died: (reason) => {
        this.health = { kind: 'restarting', reason };
        for (const s of this.sessions.values()) s.note('The engine stopped; restarting it from the last saved state…');
      },
      restarted: (r) => void this.recover(r),
    });
    this.host = {
      summary: () => this.summary,
      promptBase: () => this.settings.prompt,
      hints: () => this.settings.hints,
      setHints: (on) => {
        this.settings.hints = on;
        this.settings.save();
      },
      execBatch: async (s, argvs) => {
        if (this.recorder?.wantsKeyframe(argvs.length)) this.bridge.snapshotNext();
        const r = await this.bridge.execBatch(s.clientId, argvs);
        this.apply(r);
        this.recorder?.commands(s.name, r);
        return r;
      },
      meta: (a) => this.meta(a),
      refusal: (argv) => this.commandGate?.(argv) ?? '',
      reconnect: (s) => this.reconnect(s),
      changed: (s) => this.refresh(s),
    };
  }

  async start(names: readonly string[]): Promise<void> {
    this.apply(await this.bridge.start());
    // One round trip for all: the worker answers in order, so client ids follow the names.
    await Promise.all(names.map((n) => this.addConsole(n)));
    this.health = { kind: 'ready' };
    this.readyAt = performance.now();
  }

  session(uid: string): ConsoleSession | undefined {
    return this.sessions.get(uid);
  }

  async addConsole(name = this.freeName()): Promise<string> {
    const r = await this.bridge.connect(name);
    this.apply(r);
    const uid = `c${nextUid++}`;
    const term: Terminal = makeTerminal(this.settings.effectiveTheme);
    const s = new ConsoleSession(uid, name, r.id, term, this.host);
    this.sessions.set(uid, s);
    this.consoles = [...this.consoles, info(s)];
    if (!this.activeUid) this.activeUid = uid;
    s.start();
    return uid;
  }

  /**
   * Why a console may not take `name` from the Rename field, or ''. A share link, an export and the saved workspace
   * replay commands by console name, so a console whose commands are on the timeline keeps its name, and no two
   * consoles share one.
   */
  renameProblem(uid: string, name: string): string {
    const s = this.sessions.get(uid);
    const clean = consoleName(name);
    if (!s || clean === s.name) return '';
    if (!clean) return 'A console needs a name.';
    if (this.consoles.some((c) => c.uid !== uid && c.name === clean)) return `There is already a console named ${clean}.`;
    if (this.recorder?.hasCommandsOf(s.name)) {
      return `${s.name} keeps its name: its commands are on the timeline, and share links replay them by console name. Open a new console (+ Console) and name it ${clean} instead.`;
    }
    return '';
  }

  rename(uid: string, name: string): void {
    const s = this.sessions.get(uid);
    const clean = consoleName(name);
    if (!s || !clean) return;
    const old = `streams-playground:history:${s.name}`;
    flushHistories(); // a save still waiting would land under the new name, but the copy below must be current
    try {
      const h = localStorage.getItem(old);
      if (h !== null) localStorage.setItem(`streams-playground:history:${clean}`, h);
    } catch {
      // Storage unavailable: the history stays in memory.
    }
    const from = s.name;
    s.name = clean;
    this.refresh(s);
    this.recorder?.renamed(from, clean);
  }

  async close(uid: string): Promise<void> {
    const s = this.sessions.get(uid);
    if (!s) return;
    const i = this.consoles.findIndex((c) => c.uid === uid);
    this.sessions.delete(uid);
    this.consoles = this.consoles.filter((c) => c.uid !== uid);
    if (this.activeUid === uid) this.activeUid = this.consoles[Math.min(i, this.consoles.length - 1)]?.uid ?? '';
    s.term.dispose();
    this.apply(await this.bridge.disconnect(s.clientId));
  }

  /** Move the virtual clock forward; '' or why it did not move (past the last time a clock can show). */
  async advance(ms: number): Promise<string> {
    const before = this.summary?.now ?? 0;
    if (!isClockTime(before + ms)) return clockRangeProblem(before + ms);
    const r = await this.bridge.advance(ms);
    this.apply(r);
    this.recorder?.clock({ advance: r.summary.now - before }, r);
    return '';
  }
  /** Set the virtual clock; '' or why it was not set. */
  async setTime(t: number): Promise<string> {
    const before = this.summary?.now ?? 0;
    if (!isClockTime(t)) return clockRangeProblem(t);
    const r = await this.bridge.setTime(t);
    this.apply(r);
    this.recorder?.clock({ advance: r.summary.now - before }, r);
    return '';
  }
  /** Set the virtual step per command, kept within 0 to MAX_STEP_MS. */
  async setStep(ms: number): Promise<void> {
    const r = await this.bridge.setStep(Math.min(MAX_STEP_MS, Math.max(0, Math.floor(ms) || 0)));
    this.apply(r);
    this.recorder?.clock({ clockStep: r.summary.step }, r);
  }

  /**
   * A state change made outside the consoles (scenario load, timeline jump): summary and diagram, no console output.
   * `shown` tells the diagram what the batch cannot (the history there, a line for the log, no flights).
   */
  show(r: BatchResult, shown: IngestOptions = {}): void {
    this.summary = r.summary;
    for (const f of this.batchListeners) f(r, shown);
    const events = r.steps.flatMap((s) => s.events);
    if (events.length > 0) this.events = events;
  }

  setTheme(): void {
    for (const s of this.sessions.values()) s.term.options.theme = TERMINAL_THEMES[this.settings.effectiveTheme];
  }

  /** The prompt or hint setting changed: redraw idle prompts. */
  redrawPrompts(): void {
    for (const s of this.sessions.values()) s.redraw();
  }

  /** Take in a batch's outcome: new summary and events; replies for blocked consoles go to them. */
  private apply(r: BatchResult): void {
    this.summary = r.summary;
    for (const f of this.batchListeners) f(r);
    const events = r.steps.flatMap((s) => s.events);
    if (events.length > 0) this.events = events;
    for (const step of r.steps) {
      for (const w of step.woken) {
        for (const s of this.sessions.values()) if (s.clientId === w.client) void s.deliver(w.reply);
      }
    }
  }

  private async reconnect(s: ConsoleSession): Promise<void> {
    this.apply(await this.bridge.disconnect(s.clientId));
    const r = await this.bridge.connect(s.name);
    s.clientId = r.id;
    this.apply(r);
    this.refresh(s);
  }

  /** After a restart: consoles whose client is missing (no snapshot yet) get a new connection. */
  private async recover(r: BatchResult): Promise<void> {
    this.apply(r);
    for (const s of this.sessions.values()) {
      if (!r.summary.clients.some((c) => c.id === s.clientId)) {
        const c = await this.bridge.connect(s.name);
        s.clientId = c.id;
        this.apply(c);
      }
      s.redraw();
    }
    const reason = this.health.kind === 'restarting' ? this.health.reason : 'unknown';
    this.health = { kind: 'restarted', reason };
  }

  private async meta(a: MetaAction): Promise<string> {
    const virtual = this.summary?.clock === 'virtual';
    const needVirtual = 'The clock is real (?clock=real); reload without it for a virtual clock.';
    switch (a.do) {
      case 'help':
        return META_HELP;
      case 'hints':
        this.host.setHints(a.on);
        return a.on ? 'Hints on.' : 'Hints off.';
      case 'error':
        return a.message;
      case 'clock-show':
        break;
      case 'clock-advance': {
        if (!virtual) return needVirtual;
        const problem = await this.advance(a.ms);
        if (problem) return problem;
        break;
      }
      case 'clock-set': {
        if (!virtual) return needVirtual;
        const problem = await this.setTime(a.t);
        if (problem) return problem;
        break;
      }
      case 'clock-step':
        if (!virtual) return needVirtual;
        await this.setStep(a.ms);
        break;
    }
    return describeClock(this.summary);
  }

  private refresh(s: ConsoleSession): void {
    // Every command marks its console busy and idle again; only a visible change (name, client, blocked) re-renders.
    const next = info(s);
    const same = (c: ConsoleInfo) => c.name === next.name && c.clientId === next.clientId && c.blockedOn === next.blockedOn;
    if (this.consoles.some((c) => c.uid === s.uid && same(c))) return;
    this.consoles = this.consoles.map((c) => (c.uid === s.uid ? next : c));
  }

  private freeName(): string {
    const taken = this.consoles.map((c) => c.name);
    for (let i = 1; ; i++) if (!taken.includes(`client${i}`)) return `client${i}`;
  }
}

const info = (s: ConsoleSession): ConsoleInfo => ({ uid: s.uid, name: s.name, clientId: s.clientId, blockedOn: s.blockedOn });

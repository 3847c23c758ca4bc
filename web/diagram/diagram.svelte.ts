/**
 * The diagram's state: the engine's latest ViewState, the history Redis does not keep, the narrated event log, the
 * animation settings, and what is highlighted. Batches arrive through `ingest`; while paused they queue (the log
 * keeps narrating) and on resume the diagram catches up, animating only the newest batch.
 */
import { tick } from 'svelte';
import type { EngineEvent } from '../../engine/index.ts';
import type { ViewState } from '../../engine/view.ts';
import { anchorSet } from './anchors.ts';
import { EMPTY_HISTORY, applyHistory, type History } from './history.ts';
import { plan, type Plan } from './model.ts';
import { planDiff } from './diff-plan.ts';
import { narrate } from './narration.ts';

/** One command's outcome (a wake-up or clock move has no argv). */
export interface DiagramStep {
  readonly argv?: readonly string[];
  readonly client?: number;
  readonly events: readonly EngineEvent[];
}

/** How a batch from outside the consoles (a scenario load, a timeline move) is taken in. */
export interface IngestOptions {
  /**
   * The history after this batch, in place of the diagram's own: a load or a jump does not bring every event that
   * led there, and a move back must forget what was acknowledged later.
   */
  readonly history?: History;
  /** A line for the log before the batch's own narration (what the session did, e.g. a move on the timeline). */
  readonly note?: string;
  /** False: draw the view without flights (a load narrates its last steps; it does not replay them). */
  readonly animate?: boolean;
}

export interface LogLine {
  readonly seq: number;
  readonly text: string;
  readonly refs: readonly string[];
}

/** Animation speed multiplier; 0 = instant. */
export type Speed = 0 | 0.5 | 1 | 2 | 4;
export const SPEEDS: readonly Speed[] = [0, 0.5, 1, 2, 4];

/** What runs the animations on the DOM (the component supplies it; tests may not). */
export interface Animator {
  /** Measure where everything starts, before the view changes. */
  before(p: Plan): void;
  /** Measure where everything lands, after the view changed, and animate. */
  after(p: Plan, speed: Speed, reducedMotion: boolean): void;
  /** Stop what is still flying. */
  cancel(): void;
}

const LOG_KEPT = 200;

interface PendingFrame {
  view: ViewState;
  readonly events: EngineEvent[];
  /** The history set by the newest batch that brought one, and the events of the batches after it. */
  history: History | null;
  historyEvents: EngineEvent[];
  flights: boolean;
  readonly lines: LogLine[];
  readonly touched: string[];
  batches: number;
  done: Promise<void>;
}

/** Batches closer together than this are a stream: drawn without flights, compactly. */
const BUSY_MS = 50;
/** A stream of batches has ended when none came for this long: the diagram then draws in full again. */
const SETTLE_MS = 150;
/**
 * What a compact (busy) draw shows: the newest entries of each stream log, the oldest tokens of each lane, the
 * newest narrated lines. Everything else is counted in gaps and "+N more" markers until the stream settles.
 */
export const COMPACT = { entries: 12, tokens: 3, lines: 12 } as const;
/** Narrated lines drawn when not busy. */
export const LINES_DRAWN = 60;
/** While busy, screen readers hear a summary at most this often instead of every narrated line. */
export const ANNOUNCE_MS = 5_000;
const now = (): number => performance.now();

/** The next animation frame in a browser; a macrotask elsewhere (unit tests). */
const nextFrame = (f: () => void): void => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => f());
  else setTimeout(f, 0);
};

export class DiagramState {
  view = $state.raw<ViewState | null>(null);
  history = $state.raw<History>(EMPTY_HISTORY);
  log = $state.raw<readonly LogLine[]>([]);
  speed = $state<Speed>(1);
  paused = $state(false);
  reducedMotion = $state(false);
  /** Anchors highlighted by hovering or focusing a log line or a thing on the diagram. */
  highlight = $state.raw<ReadonlySet<string>>(anchorSet());
  /** Anchors the last command touched. */
  touched = $state.raw<ReadonlySet<string>>(anchorSet());
  /** The command that would inspect the hovered or focused thing. */
  inspect = $state('');
  /**
   * Batches are streaming in: the diagram draws compactly (see COMPACT) and says so, and draws in full again once
   * they stop. Nobody can read a hundred tokens that change twenty times a second, and drawing them all would
   * leave the page no time for anything else.
   */
  compact = $state(false);
  /**
   * What screen readers hear while busy. The log's own lines are announced one by one only while the diagram is
   * not busy: a hundred lines a second would bury everything else they say.
   */
  announcement = $state('');
  /** Batches drawn so far (tests and the bench wait on it). */
  drawn = 0;
  /** Batches waiting while paused. */
  queued = $state(0);
  animator: Animator | null = null;
  clientName: (id: number) => string = (id) => `client ${id}`;
  private queue: { view: ViewState; events: EngineEvent[]; history?: History; flights: boolean }[] = [];
  /** Batches waiting for the next animation frame. */
  private frame: PendingFrame | null = null;
  /** When the last frame was drawn (performance.now()). */
  private lastDrawAt = -Infinity;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private seq = 0;
  /** Narrated lines not yet summarised while busy, and when the last summary was given. */
  private unannounced = 0;
  private lastAnnounceAt = -Infinity;
  private running: Promise<void> = Promise.resolve();

  /** Hovering or focusing something: highlight it (and what it names) and show the command that inspects it. */
  over(anchors: readonly string[], command = ''): void {
    this.highlight = anchorSet(anchors);
    if (command) this.inspect = command;
  }

  out(): void {
    if (this.highlight.size > 0) this.highlight = anchorSet();
  }

  /**
   * Take in a batch: narrate it and draw it on the next animation frame (or when resumed). Batches arriving within
   * one frame are drawn together — a busy producer sends hundreds a second, the screen shows sixty.
   */
  ingest(view: ViewState, steps: readonly DiagramStep[], opts: IngestOptions = {}): Promise<void> {
    const lines: LogLine[] = [];
    const touched: string[] = [];
    if (opts.note) lines.push({ seq: ++this.seq, text: opts.note, refs: [] });
    for (const step of steps) {
      for (const e of step.events) {
        const n = narrate(e, { argv: step.argv, clientName: this.clientName });
        if (!n) continue;
        lines.push({ seq: ++this.seq, text: n.text, refs: n.refs });
        // What a console's command touched is highlighted; what a load narrates is not (it all happened earlier).
        if (step.argv && opts.animate !== false) touched.push(...n.refs);
      }
    }
    const events = steps.flatMap((s) => s.events);
    const history = opts.history;
    if (this.paused) {
      this.flushText(lines, touched);
      this.queue.push({ view, events, history, flights: opts.animate !== false });
      this.queued = this.queue.length;
      return this.running;
    }
    const f = this.frame;
    if (f) {
      f.view = view;
      f.events.push(...events);
      if (history) {
        f.history = history;
        f.historyEvents = [];
      } else f.historyEvents.push(...events);
      f.flights &&= opts.animate !== false;
      f.lines.push(...lines);
      f.touched.push(...touched);
      f.batches++;
      return f.done;
    }
    const next: PendingFrame = {
      view,
      events: [...events],
      history: history ?? null,
      historyEvents: history ? [] : [...events],
      flights: opts.animate !== false,
      lines,
      touched,
      batches: 1,
      done: Promise.resolve(),
    };
    this.frame = next;
    next.done = new Promise<void>((resolve) => {
      // Drawn on the next frame, with every batch that arrives before it: at most one draw per frame. (A minimum gap
      // between draws under load, tried at 33 and 16 ms, made a command typed just after a draw wait a frame or two
      // more: command-to-screen p95 40–50 ms in the bench at 1,000 in flight, 24–34 ms without, same frame times.)
      // Under a stream of batches, draws have no flights and are compact: nobody can follow 60 animated updates a
      // second, and measuring them all would freeze the page. A lone command animates as usual. Busy: several
      // batches in one frame, one that came within BUSY_MS of the last draw, or any batch before the last busy draw
      // settled (so a stream does not flip between compact and full draws).
      const since = now() - this.lastDrawAt;
      const streaming = since < BUSY_MS || this.settleTimer !== null;
      const run = () => {
        this.frame = null;
        const busy = next.batches > 1 || streaming || this.settleTimer !== null;
        this.lastDrawAt = now();
        this.setCompact(busy);
        this.flushText(next.lines, next.touched);
        const after = next.history ? applyHistory(next.history, next.historyEvents) : undefined;
        this.running = this.running.then(() => this.draw(next.view, next.events, next.batches, !busy && next.flights, after));
        void this.running.then(resolve);
      };
      nextFrame(run);
    });
    return next.done;
  }

  /** Draw compactly while busy; once no batch came for SETTLE_MS, in full again (the same view, nothing new). */
  private setCompact(busy: boolean): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    if (this.compact !== busy) {
      // A stream began: flights from the lone command before it would land on places that have moved on.
      if (busy) this.animator?.cancel();
      else this.announceSettled();
      this.compact = busy;
    }
    if (!busy) return;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      // A batch still waiting for its frame decides for itself.
      if (this.frame) return;
      this.announceSettled();
      this.compact = false;
    }, SETTLE_MS);
  }

  private flushText(lines: readonly LogLine[], touched: readonly string[]): void {
    if (lines.length > 0) this.log = [...this.log, ...lines].slice(-LOG_KEPT);
    if (touched.length > 0) this.touched = anchorSet(touched);
    if (this.compact && lines.length > 0) this.announceBusy(lines);
  }

  /** While busy: count the narrated lines, and every ANNOUNCE_MS say how many came and what the newest said. */
  private announceBusy(lines: readonly LogLine[]): void {
    this.unannounced += lines.length;
    if (now() - this.lastAnnounceAt < ANNOUNCE_MS) return;
    const n = this.unannounced;
    this.announcement = `Busy: ${n} ${n === 1 ? 'event' : 'events'} since the last summary; the newest: ${lines[lines.length - 1].text}`;
    this.unannounced = 0;
    this.lastAnnounceAt = now();
  }

  /** The stream of batches ended: say so, with what came after the last summary. */
  private announceSettled(): void {
    const n = this.unannounced;
    this.announcement = n > 0 ? `Settled after ${n} more ${n === 1 ? 'event' : 'events'}; the log lists the newest.` : 'Settled; the log lists the newest events.';
    this.unannounced = 0;
    this.lastAnnounceAt = -Infinity;
  }

  setPaused(p: boolean): Promise<void> {
    this.paused = p;
    if (p || this.queue.length === 0) return this.running;
    const q = this.queue;
    this.queue = [];
    this.queued = 0;
    // Catch up: earlier batches only update the history; the newest one animates from the last drawn view.
    for (const b of q.slice(0, -1)) this.history = b.history ?? applyHistory(this.history, b.events);
    const last = q[q.length - 1];
    this.running = this.running.then(() => this.draw(last.view, last.events, q.length, last.flights, last.history));
    return this.running;
  }

  /**
   * Draw a view; `batches` is how many ingested batches it completes (the `drawn` counter tests wait on). `history`,
   * when given, is the history after them (else the events are applied to the diagram's own).
   */
  private async draw(view: ViewState, events: readonly EngineEvent[], batches = 1, flights = true, history?: History): Promise<void> {
    // Without events (a timeline move restored a state) the change itself is animated, unless it is too big to
    // follow: then the diagram jumps, as it does when a long scenario loads.
    const diff = events.length === 0 ? planDiff(this.view, view) : null;
    const p = diff ? (diff.skipped > 0 ? { animations: [], skipped: diff.skipped } : diff) : plan(this.view, view, events);
    const animate = flights && this.animator !== null && p.animations.length > 0;
    if (animate) this.animator?.before(p);
    this.view = view;
    this.history = history ?? applyHistory(this.history, events);
    this.drawn += batches;
    if (!animate) return;
    await tick();
    this.animator?.after(p, this.speed, this.reducedMotion);
  }
}

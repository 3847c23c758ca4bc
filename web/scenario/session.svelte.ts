/**
 * The scenario session: the timeline of the playground, recorded as the user types and loaded from scenarios.
 * It moves the engine along the timeline (restore the nearest keyframe, replay the rest in one worker call),
 * redraws the consoles from recorded replies, saves the workspace, and makes share links and files.
 * Every scenario it loads has come through restore() first.
 */
import type { EngineSnapshot } from '../../engine/index.ts';
import { DEFAULT_PROFILE, PROFILE_LABELS, type ProfileName } from '../../engine/profile-names.ts';
import type { BatchResult, NamedOp, RunResult, Step as WorkerStep } from '../../engine/worker.ts';
import type { Playground } from '../lib/playground.svelte.ts';
import { embedUrl, galleryParam, idsByName, shareLink, type EmbedChoice } from './links.ts';
import { LOAD_NARRATED_STEPS, WORKSPACE_KEY, clientIdOf, emptySnapshotPlaceholder, loadNote, moveNote, readWorkspace, transcriptOutputs } from './session-util.ts';
import { EMPTY_HISTORY, HISTORY_EVENTS, type History } from '../diagram/history.ts';
import { LIMITS, SCENARIO_VERSION, isCommandStep, isNoteStep, type Scenario, type Step } from './format.ts';
import { argvToLine } from './command-text.ts';
import { lineToArgv } from './command-text.ts';
import { attach, historyAt, outText, recordHistory, toOp, transcripts, type SessionTimeline, type TStep } from './record.ts';
import { restore, type Arrival, type Restored } from './restore.ts';
import { Timeline, keySpacing, type Branch, type TimelineNode } from './timeline.ts';
import { compareTranscript, type Comparison } from './transcript.ts';

/** The workspace is saved this long after the last change… */
const SAVE_AFTER_MS = 300;
/** …or, while changes keep coming (a producer loop), at least this often. */
const SAVE_AT_LEAST_EVERY_MS = 2_000;
/** Said when the browser would not store the workspace. */
const NOT_SAVED =
  'The browser would not store this session (too big for its storage, or storage is off): a reload would lose it. ' +
  'Export it or copy a share link to keep it.';

/** Steps after the nearest keyframe past which the engine is asked for a snapshot (see wantsKeyframe). */
const KEYFRAME_AT_MOST = LIMITS.steps / 4;
/** The note that opens a scenario folded after `steps` steps of its session (see toScenario). */
const foldedNote = (steps: number): string =>
  `It starts from the engine's state after step ${steps.toLocaleString('en-US')} of the session it was made from: a scenario holds at most ` +
  `${LIMITS.steps.toLocaleString('en-US')} steps, so the older ones are folded into its start.`;
/** Said when the session has grown past what a scenario may hold (restore() would refuse it at the next load). */
const TOO_BIG =
  `This session is too big to save: as a scenario it is over ${LIMITS.jsonBytes.toLocaleString('en-US')} characters, ` +
  'which the playground cannot open again. A reload would bring back the last save, from before it grew this big.';

export class ScenarioSession {
  /** Bumped on every timeline change; the UI reads the getters below after it. */
  version = $state(0);
  title = $state('Untitled session');
  description = $state('');
  /** The last error or notice, shown as text. */
  message = $state('');
  /** Runnable transcript: the page's replies against the engine's, after a pasted transcript loads. */
  comparison = $state.raw<readonly Comparison[]>([]);
  busy = $state(false);
  /**
   * The session that opening a scenario (gallery, file, paste, link) replaced, while it can be brought back: set
   * when that session had changes of the user's since it was opened.
   */
  setAside = $state.raw<Scenario | null>(null);
  /** Moves queued or running (back, forward, jump, undo, redo, branch switch): the engine and consoles are on their way. */
  moving = 0;
  playing = $state(false);
  speed = $state(1);
  /** ms the last scenario load took, in total and by phase (test hook, report). */
  loadMs = 0;
  loadPhases: Record<string, number> = {};
  /** Save the workspace to localStorage (off in embeds, which must not overwrite the user's own session). */
  persist = true;
  /** Embed API: told after every timeline change, and for every command run in a console (with its reply). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- callbacks, not state
  readonly onChange = new Set<() => void>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- callbacks, not state
  readonly onExecuted = new Set<(client: string, command: string, reply: string) => void>();
  private tl: SessionTimeline;
  /** The diagram's history at the timeline's root (setup commands can acknowledge); nodes keep their own. */
  private rootHistory: History = EMPTY_HISTORY;
  private base = $state.raw<Omit<Scenario, 'steps' | 'title' | 'description' | 'at'> | null>(null);
  /** Node the engine is at (the head, except mid-move). */
  private engineAt = 0;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping the UI never reads
  private readonly blockedBy = new Map<number, number>();
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** The last save failed (the user was told). */
  private saveFailed = false;
  /** performance.now() of the oldest change not saved yet. */
  private unsavedSince: number | null = null;
  private playTimer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** Timeline nodes right after the last load (more now: the user changed the session since). */
  private loadedSize = 0;

  constructor(readonly pg: Playground) {
    this.tl = new Timeline<TStep, EngineSnapshot>(emptySnapshotPlaceholder());
    pg.recorder = {
      commands: (client, r) => this.recordCommands(client, r),
      // A saved scenario longer than LIMITS.steps starts from a keyframe that leaves at most that many steps after it
      // (Timeline.span), but the worker sends few snapshots of big data: ask for one with the batch that would take
      // the head KEYFRAME_AT_MOST steps past the nearest keyframe (a long paste is one batch).
      wantsKeyframe: (lines) => lines >= KEYFRAME_AT_MOST || !this.tl.keyWithin(this.tl.head, KEYFRAME_AT_MOST - lines),
      hasCommandsOf: (client) => this.hasCommandsOf(client),
      renamed: (from, to) => this.renamed(from, to),
      clock: (step, r) => this.recordStep(step, r),
      woke: (r) => {
        const nodes = r.steps.map(() => null);
        this.attachBatch(this.tl.head, this.rootHistory, nodes, r.steps, () => 0);
        this.changed();
      },
    };
  }

  // ----- reading -----
  get cursor(): number {
    void this.version;
    return this.tl.cursor;
  }
  get length(): number {
    void this.version;
    return this.tl.length;
  }
  get branches(): Branch[] {
    void this.version;
    return this.tl.branches();
  }
  get canUndo(): boolean {
    void this.version;
    return this.tl.canUndo();
  }
  get canRedo(): boolean {
    void this.version;
    return this.tl.canRedo();
  }
  /** The note at or just before the head, shown beside the timeline. */
  get note(): string {
    void this.version;
    // Walk back from the head (not the whole branch: this runs after every command of a long session).
    for (let n = this.tl.node(this.tl.head); n.step !== null; n = this.tl.node(n.parent)) {
      const s = n.step.step;
      if (isNoteStep(s)) return s.note;
      if (isCommandStep(s)) break;
    }
    return '';
  }

  // ----- starting -----

  /** Open what the page was opened with: a share link, a gallery scenario, the saved workspace, or a fresh session. */
  async boot(loc: { hash: string; search: string }, workspace = true): Promise<void> {
    const gallery = galleryParam(loc.search);
    if (/^#s=/.test(loc.hash)) {
      if (await this.open({ from: 'url', hash: loc.hash })) return;
    } else if (gallery) {
      const { galleryEntry } = await import('./gallery/index.ts');
      const g = galleryEntry(gallery);
      if (g) return void (await this.load({ scenario: g.scenario }));
      this.message = `There is no built-in scenario called "${gallery.slice(0, 40)}".`;
    } else if (workspace) {
      const saved = readWorkspace();
      if (saved !== null && (await this.open({ from: 'workspace', text: saved }))) return;
    }
    this.fresh();
  }

  /** Pass anything through the gate and load it; false (with a message) if it was refused. */
  async open(a: Arrival): Promise<boolean> {
    const r = restore(a);
    if (!r.ok) {
      this.message = r.error;
      return false;
    }
    // The user's own work is set aside, not lost (an embed's host and the saved workspace replace nothing of it).
    if (a.from === 'message' || a.from === 'workspace') await this.load(r.value);
    else await this.replaceWith(r.value);
    return true;
  }

  /** Open a scenario in place of the session, setting the session aside if the user changed it since it opened. */
  async replaceWith(r: Restored): Promise<void> {
    const previous = this.tl.size > this.loadedSize ? this.toScenario() : null;
    await this.load(r);
    if (previous) this.setAside = previous;
  }

  /** Reopen the session set aside (the scenario opened in its place is set aside in turn only if changed). */
  async bringBack(): Promise<void> {
    const s = this.setAside;
    this.setAside = null;
    if (s) await this.replaceWith({ scenario: s });
  }

  /** Start recording from the engine's current state (synchronous, so nothing typed meanwhile is missed). */
  private fresh(): void {
    const s = this.pg.summary;
    const snap = this.pg.bridge.lastSnapshot;
    this.tl = new Timeline<TStep, EngineSnapshot>(snap ? { ...snap, time: s?.now ?? snap.time } : emptySnapshotPlaceholder());
    this.base = {
      v: SCENARIO_VERSION,
      profile: this.pg.clock.profile ?? DEFAULT_PROFILE,
      clock: { start: s?.now ?? this.pg.clock.start, mode: s?.clock ?? 'virtual', stepPerCommand: s?.step ?? 0 },
      clients: this.pg.consoles.map((c) => c.name),
    };
    this.engineAt = 0;
    this.rootHistory = EMPTY_HISTORY;
    this.blockedBy.clear();
    this.changed();
  }

  /**
   * Load a restored scenario: a fresh engine, every step in one worker call, the diagram jumping to the end.
   * `why`, when given, opens the log's line about it (what made the session load again).
   */
  async load(r: Restored, why = ''): Promise<void> {
    const s = r.scenario;
    const t0 = performance.now();
    this.stop();
    this.busy = true;
    try {
      this.loadPhases = {};
      await this.pg.bridge.reset({ mode: s.clock.mode, start: s.clock.start, step: s.clock.stepPerCommand, profile: s.profile });
      if (s.state && 'snapshot' in s.state) await this.pg.bridge.restore(s.state.snapshot);
      const setup: NamedOp[] = s.state && 'commands' in s.state ? [{ clockStep: 0 }, ...s.state.commands.map((c) => ({ client: c.client, argv: lineToArgv(c.command) })), { clockStep: s.clock.stepPerCommand }] : [];
      const stepOps = s.steps.map(toOp);
      const ops = [...setup, ...stepOps.filter((o): o is NamedOp => o !== null)];
      // Keyframes on load: the start (after setup) and the end (the result's own snapshot); jumps add more where they replay.
      const keysAt = [setup.length];
      // The log narrates the last steps (not when the scenario opens elsewhere on its timeline: that move says where).
      const opensAtEnd = s.at === undefined || s.at >= s.steps.length;
      const narrateFrom = opensAtEnd ? Math.max(setup.length, ops.length - LOAD_NARRATED_STEPS) : ops.length;
      const res = await this.pg.bridge.runSteps(ops, { clients: s.clients, events: false, eventTypes: HISTORY_EVENTS, eventsFrom: narrateFrom, keysAt });
      this.loadPhases.engine = performance.now() - t0;
      this.tl = new Timeline<TStep, EngineSnapshot>(res.keys[0].snapshot);
      const nodes: (number | null)[] = setup.map(() => null);
      for (const st of s.steps) {
        const id = this.tl.append({ step: st, reply: null, blocked: false }, false);
        if (toOp(st)) nodes.push(id);
      }
      if (res.snapshot) this.tl.setKey(this.tl.head, res.snapshot);
      this.tl.resetHistory();
      this.blockedBy.clear();
      const ids = idsByName(res);
      this.attachBatch(0, EMPTY_HISTORY, nodes, res.steps, (i) => clientIdOf(ops[i], ids));
      this.loadPhases.timeline = performance.now() - t0;
      this.base = { v: SCENARIO_VERSION, profile: s.profile, clock: s.clock, clients: s.clients, ...(s.state ? { state: s.state } : {}), ...(s.view ? { view: s.view } : {}) };
      this.title = s.title || 'Untitled scenario';
      this.description = s.description;
      this.engineAt = this.tl.head;
      this.pg.settings.usePrompt(s.view?.prompt);
      await this.alignConsoles(res, s.clients);
      this.loadPhases.consoles = performance.now() - t0;
      const narrated = ops.length - narrateFrom;
      this.pg.show(
        { ...res, steps: res.steps.slice(narrateFrom) },
        { history: historyAt(this.tl, this.tl.head, this.rootHistory), note: `${why}${loadNote(this.title, s.steps.length, ops.length - setup.length, narrated)}`, animate: false },
      );
      this.loadPhases.diagram = performance.now() - t0;
      this.comparison = r.transcript ? compareTranscript(r.transcript, transcriptOutputs(this.tl)) : [];
      this.message = '';
      if (s.at !== undefined && s.at < s.steps.length) await this.goTo(() => this.tl.jump(s.at ?? 0));
      else this.render();
      this.loadPhases.render = performance.now() - t0;
    } catch (e) {
      this.message = `The scenario could not be loaded: ${e instanceof Error ? e.message.slice(0, 200) : 'unknown error'}`;
      await this.pg.bridge.reset({ mode: 'virtual', start: s.clock.start, step: s.clock.stepPerCommand, profile: this.pg.clock.profile }).catch(() => {});
      this.fresh();
    } finally {
      this.busy = false;
      this.loadedSize = this.tl.size;
      this.loadMs = performance.now() - t0;
      this.changed();
    }
  }

  // ----- moving -----
  back = () => this.goTo(() => this.tl.back());
  forward = () => this.goTo(() => this.tl.forward());
  jump = (depth: number) => this.goTo(() => this.tl.jump(depth));
  undo = () => this.goTo(() => this.tl.undo());
  redo = () => this.goTo(() => this.tl.redo());
  switchBranch = (tip: number) => this.goTo(() => this.tl.switchBranch(tip));
  discardBranch(tip: number): void {
    if (this.tl.discardBranch(tip)) this.changed();
  }

  /** Replay from the start at `speed` steps per second. */
  play(fromStart = true): void {
    this.stop();
    this.playing = true;
    const tick = async () => {
      if (!this.playing) return;
      if (this.tl.cursor >= this.tl.length) return this.stop();
      await this.forward();
      this.playTimer = setTimeout(() => void tick(), 1000 / this.speed);
    };
    void (fromStart ? this.jump(0) : Promise.resolve()).then(() => (this.playTimer = setTimeout(() => void tick(), 1000 / this.speed)));
  }
  stop(): void {
    this.playing = false;
    if (this.playTimer) clearTimeout(this.playTimer);
    this.playTimer = null;
  }

  /** Move on the timeline, then bring the engine, the diagram and the consoles there. Moves run one at a time. */
  private goTo(move: () => boolean): Promise<void> {
    const run = async () => {
      const from = this.tl.head;
      if (!move()) return;
      await this.sync(from);
    };
    this.moving++;
    const p = this.queue.then(run, run).finally(() => this.moving--);
    this.queue = p.catch(() => {});
    return p;
  }

  private async sync(from: number): Promise<void> {
    const target = this.tl.head;
    const plan = this.tl.plan(target, this.engineAt);
    if (plan.key) await this.pg.bridge.restore(plan.key);
    const ops: NamedOp[] = [];
    const keysAt: number[] = [];
    const keyNodes: number[] = [];
    // Keyframes where we pass (see keySpacing).
    const every = keySpacing(this.tl.length);
    for (const n of plan.nodes) {
      const op = n.step ? toOp(n.step.step) : null;
      if (op) ops.push(op);
      if (n.depth % every === 0 && n.key === undefined) {
        keysAt.push(ops.length);
        keyNodes.push(n.id);
      }
    }
    // One step forward animates its events; longer moves jump.
    const animate = plan.key === undefined && plan.nodes.length === 1 && this.tl.node(target).parent === from;
    const res = await this.pg.bridge.runSteps(ops, { clients: this.clients(), events: animate, keysAt });
    res.keys.forEach((k, i) => this.tl.setKey(keyNodes[i], k.snapshot));
    this.engineAt = target;
    await this.alignConsoles(res);
    const history = historyAt(this.tl, target, this.rootHistory);
    this.pg.show(res, animate ? { history } : { history, note: moveNote(this.tl.cursor, this.tl.length, this.tl.node(target).step?.step ?? null) });
    this.render();
    this.changed();
  }

  /** Whether any branch, or the start (setup commands, or a snapshot's clients), has commands of `client`. */
  private hasCommandsOf(client: string): boolean {
    const state = this.base?.state;
    if (state && ('snapshot' in state ? this.base?.clients.includes(client) : state.commands.some((c) => c.client === client))) return true;
    return this.tl.someStep((t) => isCommandStep(t.step) && t.step.client === client);
  }

  /** The scenario's console list follows a rename (its steps cannot have used the old name, see hasCommandsOf). */
  private renamed(from: string, to: string): void {
    const clients = this.base?.clients;
    if (!this.base || !clients || !clients.includes(from) || clients.includes(to)) return;
    this.base = { ...this.base, clients: clients.map((c) => (c === from ? to : c)) };
    this.changed();
  }

  // ----- recording -----
  private recordCommands(client: string, r: BatchResult): void {
    const start = this.tl.head;
    const nodes = r.steps.map((st) => (st.argv ? this.tl.append({ step: { client, command: argvToLine(st.argv) }, reply: null, blocked: false }) : null));
    const id = this.pg.consoles.find((c) => c.name === client)?.clientId ?? 0;
    this.attachBatch(start, this.rootHistory, nodes, r.steps, () => id);
    for (const n of nodes) {
      const t = n === null ? null : this.tl.node(n).step;
      if (t && isCommandStep(t.step) && this.onExecuted.size > 0) for (const f of this.onExecuted) f(client, t.step.command, outText(t, false));
    }
    this.afterRecord(r);
  }

  private recordStep(step: Step, r: BatchResult): void {
    const start = this.tl.head;
    const node = this.tl.append({ step, reply: null, blocked: false });
    const nodes = r.steps.map(() => node);
    this.attachBatch(start, this.rootHistory, nodes, r.steps, () => 0);
    this.afterRecord(r);
  }

  /**
   * Put a batch's results on its timeline nodes: the replies (and blocked commands' wake-ups), then the diagram
   * history after each node, folded from node `start`'s (`root` at the root).
   */
  private attachBatch(start: number, root: History, nodes: readonly (number | null)[], steps: readonly WorkerStep[], clientOf: (i: number) => number): void {
    attach(this.tl, nodes, steps, clientOf, this.blockedBy);
    this.rootHistory = recordHistory(this.tl, start, root, nodes, steps);
  }

  /**
   * The head is where the engine is. A result's snapshot is the engine right after it (the bridge gives it only to
   * the last console of a shared round trip), so it is exactly the head's state: it becomes a keyframe when the
   * nearest one is keySpacing steps back. (Asking the worker for one now would be wrong: commands sent since, by
   * other consoles, have already run there.)
   */
  private afterRecord(r: BatchResult): void {
    this.engineAt = this.tl.head;
    const head = this.tl.head;
    if (r.snapshot && !this.tl.keyWithin(head, Math.min(keySpacing(this.tl.length), KEYFRAME_AT_MOST))) this.tl.setKey(head, r.snapshot);
    this.changed();
  }

  // ----- writing -----

  /**
   * The current branch as a scenario, opened at the current position. A branch longer than a scenario may be (more
   * than LIMITS.steps) starts from the engine's state at a keyframe instead of from the beginning: the state is kept
   * whole, and the oldest steps become part of the start (see Timeline.span).
   */
  toScenario(): Scenario {
    const { start, ids, note } = this.folding();
    const steps: Step[] = ids.map((id) => (this.tl.node(id).step as TStep).step);
    if (note) steps.unshift({ note });
    const base = this.base ?? { v: SCENARIO_VERSION, profile: DEFAULT_PROFILE, clock: { start: 0, mode: 'virtual' as const, stepPerCommand: 0 }, clients: [] };
    const folded = note ? { state: { snapshot: start.key as EngineSnapshot } } : {};
    const names = [...base.clients];
    for (const c of this.pg.consoles.map((x) => x.name)) if (!names.includes(c)) names.push(c);
    for (const s of steps) if (isCommandStep(s) && !names.includes(s.client)) names.push(s.client);
    const at = this.tl.cursor - start.depth + (note ? 1 : 0);
    return {
      ...base,
      ...folded,
      title: this.title.slice(0, LIMITS.title),
      description: this.description.slice(0, LIMITS.description),
      clients: names.slice(0, LIMITS.clients),
      steps,
      ...(at < steps.length ? { at } : {}),
    };
  }

  /**
   * Where the scenario starts (Timeline.span) and, when that is after the session's start, the note that opens it
   * saying so (which takes one of its steps).
   */
  private folding(): { readonly start: TimelineNode<TStep, EngineSnapshot>; readonly ids: readonly number[]; readonly note: string } {
    const whole = this.tl.span(LIMITS.steps);
    if (whole.start.depth === 0) return { ...whole, note: '' };
    const { start, ids } = this.tl.span(LIMITS.steps - 1);
    return { start, ids, note: foldedNote(start.depth) };
  }

  /** Said beside a share or export whose scenario starts after the oldest steps (see toScenario), else ''. */
  foldNote(): string {
    const { note } = this.folding();
    return note ? ` ${note}` : '';
  }

  /** The server the engine reproduces now (the scenario's profile). */
  get profile(): ProfileName {
    return this.base?.profile ?? DEFAULT_PROFILE;
  }

  /** Replay the session on another server: the same steps, that server's replies (and errors). */
  async switchProfile(p: ProfileName): Promise<void> {
    if (p === this.profile || this.busy) return;
    await this.load({ scenario: { ...this.toScenario(), profile: p } }, `Replayed on ${PROFILE_LABELS[p]}. `);
  }

  /** The share link for the current session. */
  shareUrl(): string {
    return shareLink(location.href, this.toScenario());
  }

  /** The share link, or why there is none: a link that restore() would refuse (too big) is not handed out. */
  share(): { readonly url: string } | { readonly error: string } {
    const url = this.shareUrl();
    const back = restore({ from: 'url', hash: url.slice(url.indexOf('#')) });
    if (back.ok) return { url };
    return { error: `This session is too big for a link (${back.error.replace(/^The link could not be opened: /, '')}). Export it as a file instead.` };
  }

  /** The address an embed of the current scenario opens: all its steps, wherever the timeline stands now. */
  embedLink(choice: EmbedChoice): string {
    return embedUrl(location.href, { ...this.toScenario(), at: undefined }, choice);
  }

  exportJson(): string {
    return JSON.stringify(this.toScenario(), null, 2);
  }

  private clients(): string[] {
    return this.pg.consoles.map((c) => c.name);
  }

  /**
   * Point each console at its engine client. With `names` (a scenario load), the console tabs become exactly those
   * clients, reusing the existing consoles; without (a timeline move), consoles stay and only their ids are updated.
   */
  private async alignConsoles(res: RunResult, names?: readonly string[]): Promise<void> {
    const ids = idsByName(res);
    if (!names) {
      for (const c of this.pg.consoles) {
        const s = this.pg.session(c.uid);
        const id = ids.get(c.name);
        if (s && id !== undefined) s.clientId = id;
      }
      return;
    }
    const sessions = this.pg.consoles.map((c) => c.uid);
    for (let i = 0; i < names.length; i++) {
      const uid = sessions[i];
      const s = uid ? this.pg.session(uid) : undefined;
      if (s) {
        s.clientId = ids.get(names[i]) ?? s.clientId;
        this.pg.rename(uid, names[i]);
      } else {
        const nu = await this.pg.addConsole(names[i]);
        const ns = this.pg.session(nu);
        const id = ids.get(names[i]);
        if (ns && id !== undefined && ns.clientId !== id) {
          // addConsole opened its own connection; the scenario's client already exists, so drop the extra one.
          await this.pg.bridge.disconnect(ns.clientId);
          ns.clientId = id;
        }
      }
    }
    for (const uid of sessions.slice(names.length)) await this.pg.close(uid);
  }

  /** Redraw every console as it was at the head. */
  private render(): void {
    const t = transcripts(this.tl, this.tl.head, `${this.pg.settings.prompt}> `);
    for (const c of this.pg.consoles) {
      const s = this.pg.session(c.uid);
      const mine = t.get(c.name);
      s?.showTranscript(mine?.text ?? '', mine?.blockedOn ?? '');
    }
  }

  private changed(): void {
    this.version++;
    for (const f of this.onChange) f();
    if (this.saveTimer) clearTimeout(this.saveTimer);
    const now = performance.now();
    this.unsavedSince ??= now;
    // Debounced, but not forever: under a steady stream of commands a crash loses at most the last couple of seconds.
    const overdue = now - this.unsavedSince >= SAVE_AT_LEAST_EVERY_MS;
    this.saveTimer = setTimeout(() => this.save(), overdue ? 0 : SAVE_AFTER_MS);
  }

  /** Save the workspace now (also on page hide, so a reload loses nothing and a crash at most the last 300 ms to 2 s). */
  save(): void {
    this.unsavedSince = null;
    if (this.busy || !this.base || !this.persist) return;
    try {
      const json = JSON.stringify(this.toScenario());
      // Written, it would replace the last good save with one that cannot be opened (restore() checks this first).
      if (json.length > LIMITS.jsonBytes) return this.notSaved(TOO_BIG);
      localStorage.setItem(WORKSPACE_KEY, json);
      if (this.message === NOT_SAVED || this.message === TOO_BIG) this.message = '';
    } catch {
      // Storage full or unavailable: the session still works, but a reload would lose it, so say so.
      return this.notSaved(NOT_SAVED);
    }
    this.saveFailed = false;
  }

  /** Say once that the workspace was not saved (a dismissed notice stays dismissed until a save succeeds and fails again). */
  private notSaved(why: string): void {
    if (!this.saveFailed) this.message = why;
    this.saveFailed = true;
  }
}

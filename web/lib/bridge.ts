/**
 * The only file that imports comlink: it starts the engine worker, owns its lifetime, and keeps the last good
 * snapshot plus a journal of the state-changing calls completed since it (the worker snapshots big engines at most
 * once a second), so that when the worker dies — crash, or the test hook — a new worker restarts from the snapshot
 * and replays the journal to the exact state. Calls in flight when the worker dies reject with `WorkerDied`.
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { EngineSnapshot } from '../../engine/index.ts';
import type { BatchResult, CallsResult, ClockOptions, EngineApi, ExecCall, NamedOp, RunOptions } from '../../engine/worker.ts';

/** A worker call whose answer is a new state (the journal replays them after a restart). */
type Op = (r: Remote<EngineApi>) => Promise<BatchResult | CallsResult>;

const isCalls = (r: BatchResult | CallsResult): r is CallsResult => r.steps.length > 0 && Array.isArray(r.steps[0]);
/** Several consoles' answers as one batch (what a restart shows after replaying a journaled group). */
const batchOf = (r: BatchResult | CallsResult): BatchResult => (isCalls(r) ? { steps: r.steps.flat(), summary: r.summary, snapshot: r.snapshot } : r);

export class WorkerDied extends Error {
  constructor() {
    super('the engine worker stopped');
    this.name = 'WorkerDied';
  }
}

export interface BridgeListener {
  /** Replies the worker's timer produced (real-clock BLOCK timeouts). */
  wake(r: BatchResult): void;
  /** The worker died; a restart from the last snapshot has begun. */
  died(reason: string): void;
  /** The worker is running again (after a restart), with this state. */
  restarted(r: BatchResult): void;
}

export class EngineBridge {
  private worker: Worker | null = null;
  private remote: Remote<EngineApi> | null = null;
  /** Rejects when the current worker dies; every call races against it. */
  private death: Promise<never> = new Promise(() => {});
  private kill: (e: Error) => void = () => {};
  private ready: Promise<BatchResult> | null = null;
  /** The state after the last successful batch: what a restart resumes from. */
  lastSnapshot: EngineSnapshot | undefined;
  /** Counts restarts, so a replay that outlived its worker does not start another. */
  private generation = 0;
  /** Completed state-changing calls since `lastSnapshot`, replayed in order after a restart. */
  private journal: Op[] = [];
  /** Consoles' commands waiting for the end of the current task, to travel in one message (see execBatch). */
  private waiting: { call: ExecCall; settle: (r: Promise<BatchResult>) => void }[] = [];

  constructor(
    private readonly clock: ClockOptions,
    private readonly listener: BridgeListener,
  ) {}

  /** Start the worker (fresh, or from a snapshot). */
  start(snapshot?: EngineSnapshot): Promise<BatchResult> {
    const worker = new Worker(new URL('../../engine/worker.ts', import.meta.url), { type: 'module', name: 'engine' });
    this.worker = worker;
    this.remote = wrap<EngineApi>(worker);
    this.death = new Promise<never>((_, reject) => {
      this.kill = reject;
    });
    this.death.catch(() => {}); // observed by the calls racing it
    worker.addEventListener('error', (e) => this.fail(worker, e.message || 'uncaught error in the engine worker'));
    worker.addEventListener('messageerror', () => this.fail(worker, 'a message could not be read'));
    const remote = this.remote;
    const onWake = proxy((r: BatchResult) => this.listener.wake(this.keep(r, null)));
    this.ready = this.race(remote.init(this.clock, onWake, snapshot)).then((r) => this.keep(r, null));
    return this.ready;
  }

  /** Test hook and crash path: terminate the worker as if it had died, then restart from the last snapshot. */
  terminate(reason = 'terminated'): void {
    if (this.worker) this.fail(this.worker, reason);
  }

  connect(name: string) {
    return this.call((r) => r.connect(name));
  }
  disconnect(id: number) {
    return this.call((r) => r.disconnect(id));
  }
  /**
   * Run one console's commands. Consoles that submit in the same task (a paste into several, a benchmark typing into
   * all of them) share one round trip: one message out, one back with one summary, instead of one per console.
   * Order is kept: any other call first sends what waits here.
   */
  execBatch(id: number, argvs: readonly (readonly string[])[]): Promise<BatchResult> {
    return new Promise<BatchResult>((resolve) => {
      this.waiting.push({ call: { id, argvs }, settle: resolve });
      if (this.waiting.length === 1) queueMicrotask(() => this.sendWaiting());
    });
  }

  private sendWaiting(): void {
    const waiting = this.waiting;
    if (waiting.length === 0) return;
    this.waiting = [];
    const calls = waiting.map((w) => w.call);
    const all = this.call((r) => r.execCalls(calls));
    // The snapshot is the state after all the calls: only the last call's result can say it is the state after it.
    const last = waiting.length - 1;
    waiting.forEach((w, i) => w.settle(all.then((res) => ({ steps: res.steps[i], summary: res.summary, snapshot: i === last ? res.snapshot : undefined }))));
  }
  /** The next result brings a snapshot (in order: after the calls already made, so it is the state after one of them). */
  snapshotNext(): void {
    this.sendWaiting();
    void this.remote?.snapshotNext().catch(() => {});
  }
  advance(ms: number) {
    return this.call((r) => r.advance(ms));
  }
  setTime(t: number) {
    return this.call((r) => r.setTime(t));
  }
  setStep(ms: number) {
    return this.call((r) => r.setStep(ms));
  }
  /** Scenario replay and timeline jumps (web/scenario/): many clients' steps in one round trip. */
  runSteps(ops: readonly NamedOp[], opts: RunOptions) {
    return this.call((r) => r.runSteps(ops, opts));
  }
  /** A fresh engine with other clock/profile options (loading a scenario). */
  reset(clock: ClockOptions) {
    return this.call((r) => r.reset(clock));
  }
  restore(snapshot: EngineSnapshot) {
    return this.call((r) => r.restore(snapshot));
  }

  private async call<T extends BatchResult | CallsResult>(f: (r: Remote<EngineApi>) => Promise<T>): Promise<T> {
    this.sendWaiting();
    if (!this.ready || !this.remote) throw new WorkerDied();
    await this.ready;
    return this.keep(await this.race(f(this.remote)), f);
  }

  /** Remember a result's snapshot; a completed call without one joins the journal (null: not replayable). */
  private keep<T extends BatchResult | CallsResult>(r: T, op: Op | null): T {
    if (r.snapshot) {
      this.lastSnapshot = r.snapshot;
      this.journal = [];
    } else if (op) {
      this.journal.push(op);
    }
    return r;
  }

  private race<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.death]);
  }

  private fail(worker: Worker, reason: string): void {
    if (worker !== this.worker) return;
    this.remote?.[releaseProxy]();
    worker.terminate();
    this.worker = null;
    this.kill(new WorkerDied());
    this.listener.died(reason);
    const snap = this.lastSnapshot;
    const journal = this.journal;
    this.journal = [];
    const restarted = (r: BatchResult) => this.listener.restarted(r);
    // Snapshot, then the journal. If a replayed call kills the worker again, `fail` runs again with the shorter
    // journal (the fatal call never completes, so it is never journaled). If the restore itself is refused, which
    // should never happen, start empty rather than not at all.
    const replay = async (): Promise<BatchResult> => {
      let last = await this.start(snap);
      for (const op of journal) {
        const remote = this.remote;
        if (!remote) throw new WorkerDied();
        last = batchOf(this.keep(await this.race(op(remote)), op));
      }
      return last;
    };
    const generation = ++this.generation;
    const replayed = replay();
    this.ready = replayed; // new calls wait for the whole replay, not just the restore
    void replayed.then(restarted, () => {
      if (generation === this.generation) void this.start().then(restarted, () => {});
    });
  }
}

/**
 * The only file that imports comlink: it starts the engine worker, owns its lifetime, and keeps the last good
 * snapshot (taken after every batch) so that when the worker dies — crash, or the test hook — a new worker
 * restarts from it. Calls in flight when the worker dies reject with `WorkerDied`.
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { EngineSnapshot } from '../../engine/index.ts';
import type { BatchResult, ClockOptions, EngineApi, NamedOp, RunOptions } from '../../engine/worker.ts';

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
  /** The clock after the last batch: a restart resumes the virtual clock here, not at the snapshot's time. */
  private lastTime = 0;

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
    const onWake = proxy((r: BatchResult) => this.listener.wake(this.keep(r)));
    this.ready = this.race(remote.init(this.clock, onWake, snapshot)).then((r) => this.keep(r));
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
  execBatch(id: number, argvs: readonly (readonly string[])[]) {
    return this.call((r) => r.execBatch(id, argvs));
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

  private async call<T extends BatchResult>(f: (r: Remote<EngineApi>) => Promise<T>): Promise<T> {
    if (!this.ready || !this.remote) throw new WorkerDied();
    await this.ready;
    return this.keep(await this.race(f(this.remote)));
  }

  private keep<T extends BatchResult>(r: T): T {
    if (r.snapshot) this.lastSnapshot = r.snapshot;
    this.lastTime = r.summary.now;
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
    const snap = this.lastSnapshot && this.lastTime ? { ...this.lastSnapshot, time: this.lastTime } : this.lastSnapshot;
    const restarted = (r: BatchResult) => this.listener.restarted(r);
    // A snapshot the new worker cannot restore should never happen; if it does, start empty rather than not at all.
    void this.start(snap).then(restarted, () => this.start().then(restarted, () => {}));
  }
}

/**
 * Engine: clients, dispatch through the command table, transactions, blocking, expiry, snapshots.
 * A plain synchronous library: `exec(client, argv)` returns the reply, the events, and the replies of other clients
 * that the command woke up. It never throws to its caller.
 */
import { Client } from './client.ts';
import { RealClock, VirtualClock, type Clock } from './clock.ts';
import { Config } from './config.ts';
import type { BlockRequest } from './context.ts';
import { CommandContext } from './command-context.ts';
import type { EngineEvent } from './events.ts';
import { E, sanitizeError, unknownCommand } from './errors.ts';
import { Database, ExpiryWatch, type Value } from './keyspace.ts';
import { DEFAULT_PROFILE, profile as makeProfile, type Profile, type ProfileName } from './profiles.ts';
import { NULL_ARRAY, QUEUED, array, error, isError, type ErrorReply, type Reply } from './reply.ts';
import { arityOk, CommandTable, isContainer, subcommand, type ResolvedCommand } from './table.ts';
import { ALL_COMMANDS } from './commands/index.ts';
import { BlockingRegistry, BLOCKED } from './blocking.ts';
import { estimateMemory } from './memory.ts';
import { snapshotEngine, restoreEngine, type EngineSnapshot } from './snapshot.ts';

export interface EngineOptions {
  clock?: Clock;
  profile?: ProfileName;
  /** Emit events (default true). The RESP server turns them off. */
  events?: boolean;
  /** Memory budget in bytes for denyoom commands (0 = unlimited); CONFIG SET maxmemory changes it. */
  maxMemory?: number;
}

/** A reply for another client, produced because this command (or the clock) woke it up. */
export interface Wake {
  readonly client: number;
  readonly reply: Reply;
}

export interface ExecResult {
  /** The caller's reply, or null when the caller is now blocked. */
  readonly reply: Reply | null;
  readonly events: readonly EngineEvent[];
  readonly woken: readonly Wake[];
}

export interface Outcome {
  readonly events: readonly EngineEvent[];
  readonly woken: readonly Wake[];
}

/** The shared empty list of an outcome without events or wake-ups (frozen: nobody may add to it). */
const NONE: readonly never[] = Object.freeze([]);

export interface Stats {
  startTime: number;
  totalCommands: number;
  totalErrors: number;
  totalConnections: number;
  dirty: number;
  expiredKeys: number;
  keyspaceHits: number;
  keyspaceMisses: number;
  lastSave: number;
}

export const DATABASES = 16;
/** Commands run at once even inside MULTI. */
const MULTI_IMMEDIATE = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);

export class Engine {
  readonly clock: Clock;
  profile: Profile;
  readonly config = new Config();
  readonly table = new CommandTable(ALL_COMMANDS);
  private readonly expiryWatch = new ExpiryWatch();
  readonly dbs: Database[] = Array.from({ length: DATABASES }, (_, i) => new Database(i, this.expiryWatch));
  readonly clients = new Map<number, Client>();
  readonly blocking = new BlockingRegistry();
  readonly eventsOn: boolean;
  stats: Stats;
  nextClientId = 1;
  /** `db\0key` → clients watching it. */
  private readonly watchers = new Map<string, Set<Client>>();
  private events: EngineEvent[] = [];
  private woken: Wake[] = [];
  private readyKeys: string[] = [];
  private readonly readySet = new Set<string>();

  constructor(opts: EngineOptions = {}) {
    this.clock = opts.clock ?? new RealClock();
    this.profile = makeProfile(opts.profile ?? DEFAULT_PROFILE);
    this.eventsOn = opts.events ?? true;
    if (opts.maxMemory) this.config.setRaw('maxmemory', String(opts.maxMemory));
    const now = this.clock.now();
    this.stats = {
      startTime: now,
      totalCommands: 0,
      totalErrors: 0,
      totalConnections: 0,
      dirty: 0,
      expiredKeys: 0,
      keyspaceHits: 0,
      keyspaceMisses: 0,
      lastSave: now,
    };
  }

  setProfile(name: ProfileName): void {
    this.profile = makeProfile(name);
  }

  // ----- clients -----

  connect(name = ''): number {
    const c = new Client(this.nextClientId++, this.clock.now());
    c.name = name;
    this.clients.set(c.id, c);
    this.stats.totalConnections++;
    return c.id;
  }

  /** Close a client: unblock it, drop its watches. */
  disconnect(id: number): Outcome {
    const c = this.clients.get(id);
    if (!c) return { events: [], woken: [] };
    if (c.blocked) {
      this.blocking.remove(c);
      c.blocked = null;
      this.emit({ type: 'unblocked', client: id, reason: 'disconnected' });
    }
    this.unwatchAll(c);
    this.clients.delete(id);
    this.emit({ type: 'client-disconnected', client: id });
    return this.takeOutcome();
  }

  client(id: number): Client | undefined {
    return this.clients.get(id);
  }

  // ----- clock -----

  /** Move a virtual clock forward; fires expiries and BLOCK timeouts that became due. */
  advance(ms: number): Outcome {
    if (!(this.clock instanceof VirtualClock)) throw new Error('advance() needs a virtual clock');
    this.clock.advance(ms);
    return this.tick();
  }

  /** Set a virtual clock; time may go backwards (as a real clock can), nothing is undone. */
  setTime(t: number): Outcome {
    if (!(this.clock instanceof VirtualClock)) throw new Error('setTime() needs a virtual clock');
    this.clock.set(t);
    return this.tick();
  }

  /** Fire whatever is due at the clock's current time (hosts with a real clock call it at `nextDeadline()`). */
  tick(): Outcome {
    const now = this.clock.now();
    this.emit({ type: 'clock-changed', now });
    this.housekeeping(now);
    this.processReady(now);
    return this.takeOutcome();
  }

  /** The earliest time at which `tick()` has work: a BLOCK timeout, a CLAIM recheck or a key expiry. */
  nextDeadline(): number | null {
    let next = this.blocking.nextDeadline();
    if (this.expiryWatch.next < next) for (const db of this.dbs) if (db.nextExpiry < next) next = db.nextExpiry;
    return next === Infinity ? null : next;
  }

  // ----- execution -----

  exec(clientId: number, argv: readonly string[]): ExecResult {
    const c = this.clients.get(clientId);
    if (!c) return { reply: error('ERR no such client'), events: [], woken: [] };
    if (argv.length === 0) return { reply: null, events: NONE, woken: NONE };
    if (c.blocked) return { reply: error('ERR client is blocked'), events: [], woken: [] };
    const now = this.clock.now();
    this.housekeeping(now);
    const r = this.execTop(c, argv, now);
    const reply = r === BLOCKED ? null : r;
    if (reply !== null && isError(reply)) this.stats.totalErrors++;
    this.processReady(now);
    // `kind` rather than instanceof: this runs after every command.
    if (this.clock.kind === 'virtual') (this.clock as VirtualClock).tick();
    return { reply, events: this.takeEvents(), woken: this.takeWoken() };
  }

  private execTop(c: Client, argv: readonly string[], now: number): Reply {
    c.lastInteraction = now;
    const resolved = this.resolve(argv);
    if ('t' in resolved) {
      // rejectCommand: a refused EXEC (wrong arity) ends the transaction, in MULTI or not.
      if (argv[0].toLowerCase() === 'exec') return this.execAbort(c, resolved.v);
      if (c.multi) c.multiError = true;
      return resolved;
    }
    const name = resolved.fullName;
    c.lastCommand = name;
    if (c.multi && !MULTI_IMMEDIATE.has(resolved.container?.name ?? name)) {
      // processCommand refuses a denyoom command before queueing it, which flags the transaction.
      if (resolved.denyoom && this.overMemory()) {
        c.multiError = true;
        return error(E.oom);
      }
      c.multi.push([...argv]);
      return QUEUED;
    }
    if (name === 'exec') {
      // processCommand refuses EXEC itself when memory is over the limit and a queued command is denyoom.
      if (c.multi && this.overMemory() && this.queuesDenyoom(c.multi)) return this.execAbort(c, E.oom);
      return this.execMulti(c, now);
    }
    return this.call(c, resolved, argv, now, true, false);
  }

  /** Find the command and check arity and profile; returns the error reply when it cannot run. */
  resolve(argv: readonly string[]): ResolvedCommand | ErrorReply {
    const found = this.table.spelled(argv[0]);
    if (!found || !this.profile.hasCommand(found.entry.name)) return error(sanitizeError(unknownCommand(argv)));
    const { entry, top } = found;
    if (!isContainer(entry)) {
      if (!arityOk(entry.arity, argv.length)) return error(E.wrongArity(entry.name));
      return top ?? this.table.resolved(entry);
    }
    if (argv.length < 2) return error(E.wrongArity(entry.name));
    const sub = subcommand(entry, argv[1]);
    if (!sub) return error(sanitizeError(E.unknownSubcommand(argv[1], argv[0])));
    const resolved = this.table.resolved(sub, entry);
    if (!arityOk(sub.arity, argv.length)) return error(E.wrongArity(resolved.fullName));
    return resolved;
  }

  /** Whether a transaction queued a command that may grow memory (Redis ORs the queued commands' flags). */
  private queuesDenyoom(queued: readonly (readonly string[])[]): boolean {
    return queued.some((argv) => {
      const r = this.resolve(argv);
      return !('t' in r) && r.denyoom;
    });
  }

  /** execCommandAbort: discard the transaction and its watches, and say why EXEC was refused. */
  private execAbort(c: Client, why: string): Reply {
    c.multi = null;
    c.multiError = false;
    this.unwatchAll(c);
    return error(`EXECABORT Transaction discarded because of: ${why.replace(/^ERR /, '')}`);
  }

  private execMulti(c: Client, now: number): Reply {
    if (!c.multi) return error(E.execWithoutMulti);
    const queued = c.multi;
    const aborted = c.multiError;
    const dirty = c.dirtyCas;
    c.multi = null;
    c.multiError = false;
    this.unwatchAll(c);
    if (aborted) return error(E.execAbort);
    if (dirty) return NULL_ARRAY;
    const replies: Reply[] = [];
    for (const argv of queued) {
      const resolved = this.resolve(argv);
      let r: Reply;
      if ('t' in resolved) r = resolved;
      else r = this.call(c, resolved, argv, now, false, false);
      if (isError(r)) this.stats.totalErrors++;
      replies.push(r);
    }
    return array(replies);
  }

  /** Run one resolved command. Internal faults become an ERR reply. */
  call(c: Client, cmd: ResolvedCommand, argv: readonly string[], now: number, canBlock: boolean, reprocessing: boolean): Reply {
    const db = this.dbs[c.db];
    if (cmd.denyoom && this.overMemory()) return error(E.oom);
    this.stats.totalCommands++;
    const ctx = new CommandContext(this, c, db, now, canBlock, reprocessing, argv);
    try {
      return cmd.def.handler(ctx, argv);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return error(sanitizeError(E.internal(msg)));
    }
  }

  // ----- keyspace helpers shared by handlers -----

  lookup(db: Database, key: string, now: number): Value | undefined {
    const at = db.expires.size === 0 ? undefined : db.expires.get(key);
    if (at !== undefined && at <= now) this.expireKey(db, key);
    return db.keys.get(key);
  }

  setKey(db: Database, key: string, value: Value, keepTtl = false): void {
    const old = db.keys.get(key);
    if (old && old.type !== value.type) this.emit({ type: 'key-deleted', db: db.index, key, cause: 'overwritten' });
    db.keys.set(key, value);
    if (!keepTtl) db.removeExpire(key);
    this.touch(db.index, key);
    this.signalReady(db.index, key);
  }

  deleteKey(db: Database, key: string, cause: 'del' | 'overwritten'): boolean {
    if (!db.remove(key)) return false;
    this.emit({ type: 'key-deleted', db: db.index, key, cause });
    this.touch(db.index, key);
    this.signalReady(db.index, key);
    return true;
  }

  private expireKey(db: Database, key: string): void {
    db.remove(key);
    this.stats.expiredKeys++;
    this.emit({ type: 'key-expired', db: db.index, key });
    this.touch(db.index, key);
    this.signalReady(db.index, key);
  }

  /** Active expiry and due BLOCK timeouts. */
  private housekeeping(now: number): void {
    if (this.expiryWatch.next <= now) {
      let next = Infinity;
      for (const db of this.dbs) {
        if (db.nextExpiry <= now) {
          for (const [key, at] of [...db.expires]) if (at <= now) this.expireKey(db, key);
          db.refreshNextExpiry();
        }
        if (db.nextExpiry < next) next = db.nextExpiry;
      }
      this.expiryWatch.next = next;
    }
    if (this.blocking.count === 0) return;
    for (const c of this.blocking.due(now)) {
      const b = c.blocked;
      if (!b) continue;
      if (b.deadline !== 0 && b.deadline <= now) {
        this.unblock(c, NULL_ARRAY, 'timeout');
      } else if (b.recheckAt !== 0 && b.recheckAt <= now) {
        this.signalReady(b.db, b.keys[0]);
      }
    }
  }

  // ----- WATCH -----

  watch(c: Client, db: number, key: string): void {
    const k = `${db}\0${key}`;
    if (c.watched.has(k)) return;
    c.watched.add(k);
    let set = this.watchers.get(k);
    if (!set) this.watchers.set(k, (set = new Set()));
    set.add(c);
  }

  unwatchAll(c: Client): void {
    for (const k of c.watched) {
      const set = this.watchers.get(k);
      set?.delete(c);
      if (set && set.size === 0) this.watchers.delete(k);
    }
    c.watched.clear();
    c.dirtyCas = false;
  }

  touch(db: number, key: string): void {
    if (this.watchers.size === 0) return;
    const set = this.watchers.get(`${db}\0${key}`);
    if (set) for (const c of set) c.dirtyCas = true;
  }

  // ----- blocking -----

  signalReady(db: number, key: string): void {
    if (this.blocking.count === 0 || !this.blocking.isWaitedOn(db, key)) return;
    const k = `${db}\0${key}`;
    if (this.readySet.has(k)) return;
    this.readySet.add(k);
    this.readyKeys.push(k);
  }

  /** Block a client (through `ctx.block`). Returns the sentinel reply. */
  blockClient(c: Client, db: Database, now: number, req: BlockRequest, reprocessing: boolean): Reply {
    const prev = c.blocked;
    const argv = req.argv ?? prev?.argv ?? [];
    if (argv.length === 0) throw new Error('block() without a command to re-run');
    if (reprocessing && prev) {
      // Still nothing to serve: keep waiting with the original deadline and place in line.
      prev.argv = argv;
      prev.recheckAt = req.recheckAt ?? 0;
      this.blocking.reschedule(c);
      return BLOCKED;
    }
    const deadline = req.timeoutMs > 0 ? now + req.timeoutMs : 0;
    this.blocking.add(c, {
      db: db.index,
      keys: [...new Set(req.keys)],
      wakeOn: req.wakeOn,
      argv,
      deadline,
      recheckAt: req.recheckAt ?? 0,
      seq: 0,
      group: req.group,
      consumer: req.consumer,
    });
    this.emit({
      type: 'blocked',
      client: c.id,
      db: db.index,
      keys: c.blocked?.keys ?? req.keys,
      command: (argv[0] ?? '').toLowerCase(),
      deadline: deadline || null,
      group: req.group,
      consumer: req.consumer,
    });
    return BLOCKED;
  }

  /** Wake a blocked client with a reply (served, timed out, unblocked or error). */
  unblock(c: Client, reply: Reply, reason: 'served' | 'timeout' | 'client-unblock' | 'error'): void {
    this.blocking.remove(c);
    c.blocked = null;
    if (isError(reply)) this.stats.totalErrors++;
    this.woken.push({ client: c.id, reply });
    this.emit({ type: 'unblocked', client: c.id, reason });
  }

  /** handleClientsBlockedOnKeys: serve clients waiting on signalled keys, first blocked first served. */
  private processReady(now: number): void {
    while (this.readyKeys.length > 0) {
      const keys = this.readyKeys;
      this.readyKeys = [];
      this.readySet.clear();
      for (const k of keys) {
        const sep = k.indexOf('\0');
        const dbi = Number(k.slice(0, sep));
        const key = k.slice(sep + 1);
        const db = this.dbs[dbi];
        for (const c of this.blocking.waitingOn(dbi, key)) {
          const b = c.blocked;
          if (!b) continue;
          const v = db.keys.get(key);
          const wakes = b.wakeOn === 'any' || (v !== undefined && v.type === b.wakeOn);
          if (!wakes) continue;
          this.rerun(c, now);
        }
      }
    }
  }

  private rerun(c: Client, now: number): void {
    const b = c.blocked;
    if (!b) return;
    const resolved = this.resolve(b.argv);
    const saveDb = c.db;
    c.db = b.db;
    let reply: Reply;
    if ('t' in resolved) reply = resolved;
    else reply = this.call(c, resolved, b.argv, now, true, true);
    c.db = saveDb;
    if (reply === BLOCKED) return;
    this.unblock(c, reply, isError(reply) ? 'error' : 'served');
  }

  // ----- memory -----

  usedMemory(): number {
    return estimateMemory(this);
  }

  private overMemory(): boolean {
    const max = this.config.maxMemory;
    return max > 0 && this.usedMemory() > max;
  }

  // ----- events -----

  emit(e: EngineEvent): void {
    if (this.eventsOn) this.events.push(e);
  }

  private takeOutcome(): Outcome {
    return { events: this.takeEvents(), woken: this.takeWoken() };
  }

  /**
   * The events so far, handed over: a shared empty array when there are none, and a one-element array for the
   * usual single event (the collecting array grew to V8's first capacity of 17 slots; handing it over would make
   * every command allocate that backing store again).
   */
  private takeEvents(): readonly EngineEvent[] {
    const events = this.events;
    if (events.length === 0) return NONE;
    if (events.length === 1) return [events.pop() as EngineEvent];
    this.events = [];
    return events;
  }

  private takeWoken(): readonly Wake[] {
    const woken = this.woken;
    if (woken.length === 0) return NONE;
    this.woken = [];
    return woken;
  }

  // ----- snapshots -----

  snapshot(): EngineSnapshot {
    return snapshotEngine(this);
  }

  /** Replace this engine's whole state with a snapshot's. */
  restore(snap: EngineSnapshot): void {
    restoreEngine(this, snap);
  }
}

/**
 * The one Ctx implementation: a small object per command whose methods live on the prototype, so running a command
 * allocates no closures (the hot path of every command).
 */
import type { Client } from './client.ts';
import type { Config } from './config.ts';
import type { BlockRequest, Ctx } from './context.ts';
import type { Engine } from './engine.ts';
import { E } from './errors.ts';
import type { EngineEvent } from './events.ts';
import type { Database, Value, ValueType } from './keyspace.ts';
import type { Feature, Profile, VersionedText } from './profiles.ts';
import { error, type ErrorReply, type Reply } from './reply.ts';

export class CommandContext implements Ctx {
  readonly profile: Profile;
  readonly config: Config;
  readonly eventsOn: boolean;

  constructor(
    readonly engine: Engine,
    readonly client: Client,
    readonly db: Database,
    readonly now: number,
    readonly canBlock: boolean,
    readonly reprocessing: boolean,
    /** The command being run: what a blocked client re-runs unless the handler says otherwise. */
    private readonly argv: readonly string[],
  ) {
    this.profile = engine.profile;
    this.config = engine.config;
    this.eventsOn = engine.eventsOn;
  }

  has(feature: Feature): boolean {
    return this.profile.has(feature);
  }

  text(key: VersionedText): string | null {
    return this.profile.text(key);
  }

  emit(e: EngineEvent): void {
    this.engine.emit(e);
  }

  lookup(key: string): Value | undefined {
    return this.engine.lookup(this.db, key, this.now);
  }

  lookupTyped<T extends ValueType>(key: string, type: T): Extract<Value, { type: T }> | undefined | ErrorReply {
    const v = this.engine.lookup(this.db, key, this.now);
    if (v === undefined) return undefined;
    if (v.type !== type) return error(E.wrongType);
    return v as Extract<Value, { type: T }>;
  }

  setKey(key: string, value: Value, keepTtl?: boolean): void {
    this.engine.setKey(this.db, key, value, keepTtl);
  }

  deleteKey(key: string, cause: 'del' | 'overwritten' = 'del'): boolean {
    return this.engine.deleteKey(this.db, key, cause);
  }

  modified(key: string, dirty = 1): void {
    this.engine.touch(this.db.index, key);
    this.engine.stats.dirty += dirty;
  }

  signalReady(key: string): void {
    this.engine.signalReady(this.db.index, key);
  }

  block(req: BlockRequest): Reply {
    return this.engine.blockClient(this.client, this.db, this.now, { ...req, argv: req.argv ?? this.argv }, this.reprocessing);
  }
}

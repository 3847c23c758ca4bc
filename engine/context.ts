/** What a command handler sees: the caller, its database, the command's single time snapshot, and engine hooks. */
import type { Client } from './client.ts';
import type { Config } from './config.ts';
import type { EngineEvent } from './events.ts';
import type { Database, Value, ValueType } from './keyspace.ts';
import type { Feature, Profile, VersionedText } from './profiles.ts';
import type { ErrorReply, Reply } from './reply.ts';
import type { Engine } from './engine.ts';

export interface BlockRequest {
  readonly keys: readonly string[];
  readonly wakeOn: 'stream' | 'list' | 'any';
  /** BLOCK timeout in ms; 0 = forever. */
  readonly timeoutMs: number;
  /** Command to re-run on wake-up; defaults to the current argv. */
  readonly argv?: readonly string[];
  /** Re-run at this Unix ms even without a signal (XREADGROUP CLAIM); 0 = never. */
  readonly recheckAt?: number;
  readonly group?: string;
  readonly consumer?: string;
}

export interface Ctx {
  readonly engine: Engine;
  readonly client: Client;
  readonly db: Database;
  /** The command's time snapshot (Unix ms): read once per command, shared by a whole MULTI/EXEC. */
  readonly now: number;
  readonly profile: Profile;
  readonly config: Config;
  /** False inside MULTI/EXEC: a blocking read that would block answers its timeout reply at once. */
  readonly canBlock: boolean;
  /** True when a blocked command is re-run after a key signal or CLIENT UNBLOCK-free recheck. */
  readonly reprocessing: boolean;
  /** Whether event objects are wanted (cheap check before building big ones). */
  readonly eventsOn: boolean;

  has(feature: Feature): boolean;
  text(key: VersionedText): string | null;
  emit(e: EngineEvent): void;

  /** Look a key up (expiring it if due). */
  lookup(key: string): Value | undefined;
  /** Look a key up and check its type: undefined if missing, the WRONGTYPE reply if of another type. */
  lookupTyped<T extends ValueType>(key: string, type: T): Extract<Value, { type: T }> | undefined | ErrorReply;
  /** Add or replace a key's value (replacing clears its TTL unless `keepTtl`). */
  setKey(key: string, value: Value, keepTtl?: boolean): void;
  /** Delete a key; returns whether it existed. */
  deleteKey(key: string, cause?: 'del' | 'overwritten'): boolean;

  /** signalModifiedKey + server.dirty: WATCH invalidation and rdb_changes_since_last_save. */
  modified(key: string, dirty?: number): void;
  /** signalKeyAsReady: wake clients blocked on this key after the command. */
  signalReady(key: string): void;
  /** Block the caller. Returns the sentinel reply that `exec` turns into "no reply yet". */
  block(req: BlockRequest): Reply;
}

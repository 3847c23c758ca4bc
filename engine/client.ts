/** One connection's state: identity, selected database, protocol, transaction and blocking state. */

export interface BlockedState {
  /** The database the keys live in. */
  readonly db: number;
  /** Keys the client waits on, in command order (duplicates removed). */
  readonly keys: readonly string[];
  /**
   * Which key changes wake it: `stream` wakes only when the key holds a stream (XREAD), `list` only on a list
   * (BLPOP), `any` on every signal including deletion and type change (XREADGROUP re-runs, Redis 7.2+).
   */
  readonly wakeOn: 'stream' | 'list' | 'any';
  /** The command re-executed on wake-up (with `$` already resolved). */
  argv: readonly string[];
  /** Unix ms after which it times out; 0 = never (BLOCK 0). */
  readonly deadline: number;
  /** A time at which to re-run the command even without a key signal (XREADGROUP CLAIM idle wake-up); 0 = none. */
  recheckAt: number;
  /** Global blocking order: first blocked, first served. */
  readonly seq: number;
  readonly group?: string;
  readonly consumer?: string;
}

export class Client {
  name = '';
  db = 0;
  resp: 2 | 3 = 2;
  /** Queued commands while in MULTI; null outside a transaction. */
  multi: string[][] | null = null;
  /** A command was rejected while queueing: EXEC must answer EXECABORT. */
  multiError = false;
  /** `db\0key` of every watched key. */
  readonly watched = new Set<string>();
  /** A watched key was modified: EXEC must fail with a null reply. */
  dirtyCas = false;
  blocked: BlockedState | null = null;
  /** Set by the RESP server: the peer and local addresses for CLIENT LIST. */
  addr = '127.0.0.1:0';
  laddr = '127.0.0.1:6379';
  libName = '';
  libVer = '';
  lastCommand = 'NULL';
  lastInteraction: number;

  constructor(
    readonly id: number,
    readonly createdAt: number,
  ) {
    this.lastInteraction = createdAt;
  }
}

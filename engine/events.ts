/**
 * The typed facts the engine emits for the UI. `exec` returns them with every reply; the diagram is a pure function
 * of a snapshot plus these events. IDs are formatted `ms-seq` strings; `db` is the database index.
 */

/** One pending entry as it was after the event: its ID and its delivery count. */
export interface PendingFact {
  readonly id: string;
  readonly count: number;
}

/** A pending entry that changed owner: `from` is the previous consumer, or null when it was unowned (NACKed/new). */
export interface MovedFact extends PendingFact {
  readonly from: string | null;
}

/** How PEL references to removed entries were treated (KEEPREF is the classic behaviour). */
export type RefPolicy = 'keepref' | 'delref' | 'acked';

interface StreamFact {
  readonly db: number;
  readonly key: string;
}
interface GroupFact extends StreamFact {
  readonly group: string;
}

export type EngineEvent =
  | (StreamFact & { readonly type: 'stream-created' })
  | (StreamFact & { readonly type: 'entry-added'; readonly id: string; readonly fields: readonly string[] })
  /** XIDMP duplicate: nothing added, the original ID returned. */
  | (StreamFact & { readonly type: 'entry-deduplicated'; readonly id: string })
  | (StreamFact & {
      readonly type: 'entries-deleted';
      readonly cause: 'xdel' | 'xdelex' | 'xackdel';
      readonly ids: readonly string[];
      readonly refs: RefPolicy;
      /** Group PEL references to these entries that remain (KEEPREF leaves them; 0 under DELREF and ACKED). */
      readonly dangling: number;
    })
  | (StreamFact & {
      readonly type: 'entries-trimmed';
      readonly cause: 'xadd' | 'xtrim';
      /** How many entries left the stream. */
      readonly count: number;
      /** The removed IDs, in order; capped at 1000 (`count` is exact). */
      readonly ids: readonly string[];
      readonly refs: RefPolicy;
      /** Group PEL references to the listed IDs that remain (KEEPREF leaves them; 0 under DELREF and ACKED). */
      readonly dangling: number;
    })
  /** PEL references removed because their entries are gone (DELREF, XCLAIM/XAUTOCLAIM clean-up). */
  | (GroupFact & { readonly type: 'refs-removed'; readonly ids: readonly string[] })
  | (StreamFact & {
      readonly type: 'stream-id-set';
      readonly lastId: string;
      readonly maxDeletedId: string;
      readonly entriesAdded: number;
    })
  | (GroupFact & { readonly type: 'group-created'; readonly lastId: string; readonly entriesRead: number | null })
  | (GroupFact & { readonly type: 'group-destroyed' })
  | (GroupFact & {
      readonly type: 'group-cursor-moved';
      readonly lastId: string;
      readonly entriesRead: number | null;
      readonly cause: 'read' | 'setid' | 'xclaim-lastid';
    })
  | (GroupFact & { readonly type: 'consumer-created'; readonly consumer: string })
  | (GroupFact & { readonly type: 'consumer-deleted'; readonly consumer: string; readonly dropped: readonly string[] })
  | (GroupFact & {
      readonly type: 'delivered';
      readonly consumer: string;
      /** `new`: via `>`; `history`: re-read of the consumer's own PEL. */
      readonly via: 'new' | 'history';
      /** NOACK reads create no pending entries. */
      readonly noack: boolean;
      readonly entries: readonly PendingFact[];
      /** History reads of entries deleted from the stream (returned as nil, still pending). */
      readonly missing: readonly string[];
    })
  | (GroupFact & { readonly type: 'acked'; readonly ids: readonly string[]; readonly owners: readonly (string | null)[] })
  | (GroupFact & {
      readonly type: 'claimed';
      readonly consumer: string;
      readonly via: 'xclaim' | 'xautoclaim' | 'xreadgroup';
      readonly entries: readonly MovedFact[];
    })
  | (GroupFact & {
      readonly type: 'nacked';
      readonly mode: 'silent' | 'fail' | 'fatal' | 'retrycount';
      readonly entries: readonly MovedFact[];
    })
  /** A plain XREAD served entries to a client (readers without a group). */
  | (StreamFact & { readonly type: 'read'; readonly client: number; readonly ids: readonly string[] })
  | {
      readonly type: 'blocked';
      readonly client: number;
      readonly db: number;
      readonly keys: readonly string[];
      readonly command: string;
      /** Unix ms when the BLOCK timeout fires; null for BLOCK 0. */
      readonly deadline: number | null;
      readonly group?: string;
      readonly consumer?: string;
    }
  | {
      readonly type: 'unblocked';
      readonly client: number;
      readonly reason: 'served' | 'timeout' | 'client-unblock' | 'error' | 'disconnected';
    }
  | { readonly type: 'key-deleted'; readonly db: number; readonly key: string; readonly cause: 'del' | 'overwritten' }
  | { readonly type: 'key-expired'; readonly db: number; readonly key: string }
  | { readonly type: 'key-renamed'; readonly db: number; readonly from: string; readonly to: string }
  | { readonly type: 'db-flushed'; readonly db: number | 'all' }
  | { readonly type: 'config-changed'; readonly name: string; readonly value: string }
  | { readonly type: 'client-connected'; readonly client: number; readonly name: string }
  | { readonly type: 'client-disconnected'; readonly client: number }
  | { readonly type: 'client-renamed'; readonly client: number; readonly name: string }
  | { readonly type: 'clock-changed'; readonly now: number };

export type EventType = EngineEvent['type'];

/**
 * What the diagram remembers that Redis does not: which entries each group acknowledged (Redis forgets an entry's
 * PEL record the moment it is acked) and where plain XREAD readers last read (XREAD keeps no server-side state).
 * Pure: a history plus events gives the next history.
 */
import type { EngineEvent } from '../../engine/index.ts';

/** The event types `applyHistory` reads: what a scenario load or a timeline move must bring back to rebuild it. */
export const HISTORY_EVENTS = ['acked', 'group-destroyed', 'read', 'client-disconnected', 'key-deleted', 'key-expired', 'key-renamed', 'db-flushed'] as const satisfies readonly EngineEvent['type'][];

/** Acknowledged IDs kept per group (the newest); `total` counts them all. */
export const ACKED_KEPT = 12;

export interface AckedHistory {
  readonly ids: readonly string[];
  readonly total: number;
}

/** Where an acknowledged history belongs (kept beside it: keys often contain `:`, so the record key is not parsed). */
interface GroupAt {
  readonly db: number;
  readonly key: string;
  readonly group: string;
}

export interface ReaderPosition {
  readonly client: number;
  readonly db: number;
  readonly key: string;
  /** The last ID this reader was served on this stream. */
  readonly id: string;
}

export interface History {
  /** By groupKey(db, key, group). */
  readonly acked: Readonly<Record<string, AckedHistory & GroupAt>>;
  readonly readers: readonly ReaderPosition[];
}

export const EMPTY_HISTORY: History = { acked: {}, readers: [] };

/** The record key of a group's history: unambiguous for any key and group name (both may contain any byte). */
export const groupKey = (db: number, key: string, group: string) => JSON.stringify([db, key, group]);

export function applyHistory(h: History, events: readonly EngineEvent[]): History {
  let acked = h.acked;
  let readers = h.readers;
  const onStream = (db: number | 'all', key?: string) => (x: { db: number; key: string }) => db === 'all' || (x.db === db && (key === undefined || x.key === key));
  const dropStream = (db: number | 'all', key?: string) => {
    const on = onStream(db, key);
    acked = Object.fromEntries(Object.entries(acked).filter(([, a]) => !on(a)));
    readers = readers.filter((r) => !on(r));
  };
  for (const e of events) {
    switch (e.type) {
      case 'acked': {
        if (e.ids.length === 0) break;
        const k = groupKey(e.db, e.key, e.group);
        const old = acked[k] ?? { ids: [], total: 0 };
        acked = { ...acked, [k]: { db: e.db, key: e.key, group: e.group, ids: [...old.ids, ...e.ids].slice(-ACKED_KEPT), total: old.total + e.ids.length } };
        break;
      }
      case 'group-destroyed': {
        const k = groupKey(e.db, e.key, e.group);
        acked = Object.fromEntries(Object.entries(acked).filter(([x]) => x !== k));
        break;
      }
      case 'read': {
        const id = e.ids[e.ids.length - 1];
        if (id === undefined) break;
        const rest = readers.filter((r) => !(r.client === e.client && r.db === e.db && r.key === e.key));
        readers = [...rest, { client: e.client, db: e.db, key: e.key, id }];
        break;
      }
      case 'client-disconnected':
        readers = readers.filter((r) => r.client !== e.client);
        break;
      case 'key-deleted':
      case 'key-expired':
        dropStream(e.db, e.key);
        break;
      case 'key-renamed': {
        // The stream, its groups and what they acknowledged move to the new name (RENAME first deleted any key there).
        if (e.from === e.to) break;
        const moved = onStream(e.db, e.from);
        acked = Object.fromEntries(Object.entries(acked).map(([k, a]) => (moved(a) ? [groupKey(a.db, e.to, a.group), { ...a, key: e.to }] : [k, a])));
        readers = readers.map((r) => (moved(r) ? { ...r, key: e.to } : r));
        break;
      }
      case 'db-flushed':
        dropStream(e.db);
        break;
      default:
        break;
    }
  }
  return acked === h.acked && readers === h.readers ? h : { acked, readers };
}

/**
 * What the diagram remembers that Redis does not: which entries each group acknowledged (Redis forgets an entry's
 * PEL record the moment it is acked) and where plain XREAD readers last read (XREAD keeps no server-side state).
 * Pure: a history plus events gives the next history.
 */
import type { EngineEvent } from '../../engine/index.ts';

/** Acknowledged IDs kept per group (the newest); `total` counts them all. */
export const ACKED_KEPT = 12;

export interface AckedHistory {
  readonly ids: readonly string[];
  readonly total: number;
}

export interface ReaderPosition {
  readonly client: number;
  readonly db: number;
  readonly key: string;
  /** The last ID this reader was served on this stream. */
  readonly id: string;
}

export interface History {
  /** By `db:key:group`. */
  readonly acked: Readonly<Record<string, AckedHistory>>;
  readonly readers: readonly ReaderPosition[];
}

export const EMPTY_HISTORY: History = { acked: {}, readers: [] };

export const groupKey = (db: number, key: string, group: string) => `${db}:${key}:${group}`;

export function applyHistory(h: History, events: readonly EngineEvent[]): History {
  let acked = h.acked;
  let readers = h.readers;
  const dropStream = (db: number | 'all', key?: string) => {
    const prefix = db === 'all' ? '' : key === undefined ? `${db}:` : `${db}:${key}:`;
    acked = Object.fromEntries(Object.entries(acked).filter(([k]) => !k.startsWith(prefix)));
    readers = readers.filter((r) => !(db === 'all' || (r.db === db && (key === undefined || r.key === key))));
  };
  for (const e of events) {
    switch (e.type) {
      case 'acked': {
        if (e.ids.length === 0) break;
        const k = groupKey(e.db, e.key, e.group);
        const old = acked[k] ?? { ids: [], total: 0 };
        acked = { ...acked, [k]: { ids: [...old.ids, ...e.ids].slice(-ACKED_KEPT), total: old.total + e.ids.length } };
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
      case 'db-flushed':
        dropStream(e.db);
        break;
      default:
        break;
    }
  }
  return acked === h.acked && readers === h.readers ? h : { acked, readers };
}

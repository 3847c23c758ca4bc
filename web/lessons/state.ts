/**
 * The state a lesson goal is checked against: a plain, JSON-safe summary of database 0 built from a live engine
 * (every pending entry, every consumer, the clock), never from what the learner typed. Unlike the diagram's
 * ViewState it is not windowed — goals need exact counts — so streams and PELs are capped well above any lesson.
 */
import { binaryToUtf8, Engine, VirtualClock, type EngineSnapshot } from '../../engine/index.ts';
import { entriesReadReply, groupLag } from '../../engine/lag.ts';
import { formatId, MAX_ID, MIN_ID } from '../../engine/ids.ts';
import type { Stream } from '../../engine/stream.ts';
import type { ConsumerGroup, PendingEntry } from '../../engine/group.ts';

/** Entries and pending entries kept per stream / group; lessons use a handful. */
export const STATE_CAP = 5_000;

export interface PendingState {
  readonly id: string;
  /** The owner; null for an unowned (XNACKed) entry. */
  readonly consumer: string | null;
  /** Delivery count (LLONG_MAX after XNACK FATAL is approximated). */
  readonly count: number;
  /** ms since the last delivery; -1 for an unowned entry (delivery time 0). */
  readonly idle: number;
  /** The stream no longer holds the entry (XDEL or a trim left this reference dangling). */
  readonly ghost: boolean;
}

export interface ConsumerState {
  readonly pending: number;
  readonly seenTime: number;
  readonly activeTime: number;
}

export interface GroupState {
  readonly lastId: string;
  readonly entriesRead: number | null;
  readonly lag: number | null;
  /** The whole group PEL in ID order (owned and unowned). */
  readonly pending: readonly PendingState[];
  readonly consumers: Readonly<Record<string, ConsumerState>>;
}

export interface EntryState {
  readonly id: string;
  readonly fields: Readonly<Record<string, string>>;
}

export interface StreamState {
  readonly length: number;
  readonly lastId: string;
  readonly firstId: string;
  readonly maxDeletedId: string;
  readonly entriesAdded: number;
  /** Live entries in ID order (the first STATE_CAP). */
  readonly entries: readonly EntryState[];
  readonly groups: Readonly<Record<string, GroupState>>;
}

export interface ClientState {
  /** The blocking command it waits in (XREAD, XREADGROUP, BLPOP…), or null. */
  readonly blocked: { readonly command: string; readonly keys: readonly string[] } | null;
}

export interface LessonState {
  /** The engine clock (Unix ms). */
  readonly now: number;
  /** Connected clients by name (a blocked one wins when two share a name). */
  readonly clients: Readonly<Record<string, ClientState>>;
  /** Every key of database 0 and its type. */
  readonly keys: Readonly<Record<string, string>>;
  readonly streams: Readonly<Record<string, StreamState>>;
}

/** Summarise database 0 of a live engine. */
export function lessonState(engine: Engine): LessonState {
  const now = engine.clock.now();
  const fixed = engine.profile.has('lag-after-trim-fix');
  const keys: Record<string, string> = {};
  const streams: Record<string, StreamState> = {};
  for (const [k, v] of engine.dbs[0].keys) {
    const key = binaryToUtf8(k);
    keys[key] = v.type;
    if (v.type === 'stream') streams[key] = streamState(v.v, now, fixed);
  }
  const clients: Record<string, ClientState> = {};
  for (const c of engine.clients.values()) {
    const b = c.blocked;
    if (clients[c.name]?.blocked) continue;
    clients[c.name] = { blocked: b ? { command: (b.argv[0] ?? '').toUpperCase(), keys: b.keys.map(binaryToUtf8) } : null };
  }
  return { now, clients, keys, streams };
}

/** Summarise an engine snapshot (as the worker sends after every batch) by restoring it on a throwaway engine. */
export function snapshotState(snap: EngineSnapshot): LessonState {
  const engine = new Engine({ clock: new VirtualClock(snap.time, 0), profile: snap.profile, events: false });
  engine.restore(snap);
  return lessonState(engine);
}

function streamState(s: Stream, now: number, fixed: boolean): StreamState {
  const entries: EntryState[] = [];
  const cur = s.cursor(MIN_ID, MAX_ID, false);
  while (entries.length < STATE_CAP && cur.next()) {
    const fv = cur.node.fvAt(cur.i);
    const fields: Record<string, string> = {};
    for (let j = 0; j + 1 < fv.length; j += 2) fields[binaryToUtf8(fv[j])] = binaryToUtf8(fv[j + 1]);
    entries.push({ id: formatId(cur.node.idAt(cur.i)), fields });
  }
  const groups: Record<string, GroupState> = {};
  for (const g of s.sortedGroups()) groups[binaryToUtf8(g.name)] = groupState(s, g, now, fixed);
  return {
    length: s.length,
    lastId: formatId(s.lastId),
    firstId: formatId(s.firstId),
    maxDeletedId: formatId(s.maxDeletedId),
    entriesAdded: s.entriesAdded,
    entries,
    groups,
  };
}

function groupState(s: Stream, g: ConsumerGroup, now: number, fixed: boolean): GroupState {
  const pending: PendingState[] = [];
  const first = g.pel.first();
  if (first) {
    g.pel.forEachFrom(first, false, (pe: PendingEntry) => {
      pending.push({
        id: formatId(pe),
        consumer: pe.consumer ? binaryToUtf8(pe.consumer.name) : null,
        count: Number(pe.deliveryCount),
        idle: pe.deliveryTime === 0 ? -1 : Math.max(0, now - pe.deliveryTime),
        ghost: !s.has(pe),
      });
      return pending.length < STATE_CAP;
    });
  }
  const consumers: Record<string, ConsumerState> = {};
  for (const c of g.sortedConsumers()) consumers[binaryToUtf8(c.name)] = { pending: c.pel.size, seenTime: c.seenTime, activeTime: c.activeTime };
  return { lastId: formatId(g.lastId), entriesRead: entriesReadReply(g), lag: groupLag(s, g, fixed), pending, consumers };
}

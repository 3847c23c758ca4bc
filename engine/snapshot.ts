/**
 * The whole engine state as a plain, versioned, JSON- and structured-clone-safe value, and back. A restored engine
 * answers every later command exactly as the original would (node layout, PEL objects, clients included).
 */
import { VirtualClock } from './clock.ts';
import type { BlockedState } from './client.ts';
import { Client } from './client.ts';
import type { Engine, Stats } from './engine.ts';
import { ConsumerGroup, Consumer, PendingEntry } from './group.ts';
import { formatId } from './ids.ts';
import type { SetEncoding, Value } from './keyspace.ts';
import { guessSetEncoding } from './commands/types-sets.ts';
import { isProfileName, profile as makeProfile, type ProfileName } from './profiles.ts';
import { Stream, StreamNode, parseSnapId, type NodeSnap } from './stream.ts';
import { snapshotStreamExtras, restoreStreamExtras, type StreamExtrasSnap } from './stream-extras.ts';

export const SNAPSHOT_VERSION = 1;

export interface GroupSnap {
  readonly name: string;
  readonly lastId: string;
  readonly entriesRead: number;
  readonly consumers: readonly { name: string; seenTime: number; activeTime: number }[];
  /** Every pending entry; `consumer` null for unowned (NACKed). Counts above 2^53 as decimal strings. */
  readonly pel: readonly { id: string; consumer: string | null; time: number; count: number | string }[];
  /** IDs of unowned entries in NACK order. */
  readonly nacked: readonly string[];
}

export interface StreamSnap {
  readonly lastId: string;
  readonly firstId: string;
  readonly maxDeletedId: string;
  readonly entriesAdded: number;
  readonly length: number;
  readonly nodes: readonly NodeSnap[];
  readonly groups: readonly GroupSnap[];
  readonly extras: StreamExtrasSnap;
}

export type ValueSnap =
  | { readonly type: 'string'; readonly v: string }
  | { readonly type: 'list'; readonly v: readonly string[] }
  /** `enc` is absent in snapshots from before it was kept: derived from the members then. */
  | { readonly type: 'set'; readonly v: readonly string[]; readonly enc?: SetEncoding }
  | { readonly type: 'stream'; readonly v: StreamSnap };

export interface ClientSnap {
  readonly id: number;
  readonly name: string;
  readonly db: number;
  readonly resp: 2 | 3;
  readonly multi: string[][] | null;
  readonly multiError: boolean;
  readonly watched: readonly string[];
  readonly dirtyCas: boolean;
  readonly blocked: Omit<BlockedState, 'seq'> | null;
  readonly createdAt: number;
  readonly lastInteraction: number;
  readonly lastCommand: string;
  readonly addr: string;
  readonly laddr: string;
  readonly libName: string;
  readonly libVer: string;
}

export interface EngineSnapshot {
  readonly v: typeof SNAPSHOT_VERSION;
  readonly profile: ProfileName;
  /** The clock's time when taken; a virtual clock is set back to it on restore. */
  readonly time: number;
  readonly stepPerCommand: number;
  readonly config: Record<string, string>;
  readonly stats: Stats;
  readonly nextClientId: number;
  readonly clients: readonly ClientSnap[];
  readonly dbs: readonly { index: number; keys: readonly [string, ValueSnap, number | null][] }[];
}

export function snapshotEngine(e: Engine): EngineSnapshot {
  const clients: ClientSnap[] = [];
  for (const c of e.clients.values()) {
    const b = c.blocked;
    clients.push({
      id: c.id,
      name: c.name,
      db: c.db,
      resp: c.resp,
      multi: c.multi ? c.multi.map((a) => [...a]) : null,
      multiError: c.multiError,
      watched: [...c.watched],
      dirtyCas: c.dirtyCas,
      blocked: b ? { ...b, keys: [...b.keys], argv: [...b.argv] } : null,
      createdAt: c.createdAt,
      lastInteraction: c.lastInteraction,
      lastCommand: c.lastCommand,
      addr: c.addr,
      laddr: c.laddr,
      libName: c.libName,
      libVer: c.libVer,
    });
  }
  // Blocked clients in blocking order, so restore re-creates the same lines.
  const order = new Map(e.blocking.clients().map((c, i) => [c.id, i]));
  clients.sort((a, b) => (order.get(a.id) ?? -1) - (order.get(b.id) ?? -1) || a.id - b.id);
  return {
    v: SNAPSHOT_VERSION,
    profile: e.profile.name,
    time: e.clock.now(),
    stepPerCommand: e.clock instanceof VirtualClock ? e.clock.stepPerCommand : 0,
    config: e.config.snapshot(),
    stats: { ...e.stats },
    nextClientId: e.nextClientId,
    clients,
    dbs: e.dbs
      .filter((db) => db.size > 0)
      .map((db) => ({
        index: db.index,
        keys: [...db.keys].map(([k, v]) => [k, valueSnap(v), db.expires.get(k) ?? null] as [string, ValueSnap, number | null]),
      })),
  };
}

function valueSnap(v: Value): ValueSnap {
  switch (v.type) {
    case 'string':
      return { type: 'string', v: v.v };
    case 'list':
      return { type: 'list', v: [...v.v] };
    case 'set':
      return { type: 'set', v: [...v.v], enc: v.enc };
    case 'stream':
      return { type: 'stream', v: streamSnap(v.v) };
  }
}

function streamSnap(s: Stream): StreamSnap {
  return {
    lastId: formatId(s.lastId),
    firstId: formatId(s.firstId),
    maxDeletedId: formatId(s.maxDeletedId),
    entriesAdded: s.entriesAdded,
    length: s.length,
    nodes: s.nodes.map((n) => n.toSnap()),
    groups: [...s.groups.values()].map((g) => ({
      name: g.name,
      lastId: formatId(g.lastId),
      entriesRead: g.entriesRead,
      consumers: [...g.consumers.values()].map((c) => ({ name: c.name, seenTime: c.seenTime, activeTime: c.activeTime })),
      pel: g.pel.values().map((pe) => ({
        id: formatId(pe),
        consumer: pe.consumer ? pe.consumer.name : null,
        time: pe.deliveryTime,
        count: typeof pe.deliveryCount === 'bigint' ? String(pe.deliveryCount) : pe.deliveryCount,
      })),
      nacked: g.nacked.map((pe) => formatId(pe)),
    })),
    extras: snapshotStreamExtras(s),
  };
}

function restoreStream(s: StreamSnap): Stream {
  const st = new Stream();
  st.lastId = parseSnapId(s.lastId);
  st.firstId = parseSnapId(s.firstId);
  st.maxDeletedId = parseSnapId(s.maxDeletedId);
  st.entriesAdded = s.entriesAdded;
  st.length = s.length;
  st.nodes = s.nodes.map((n) => StreamNode.fromSnap(n));
  for (const gs of s.groups) {
    const g = new ConsumerGroup(gs.name, parseSnapId(gs.lastId), gs.entriesRead);
    for (const cs of gs.consumers) {
      const c = new Consumer(cs.name, cs.seenTime);
      c.activeTime = cs.activeTime;
      g.consumers.set(c.name, c);
    }
    const byId = new Map<string, PendingEntry>();
    for (const p of gs.pel) {
      const id = parseSnapId(p.id);
      const owner = p.consumer === null ? null : (g.consumers.get(p.consumer) ?? null);
      const count = typeof p.count === 'string' ? BigInt(p.count) : p.count;
      const pe = new PendingEntry(id.ms, id.seq, owner, p.time, count);
      g.pel.set(pe);
      owner?.pel.set(pe);
      byId.set(p.id, pe);
    }
    g.nacked = gs.nacked.map((id) => byId.get(id)).filter((pe): pe is PendingEntry => pe !== undefined);
    st.groups.set(g.name, g);
  }
  restoreStreamExtras(st, s.extras);
  return st;
}

function restoreValue(v: ValueSnap): Value {
  switch (v.type) {
    case 'string':
      return { type: 'string', v: v.v };
    case 'list':
      return { type: 'list', v: [...v.v] };
    case 'set':
      return { type: 'set', v: new Set(v.v), enc: v.enc ?? guessSetEncoding(v.v) };
    case 'stream':
      return { type: 'stream', v: restoreStream(v.v) };
  }
}

/** Replace the engine's state with the snapshot's. Throws on a malformed snapshot (callers validate first). */
export function restoreEngine(e: Engine, snap: EngineSnapshot): void {
  if (snap.v !== SNAPSHOT_VERSION) throw new Error(`unsupported snapshot version ${String(snap.v)}`);
  if (!isProfileName(snap.profile)) throw new Error(`unknown profile ${String(snap.profile)}`);
  // Build everything first so a bad snapshot leaves the engine untouched.
  const dbs = snap.dbs.map((d) => ({
    index: d.index,
    keys: d.keys.map(([k, v, at]) => [k, restoreValue(v), at] as const),
  }));
  e.profile = makeProfile(snap.profile);
  if (e.clock instanceof VirtualClock) {
    e.clock.set(snap.time);
    e.clock.stepPerCommand = snap.stepPerCommand;
  }
  e.config.restore(snap.config);
  e.stats = { ...snap.stats };
  e.nextClientId = snap.nextClientId;
  for (const db of e.dbs) db.clear();
  for (const d of dbs) {
    const db = e.dbs[d.index];
    for (const [k, v, at] of d.keys) {
      db.keys.set(k, v);
      if (at !== null) db.setExpire(k, at);
    }
  }
  e.blocking.clear();
  for (const c of [...e.clients.values()]) e.unwatchAll(c);
  e.clients.clear();
  for (const cs of snap.clients) {
    const c = new Client(cs.id, cs.createdAt);
    c.name = cs.name;
    c.db = cs.db;
    c.resp = cs.resp;
    c.multi = cs.multi ? cs.multi.map((a) => [...a]) : null;
    c.multiError = cs.multiError;
    c.lastInteraction = cs.lastInteraction;
    c.lastCommand = cs.lastCommand;
    c.addr = cs.addr;
    c.laddr = cs.laddr;
    c.libName = cs.libName;
    c.libVer = cs.libVer;
    e.clients.set(c.id, c);
    for (const w of cs.watched) {
      const sep = w.indexOf('\0');
      e.watch(c, Number(w.slice(0, sep)), w.slice(sep + 1));
    }
    c.dirtyCas = cs.dirtyCas;
    if (cs.blocked) e.blocking.add(c, { ...cs.blocked, keys: [...cs.blocked.keys], argv: [...cs.blocked.argv], seq: 0 });
  }
}

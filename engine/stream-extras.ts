/**
 * Per-stream state beyond entries and groups: the 8.6 IDMP settings and producer maps (XADD IDMP / IDMPAUTO,
 * XCFGSET, XIDMPRECORD), kept in one place so the snapshot code stays stable while features grow.
 */
import { formatId, type StreamId } from './ids.ts';
import type { Config } from './config.ts';
import type { Stream } from './stream.ts';
import { parseSnapId } from './stream.ts';

/** One producer's idempotent IDs: iid → the entry it produced, in insertion order (the FIFO eviction order). */
export type ProducerMap = Map<string, StreamId>;

export class IdmpState {
  /** idmp-duration in seconds; null = follow the `stream-idmp-duration` config. */
  duration: number | null = null;
  /** idmp-maxsize (iids per producer); null = follow the `stream-idmp-maxsize` config. */
  maxsize: number | null = null;
  /** Producers by pid, each with its iids. A producer whose map empties is dropped. */
  readonly producers = new Map<string, ProducerMap>();
  /** Lifetime counters (XINFO iids-added / iids-duplicates); XCFGSET does not reset them. */
  iidsAdded = 0;
  iidsDuplicates = 0;

  durationOf(config: Config): number {
    return this.duration ?? config.getInt('stream-idmp-duration');
  }

  maxsizeOf(config: Config): number {
    return this.maxsize ?? config.getInt('stream-idmp-maxsize');
  }

  iidsTracked(): number {
    let n = 0;
    for (const m of this.producers.values()) n += m.size;
    return n;
  }

  /** The cron's expiry: drop iids whose entry ID's ms is <= now - duration. */
  expire(config: Config, now: number): void {
    const cutoff = now - this.durationOf(config) * 1000;
    for (const [pid, m] of this.producers) {
      for (const [iid, id] of m) if (id.ms <= cutoff) m.delete(iid);
      if (m.size === 0) this.producers.delete(pid);
    }
  }

  /** Record pid/iid → id, evicting the producer's oldest iids beyond maxsize. */
  record(config: Config, pid: string, iid: string, id: StreamId): void {
    let m = this.producers.get(pid);
    if (!m) this.producers.set(pid, (m = new Map()));
    m.set(iid, id);
    const max = this.maxsizeOf(config);
    while (m.size > max) m.delete(m.keys().next().value as string);
    this.iidsAdded++;
  }
}

/** The stream's IDMP state, created on first use. */
export function idmpOf(s: Stream): IdmpState {
  return (s.idmp ??= new IdmpState());
}

/** XINFO STREAM's 8.6 fields, in reply order (after `recorded-first-entry-id`). */
export function idmpInfo(s: Stream, config: Config, now: number): [string, number][] {
  const st = s.idmp;
  st?.expire(config, now);
  return [
    ['idmp-duration', st ? st.durationOf(config) : config.getInt('stream-idmp-duration')],
    ['idmp-maxsize', st ? st.maxsizeOf(config) : config.getInt('stream-idmp-maxsize')],
    ['pids-tracked', st ? st.producers.size : 0],
    ['iids-tracked', st ? st.iidsTracked() : 0],
    ['iids-added', st ? st.iidsAdded : 0],
    ['iids-duplicates', st ? st.iidsDuplicates : 0],
  ];
}

/**
 * IDMPAUTO's iid: an order-independent digest of the field/value pairs (Redis hashes them to 128 bits; the value
 * never reaches a reply, so any order-independent, collision-free encoding of the pairs behaves the same).
 */
export function autoIid(argv: readonly string[], from: number): string {
  const pairs: string[] = [];
  for (let j = from; j + 1 < argv.length; j += 2) pairs.push(`${argv[j].length}:${argv[j]}${argv[j + 1].length}:${argv[j + 1]}`);
  pairs.sort();
  return pairs.join('');
}

/** Plain-data form of a stream's extra state. */
export interface StreamExtrasSnap {
  readonly idmp?: {
    readonly duration: number | null;
    readonly maxsize: number | null;
    readonly producers: readonly (readonly [string, readonly (readonly [string, string])[]])[];
    readonly iidsAdded: number;
    readonly iidsDuplicates: number;
  };
}

export function snapshotStreamExtras(s: Stream): StreamExtrasSnap {
  const st = s.idmp;
  if (!st) return {};
  return {
    idmp: {
      duration: st.duration,
      maxsize: st.maxsize,
      producers: [...st.producers].map(([pid, m]) => [pid, [...m].map(([iid, id]) => [iid, formatId(id)] as const)] as const),
      iidsAdded: st.iidsAdded,
      iidsDuplicates: st.iidsDuplicates,
    },
  };
}

export function restoreStreamExtras(s: Stream, snap: StreamExtrasSnap): void {
  const d = snap.idmp;
  if (!d) return;
  const st = new IdmpState();
  st.duration = d.duration;
  st.maxsize = d.maxsize;
  for (const [pid, iids] of d.producers) st.producers.set(pid, new Map(iids.map(([iid, id]) => [iid, parseSnapId(id)])));
  st.iidsAdded = d.iidsAdded;
  st.iidsDuplicates = d.iidsDuplicates;
  s.idmp = st;
}

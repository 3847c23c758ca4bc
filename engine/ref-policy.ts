/**
 * KEEPREF / DELREF / ACKED (8.2): deleting entries while consumer groups may still reference them.
 * XDELEX and XACKDEL both use `deleteWithPolicy`; trims use `isReferenced` / `dropRefs` entry by entry.
 */
import type { Ctx } from './context.ts';
import type { RefPolicy } from './events.ts';
import { formatId, idGt, idLt, type StreamId } from './ids.ts';
import type { Stream } from './stream.ts';

/** The part of a command context these helpers use (events only), so they also run outside a command. */
export type EventSink = Pick<Ctx, 'db' | 'eventsOn' | 'emit'>;

/** Parse `KEEPREF` / `DELREF` / `ACKED` (any case); undefined for any other token. */
export function parseRefPolicy(token: string): RefPolicy | undefined {
  const t = token.toLowerCase();
  return t === 'keepref' || t === 'delref' || t === 'acked' ? t : undefined;
}

/** The smallest last-delivered-id over all groups (undefined when there is no group). */
export function minGroupLastId(s: Stream): StreamId | undefined {
  let min: StreamId | undefined;
  for (const g of s.groups.values()) if (!min || idLt(g.lastId, min)) min = g.lastId;
  return min;
}

/**
 * streamEntryIsReferenced (the ACKED rule): an entry is referenced when some group has not read it yet
 * (`id > min(last-delivered-id)`) or it is pending in some group's PEL. With no groups nothing is referenced.
 * `minLast` lets trims compute the minimum once.
 */
export function isReferenced(s: Stream, id: StreamId, minLast: StreamId | undefined = minGroupLastId(s)): boolean {
  if (s.groups.size === 0 || !minLast) return false;
  if (idGt(id, minLast)) return true;
  for (const g of s.groups.values()) if (g.pel.has(id)) return true;
  return false;
}

/**
 * How many group PEL references to these just-removed entries remain: the dangling references a KEEPREF removal
 * leaves (XPENDING still lists them; the diagram draws them as ghosts). One per group that has the ID pending.
 * After DELREF or ACKED it is 0 by construction (DELREF dropped the references first; ACKED removes only unreferenced
 * entries), so callers need not look at the policy.
 */
export function danglingRefs(s: Stream, ids: readonly StreamId[]): number {
  let n = 0;
  for (const g of s.groups.values()) for (const id of ids) if (g.pel.has(id)) n++;
  return n;
}

/**
 * streamCleanupEntryCGroupRefs for many IDs: removes each ID from every group PEL (and its owner's PEL), then
 * `flush()` emits one `refs-removed` per group that held any of them.
 */
export class RefDropper {
  private readonly byGroup = new Map<string, string[]>();
  constructor(
    private readonly ctx: EventSink,
    private readonly key: string,
    private readonly s: Stream,
  ) {}

  /** Returns how many references to `id` were removed. */
  drop(id: StreamId): number {
    let n = 0;
    for (const g of this.s.groups.values()) {
      const pe = g.pel.get(id);
      if (!pe) continue;
      g.removePending(pe);
      n++;
      if (!this.ctx.eventsOn) continue;
      const list = this.byGroup.get(g.name);
      if (list) list.push(formatId(id));
      else this.byGroup.set(g.name, [formatId(id)]);
    }
    return n;
  }

  flush(): void {
    const { ctx, key } = this;
    for (const [group, ids] of this.byGroup) ctx.emit({ type: 'refs-removed', db: ctx.db.index, key, group, ids });
    this.byGroup.clear();
  }
}

/** Remove every PEL reference to one ID, emitting `refs-removed`. Returns how many references went. */
export function dropRefs(ctx: EventSink, key: string, s: Stream, id: StreamId): number {
  const d = new RefDropper(ctx, key, s);
  const n = d.drop(id);
  d.flush();
  return n;
}

/**
 * Delete one entry as XDELEX does: -1 when the entry is not in the stream (DELREF still drops PEL references),
 * 2 when ACKED and still referenced (nothing changes), 1 when deleted. A deletion raises max-deleted-entry-id.
 * The caller emits `entries-deleted` and calls `ctx.modified`.
 */
export function deleteWithPolicy(ctx: EventSink, key: string, s: Stream, id: StreamId, policy: RefPolicy): -1 | 1 | 2 {
  if (!s.has(id)) {
    if (policy === 'delref') dropRefs(ctx, key, s, id);
    return -1;
  }
  if (policy === 'acked' && isReferenced(s, id)) return 2;
  s.deleteEntry(id);
  if (idGt(id, s.maxDeletedId)) s.maxDeletedId = id;
  if (policy === 'delref') dropRefs(ctx, key, s, id);
  return 1;
}

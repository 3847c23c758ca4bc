/**
 * The animation planner: a pure function from (the view before, the view after, the events between) to a list of
 * animations, each moving a `subject` from one anchor to another. The renderer measures `from` before the new view
 * is drawn and `to` after, so a token can fly from the lane it left to the lane it joined. One animation kind per
 * kind of event; big batches are capped (the rest is counted in `skipped`) so a busy stream stays cheap.
 */
import type { EngineEvent } from '../../engine/index.ts';
import type { StreamView, ViewState } from '../../engine/view.ts';
import { anchor, ownerAnchor } from './anchors.ts';

export type AnimationKind =
  | 'append'
  | 'deliver'
  | 'cursor'
  | 'noack'
  | 'pulse'
  | 'ack'
  | 'claim'
  | 'nack'
  | 'tombstone'
  | 'trim'
  | 'ghost'
  | 'drop'
  | 'read'
  | 'block'
  | 'wake'
  | 'timeout'
  | 'appear';

export interface Animation {
  readonly kind: AnimationKind;
  /** What moves (its anchor, measured before and after when it exists then). */
  readonly subject: string;
  /** Where it starts (measured in the diagram before the update). */
  readonly from: string;
  /** Where it ends (measured in the diagram after the update). */
  readonly to: string;
  /** Short text drawn on the flying copy (an ID, a delivery count). */
  readonly label: string;
}

export interface Plan {
  readonly animations: readonly Animation[];
  /** Animations left out because the batch was too big to animate item by item. */
  readonly skipped: number;
}

/** Item-by-item animations per batch; beyond this the diagram just updates. */
export const MAX_ANIMATIONS = 48;

export function plan(prev: ViewState | null, next: ViewState, events: readonly EngineEvent[], max = MAX_ANIMATIONS): Plan {
  const out: Animation[] = [];
  let skipped = 0;
  const add = (a: Animation) => {
    if (out.length < max) out.push(a);
    else skipped++;
  };
  const streamOf = (v: ViewState | null, db: number, key: string): StreamView | undefined =>
    v?.streams.find((s) => s.db === db && s.key === key);
  /** The cursor's place: the entry it sits after, or the stream's head when that entry is not drawn. */
  const cursorPlace = (v: ViewState | null, db: number, key: string, group: string): string => {
    const g = streamOf(v, db, key)?.groups.find((x) => x.name === group);
    return g ? anchor.cursor(db, key, group) : anchor.outlet(db, key);
  };
  /** Newest entry each stream got in this batch (what woke a blocked reader). */
  const newest = new Map<string, string>();

  for (const e of events) {
    switch (e.type) {
      case 'entry-added': {
        newest.set(`${e.db}:${e.key}`, e.id);
        add({ kind: 'append', subject: anchor.entry(e.db, e.key, e.id), from: anchor.inlet(e.db, e.key), to: anchor.entry(e.db, e.key, e.id), label: e.id });
        break;
      }
      case 'delivered': {
        const lane = anchor.lane(e.db, e.key, e.group, e.consumer);
        for (const p of e.entries) {
          const token = anchor.token(e.db, e.key, e.group, p.id);
          if (e.noack) add({ kind: 'noack', subject: anchor.entry(e.db, e.key, p.id), from: anchor.entry(e.db, e.key, p.id), to: lane, label: p.id });
          else if (e.via === 'new') add({ kind: 'deliver', subject: token, from: anchor.entry(e.db, e.key, p.id), to: lane, label: p.id });
          else add({ kind: 'pulse', subject: token, from: token, to: token, label: `${p.id} ×${p.count}` });
        }
        for (const id of e.missing) {
          const token = anchor.token(e.db, e.key, e.group, id);
          add({ kind: 'pulse', subject: token, from: token, to: token, label: `${id} (deleted)` });
        }
        break;
      }
      case 'group-cursor-moved':
        add({
          kind: 'cursor',
          subject: anchor.cursor(e.db, e.key, e.group),
          from: cursorPlace(prev, e.db, e.key, e.group),
          to: anchor.cursor(e.db, e.key, e.group),
          label: e.lastId,
        });
        break;
      case 'acked':
        e.ids.forEach((id, i) =>
          add({
            kind: 'ack',
            subject: anchor.token(e.db, e.key, e.group, id),
            from: ownerAnchor(e.db, e.key, e.group, e.owners[i] ?? null),
            to: anchor.acked(e.db, e.key, e.group),
            label: id,
          }),
        );
        break;
      case 'claimed':
        for (const p of e.entries) {
          add({
            kind: 'claim',
            subject: anchor.token(e.db, e.key, e.group, p.id),
            from: ownerAnchor(e.db, e.key, e.group, p.from),
            to: anchor.lane(e.db, e.key, e.group, e.consumer),
            label: `${p.id} ×${p.count}`,
          });
        }
        break;
      case 'nacked':
        for (const p of e.entries) {
          add({
            kind: 'nack',
            subject: anchor.token(e.db, e.key, e.group, p.id),
            from: ownerAnchor(e.db, e.key, e.group, p.from),
            to: anchor.unowned(e.db, e.key, e.group),
            label: p.id,
          });
        }
        break;
      case 'entries-deleted':
      case 'entries-trimmed': {
        const after = streamOf(next, e.db, e.key);
        const stillDrawn = new Set(after?.items.flatMap((it) => (it.kind === 'entry' ? [it.id] : [])) ?? []);
        for (const id of e.ids) {
          const entry = anchor.entry(e.db, e.key, id);
          if (e.type === 'entries-trimmed') add({ kind: 'trim', subject: entry, from: entry, to: anchor.outlet(e.db, e.key), label: id });
          else add({ kind: 'tombstone', subject: entry, from: entry, to: stillDrawn.has(id) ? entry : anchor.stream(e.db, e.key), label: id });
        }
        if (e.type === 'entries-trimmed') skipped += Math.max(0, e.count - e.ids.length);
        // References that stayed behind become ghosts in their lanes.
        const gone = new Set(e.ids);
        for (const g of after?.groups ?? []) {
          for (const t of [...g.consumers.flatMap((c) => c.tokens), ...g.unowned]) {
            if (!t.ghost || !gone.has(t.id)) continue;
            const entry = anchor.entry(e.db, e.key, t.id);
            add({ kind: 'ghost', subject: entry, from: entry, to: anchor.token(e.db, e.key, g.name, t.id), label: t.id });
          }
        }
        break;
      }
      case 'refs-removed':
        for (const id of e.ids) {
          const token = anchor.token(e.db, e.key, e.group, id);
          add({ kind: 'drop', subject: token, from: token, to: anchor.outlet(e.db, e.key), label: id });
        }
        break;
      case 'consumer-deleted':
        for (const id of e.dropped) {
          add({
            kind: 'drop',
            subject: anchor.token(e.db, e.key, e.group, id),
            from: anchor.lane(e.db, e.key, e.group, e.consumer),
            to: anchor.outlet(e.db, e.key),
            label: id,
          });
        }
        break;
      case 'read':
        for (const id of e.ids) {
          add({ kind: 'read', subject: anchor.entry(e.db, e.key, id), from: anchor.entry(e.db, e.key, id), to: anchor.reader(e.client), label: id });
        }
        break;
      case 'blocked':
        add({ kind: 'block', subject: anchor.blocked(e.client), from: anchor.stream(e.db, e.keys[0] ?? ''), to: anchor.blocked(e.client), label: e.command.toUpperCase() });
        break;
      case 'unblocked': {
        const b = prev?.blocked.find((x) => x.client === e.client);
        if (!b) break;
        if (e.reason === 'served') {
          const key = b.keys.find((k) => newest.has(`${b.db}:${k}`)) ?? b.keys[0] ?? '';
          const id = newest.get(`${b.db}:${key}`);
          const source = id ? anchor.entry(b.db, key, id) : anchor.inlet(b.db, key);
          add({
            kind: 'wake',
            subject: source,
            from: source,
            to: anchor.blocked(e.client),
            label: 'woken',
          });
        } else {
          add({ kind: 'timeout', subject: anchor.blocked(e.client), from: anchor.blocked(e.client), to: anchor.blocked(e.client), label: e.reason });
        }
        break;
      }
      case 'group-created':
        add({ kind: 'appear', subject: anchor.group(e.db, e.key, e.group), from: anchor.stream(e.db, e.key), to: anchor.group(e.db, e.key, e.group), label: e.group });
        break;
      case 'consumer-created': {
        const lane = anchor.lane(e.db, e.key, e.group, e.consumer);
        add({ kind: 'appear', subject: lane, from: anchor.group(e.db, e.key, e.group), to: lane, label: e.consumer });
        break;
      }
      default:
        break;
    }
  }
  return { animations: out, skipped };
}

/**
 * Animations for a view change that came without events: a timeline move (step back, jump, undo) restores an
 * engine state, so the diagram only has the view before and the view after. Comparing them gives the same kinds of
 * flights the event planner draws — tokens moving between lanes, returning to the stream or arriving, entries
 * coming and going, cursors moving — so stepping back animates as stepping forward does, in reverse.
 */
import type { StreamView, ViewState } from '../../engine/view.ts';
import { anchor, ownerAnchor } from './anchors.ts';
import { MAX_ANIMATIONS, type Animation, type Plan } from './model.ts';

/** Where every drawn token of a stream sits: `group\0id` → owner (null = unowned). */
function owners(s: StreamView): Map<string, string | null> {
  const m = new Map<string, string | null>();
  for (const g of s.groups) {
    for (const c of g.consumers) for (const t of c.tokens) m.set(`${g.name}\0${t.id}`, c.name);
    for (const t of g.unowned) m.set(`${g.name}\0${t.id}`, null);
  }
  return m;
}

function entryIds(s: StreamView): Set<string> {
  const ids = new Set<string>();
  for (const it of s.items) if (it.kind === 'entry' && !it.deleted) ids.add(it.id);
  return ids;
}

export function planDiff(prev: ViewState | null, next: ViewState, max = MAX_ANIMATIONS): Plan {
  const out: Animation[] = [];
  let skipped = 0;
  const add = (a: Animation) => {
    if (out.length < max) out.push(a);
    else skipped++;
  };
  if (!prev) return { animations: out, skipped };
  for (const after of next.streams) {
    const before = prev.streams.find((s) => s.db === after.db && s.key === after.key);
    if (!before) continue;
    const { db, key } = after;
    const oldEntries = entryIds(before);
    const newEntries = entryIds(after);
    for (const id of oldEntries) {
      if (!newEntries.has(id)) add({ kind: 'trim', subject: anchor.entry(db, key, id), from: anchor.entry(db, key, id), to: anchor.inlet(db, key), label: id });
    }
    for (const id of newEntries) {
      if (!oldEntries.has(id)) add({ kind: 'append', subject: anchor.entry(db, key, id), from: anchor.inlet(db, key), to: anchor.entry(db, key, id), label: id });
    }
    const was = owners(before);
    const now = owners(after);
    for (const [k, owner] of was) {
      const [group, id] = k.split('\0');
      const token = anchor.token(db, key, group, id);
      if (!now.has(k)) {
        // Back to the stream: the delivery (or claim) is undone.
        const to = newEntries.has(id) ? anchor.entry(db, key, id) : anchor.stream(db, key);
        add({ kind: 'drop', subject: token, from: token, to, label: id });
      } else if (now.get(k) !== owner) {
        add({ kind: 'claim', subject: token, from: token, to: ownerAnchor(db, key, group, now.get(k) ?? null), label: id });
      }
    }
    for (const [k, owner] of now) {
      if (was.has(k)) continue;
      const [group, id] = k.split('\0');
      const from = oldEntries.has(id) ? anchor.entry(db, key, id) : anchor.stream(db, key);
      add({ kind: 'deliver', subject: anchor.token(db, key, group, id), from, to: ownerAnchor(db, key, group, owner), label: id });
    }
    for (const g of after.groups) {
      const og = before.groups.find((x) => x.name === g.name);
      if (og && og.lastId !== g.lastId) {
        const c = anchor.cursor(db, key, g.name);
        add({ kind: 'cursor', subject: c, from: c, to: c, label: g.lastId });
      }
    }
  }
  return { animations: out, skipped };
}

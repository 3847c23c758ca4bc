/**
 * streamTrim: MAXLEN / MINID trimming, exact or approximate (`~`, whole nodes only), with LIMIT, and the 8.2
 * reference policies. Trims never raise max_deleted_entry_id (only XDEL-type deletions do).
 */
import { MIN_ID, idLt, type StreamId } from './ids.ts';
import type { Stream } from './stream.ts';
import type { StreamNode } from './stream-node.ts';

export interface TrimResult {
  /** Entries removed from the stream. */
  removed: number;
  /** Removed IDs in order, at most `maxIds` of them. */
  ids: StreamId[];
}

export interface TrimSpec {
  readonly strategy: 'maxlen' | 'minid';
  readonly maxlen: number;
  readonly minid: StreamId;
  readonly approx: boolean;
  /** 0 = unlimited. */
  readonly limit: number;
}

/** DELREF / ACKED: with hooks, entries are examined one by one (even under `~`), as 8.2's streamTrim does. */
export interface TrimHooks {
  /** ACKED: the entry is still referenced by a group, so it stays. */
  keep?(id: StreamId): boolean;
  /** Called once per removed entry (DELREF drops its PEL references here). */
  removed?(id: StreamId): void;
}

export function trimStream(s: Stream, spec: TrimSpec, maxIds: number, hooks?: TrimHooks): TrimResult {
  const res: TrimResult = { removed: 0, ids: [] };
  if (hooks) trimByEntry(s, spec, maxIds, hooks, res);
  else trimClassic(s, spec, maxIds, res);
  if (res.removed > 0) s.firstId = s.length > 0 ? firstLiveId(s) : MIN_ID;
  return res;
}

function lastIdOf(node: StreamNode): StreamId {
  return node.idAt(node.len - 1);
}

/** Whether the whole node may go: it leaves at least maxlen entries, or its last ID (live or not) is below minid. */
function wholeNode(s: Stream, spec: TrimSpec, node: StreamNode): boolean {
  return spec.strategy === 'maxlen' ? s.length - node.live >= spec.maxlen : idLt(lastIdOf(node), spec.minid);
}

/** Whether entry i is where an entry-by-entry trim stops. */
function stopAt(s: Stream, spec: TrimSpec, node: StreamNode, i: number): boolean {
  return spec.strategy === 'maxlen' ? s.length <= spec.maxlen : node.cmpAt(i, spec.minid) >= 0;
}

/** The classic (KEEPREF) streamTrim: whole nodes, then (exact only) entries in the first node left. */
function trimClassic(s: Stream, spec: TrimSpec, maxIds: number, res: TrimResult): void {
  while (s.nodes.length > 0) {
    if (spec.strategy === 'maxlen' && s.length <= spec.maxlen) break;
    const node = s.nodes[0];
    const entries = node.live;
    if (spec.limit && res.removed + entries > spec.limit) break;
    if (wholeNode(s, spec, node)) {
      noteLive(node, 0, node.len, maxIds, res);
      s.dropNode(0);
      s.length -= entries;
      res.removed += entries;
      continue;
    }
    if (spec.approx) break;
    for (let i = 0; i < node.len; i++) {
      if (stopAt(s, spec, node, i)) break;
      if (node.isDeleted(i)) continue;
      if (res.ids.length < maxIds) res.ids.push(node.idAt(i));
      node.markDeleted(i);
      s.length--;
      res.removed++;
    }
    break;
  }
}

/**
 * DELREF / ACKED: nodes from the head; a node that may go entirely has each of its entries examined (ACKED keeps
 * referenced ones); otherwise an exact trim walks entries up to the stop point, and carries on into the next node
 * when kept entries left the target unreached. An emptied node is dropped.
 */
function trimByEntry(s: Stream, spec: TrimSpec, maxIds: number, hooks: TrimHooks, res: TrimResult): void {
  let ni = 0;
  while (ni < s.nodes.length) {
    if (spec.strategy === 'maxlen' && s.length <= spec.maxlen) break;
    const node = s.nodes[ni];
    if (spec.limit && res.removed + node.live > spec.limit) break;
    const whole = wholeNode(s, spec, node);
    if (!whole && spec.approx) break;
    let stopped = false;
    for (let i = 0; i < node.len; i++) {
      if (!whole && stopAt(s, spec, node, i)) {
        stopped = true;
        break;
      }
      if (node.isDeleted(i)) continue;
      const id = node.idAt(i);
      if (hooks.keep?.(id)) continue;
      node.markDeleted(i);
      s.length--;
      res.removed++;
      if (res.ids.length < maxIds) res.ids.push(id);
      hooks.removed?.(id);
    }
    if (node.live === 0) s.dropNode(ni);
    else ni++;
    if (stopped) break;
  }
}

function noteLive(node: StreamNode, from: number, to: number, maxIds: number, res: TrimResult): void {
  for (let i = from; i < to && res.ids.length < maxIds; i++) if (!node.isDeleted(i)) res.ids.push(node.idAt(i));
}

function firstLiveId(s: Stream): StreamId {
  for (const node of s.nodes) for (let i = 0; i < node.len; i++) if (!node.isDeleted(i)) return node.idAt(i);
  return MIN_ID;
}

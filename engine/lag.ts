/**
 * Consumer-group `entries-read` and `lag` (reference §4.10), ported from t_stream.c:
 * streamEstimateDistanceFromFirstEverEntry, streamRangeHasTombstones, streamReplyWithCGLag and the read-counter
 * update of streamReplyWithRange.
 *
 * Two generations of the algorithm exist. Redis 7.0 shipped the original (#9127). Later fixes (#13338 and #13473
 * in 7.4, #13958 in 8.0) changed how tombstones before the first entry count and how a group behind a trimmed head
 * is measured. `fixed` selects the newer code (profile feature `lag-after-trim-fix`); the playground has no
 * 7.2/7.4 profile, so one switch covers all three fixes.
 */
import { ENTRIES_READ_INVALID, type ConsumerGroup } from './group.ts';
import { compareIds, type StreamId } from './ids.ts';
import type { Stream } from './stream.ts';

const isZero = (id: StreamId): boolean => id.ms === 0 && id.seq === 0;

/**
 * streamRangeHasTombstones(s, start, NULL): is the latest XDEL-type deletion at or after `start`?
 * 7.0 also treated a tombstone before the first live entry as no tombstone at all (removed by #13338).
 */
export function hasTombstoneFrom(s: Stream, start: StreamId, fixed = true): boolean {
  if (s.length === 0 || isZero(s.maxDeletedId)) return false;
  if (!fixed && compareIds(s.firstId, s.maxDeletedId) > 0) return false;
  return compareIds(start, s.maxDeletedId) <= 0;
}

/**
 * streamEstimateDistanceFromFirstEverEntry: the logical read counter of `id` (how many entries ever added come at
 * or before it), or ENTRIES_READ_INVALID (-1) when it cannot be known.
 */
export function entriesReadFor(s: Stream, id: StreamId, fixed = true): number {
  // Nothing was ever added: every ID's counter is 0.
  if (s.entriesAdded === 0) return 0;
  // An emptied stream: anything up to the last ID has read everything.
  if (s.length === 0 && compareIds(id, s.lastId) <= 0) return s.entriesAdded;
  // #13338: a tombstone between `id` and the last ID makes the distance unknowable.
  if (fixed && !isZero(id) && compareIds(id, s.maxDeletedId) < 0) return ENTRIES_READ_INVALID;
  const cmpLast = compareIds(id, s.lastId);
  if (cmpLast === 0) return s.entriesAdded;
  if (cmpLast > 0) return ENTRIES_READ_INVALID;
  if (isZero(s.maxDeletedId) || compareIds(s.maxDeletedId, s.firstId) < 0) {
    // No fragmentation ahead: the head of the stream is exactly where the counter says.
    const cmpFirst = compareIds(id, s.firstId);
    if (cmpFirst < 0) return s.entriesAdded - s.length;
    if (cmpFirst === 0) return s.entriesAdded - s.length + 1;
  }
  // An arbitrary ID inside the stream, or one before an XDEL that fragments it.
  return ENTRIES_READ_INVALID;
}

/** streamReplyWithCGLag: entries not yet delivered to the group, or null when unknowable. */
export function groupLag(s: Stream, g: ConsumerGroup, fixAfterTrim: boolean): number | null {
  if (s.entriesAdded === 0) return 0;
  if (fixAfterTrim) {
    if (s.length === 0) return 0;
    // Both the group and every tombstone are behind the head: the whole stream is still to be read.
    if (compareIds(g.lastId, s.firstId) < 0 && compareIds(s.maxDeletedId, s.firstId) < 0) return s.length;
  }
  if (g.entriesRead !== ENTRIES_READ_INVALID && !hasTombstoneFrom(s, g.lastId, fixAfterTrim)) {
    return s.entriesAdded - g.entriesRead;
  }
  const read = entriesReadFor(s, g.lastId, fixAfterTrim);
  return read === ENTRIES_READ_INVALID ? null : s.entriesAdded - read;
}

/**
 * compareIds for noteDelivered, which runs once per entry a `>` read delivers. Its own function: V8 keeps type
 * feedback per function, and the shared compareIds sees every shape of ID object the engine has (megamorphic loads).
 */
function cmpDelivered(a: StreamId, b: StreamId): number {
  const am = a.ms;
  const bm = b.ms;
  const as = a.seq;
  const bs = b.seq;
  if (typeof am === 'number' && typeof bm === 'number' && typeof as === 'number' && typeof bs === 'number') {
    if (am !== bm) return am < bm ? -1 : 1;
    return as === bs ? 0 : as < bs ? -1 : 1;
  }
  return compareIds(a, b);
}

/**
 * A `>` read delivered `id` (greater than the group's last ID): advance last_id and keep entries_read counting
 * when it still can (valid counter, no tombstone ahead, and since 8.0 the group not behind a trimmed head),
 * otherwise re-estimate it from the delivered ID.
 */
export function noteDelivered(s: Stream, g: ConsumerGroup, id: StreamId, fixed = true): void {
  if (cmpDelivered(id, g.lastId) <= 0) return;
  const counting = fixed
    ? g.entriesRead !== ENTRIES_READ_INVALID &&
      cmpDelivered(g.lastId, s.firstId) >= 0 &&
      !hasTombstoneFrom(s, g.lastId, true)
    : g.entriesRead !== ENTRIES_READ_INVALID && !hasTombstoneFrom(s, id, false);
  if (counting) g.entriesRead++;
  else if (s.entriesAdded > 0) g.entriesRead = entriesReadFor(s, id, fixed);
  g.lastId = id;
}

/** The entries-read value to report: null when invalid (XINFO prints nil). */
export function entriesReadReply(g: ConsumerGroup): number | null {
  return g.entriesRead === ENTRIES_READ_INVALID ? null : g.entriesRead;
}

/**
 * XNACK (8.8): release pending entries back to the group without acknowledging them.
 *
 * Several of its error texts are passed to addReplyError already starting with "ERR ". addReplyErrorLength only
 * skips its own "-ERR " prefix when the text starts with '-', so these go on the wire doubled:
 * `-ERR ERR mode must be SILENT, FAIL, or FATAL`. The numids text goes through getRangeLongFromObjectOrReply
 * without the prefix, so it is sent once: `-ERR numids must be a positive integer`.
 */
import { parseLongLong, toNum } from './args.ts';
import type { Ctx } from '../context.ts';
import { E, sanitizeError } from '../errors.ts';
import type { MovedFact } from '../events.ts';
import { PendingEntry } from '../group.ts';
import { formatId } from '../ids.ts';
import { error, int, type Reply } from '../reply.ts';
import type { TableEntry } from '../table.ts';
import { parseStrictIds } from './xack.ts';
import { LLONG_MAX, addDirty, countNumber, cstr, isErrorReply, lookupStream, noKeyOrGroup } from './pel-util.ts';

type Mode = 'silent' | 'fail' | 'fatal';

const INT_MAX = 2147483647n;

/** nackSetDeliveryCount: RETRYCOUNT wins; else SILENT undoes one delivery, FAIL keeps it, FATAL marks it dead. */
function nackedCount(count: number | bigint, mode: Mode, retry: number | bigint | undefined): number | bigint {
  if (retry !== undefined) return retry;
  if (mode === 'fatal') return LLONG_MAX;
  if (mode === 'silent') {
    if (typeof count === 'bigint') return toNum(count - 1n);
    return count > 0 ? count - 1 : 0;
  }
  return count;
}

/** XNACK key group SILENT|FAIL|FATAL IDS numids id [id ...] [RETRYCOUNT n] [FORCE] — returns how many were released. */
function xnack(ctx: Ctx, argv: readonly string[]): Reply {
  const key = argv[1];
  const s = lookupStream(ctx, key);
  if (s && isErrorReply(s)) return s;
  const g = s?.groups.get(argv[2]);
  if (!s || !g) return noKeyOrGroup(key, argv[2]);

  const modeArg = argv[3].toLowerCase();
  if (modeArg !== 'silent' && modeArg !== 'fail' && modeArg !== 'fatal') {
    return error(E.xnackMode);
  }
  const mode: Mode = modeArg;
  let idsStart = 0;
  let numids = 0;
  let force = false;
  let retry: number | bigint | undefined;
  for (let i = 4; i < argv.length; i++) {
    const more = argv.length - 1 - i;
    const opt = argv[i].toLowerCase();
    if (opt === 'ids' && more > 0) {
      const n = parseLongLong(argv[i + 1]);
      if (n === undefined || n < 1n || n > INT_MAX) return error(E.xnackNumids);
      idsStart = i + 2;
      if (n > BigInt(argv.length - idsStart)) return error(E.xnackNumidsMismatch);
      numids = Number(n);
      i = idsStart + numids - 1;
    } else if (opt === 'force') {
      force = true;
    } else if (opt === 'retrycount' && more > 0) {
      const n = parseLongLong(argv[++i]);
      if (n === undefined) return error(E.notInteger);
      if (n < 0n) return error(E.xnackRetrycount);
      retry = toNum(n);
    } else {
      return error(sanitizeError(E.xnackUnknownOption(cstr(argv[i]))));
    }
  }
  if (idsStart === 0) return error(E.xnackNoIds);
  const ids = parseStrictIds(argv, idsStart, numids);
  if (!ids) return error(E.invalidStreamId);

  const moved: MovedFact[] = [];
  for (const id of ids) {
    let pe = g.pel.get(id);
    let from: string | null = null;
    if (pe) {
      from = pe.consumer ? pe.consumer.name : null;
      pe.deliveryCount = nackedCount(pe.deliveryCount, mode, retry);
      if (pe.consumer) {
        pe.consumer.pel.delete(pe);
        pe.consumer = null;
      }
      // Re-NACKing moves the entry to the end of the NACK zone (FIFO among NACKed entries).
      g.nacked = g.nacked.filter((n) => n !== pe);
    } else if (force && s.has(id)) {
      // A synthetic entry that was never delivered: its count starts from 0.
      pe = new PendingEntry(id.ms, id.seq, null, 0, 0);
      pe.deliveryCount = nackedCount(0, mode, retry);
      g.pel.set(pe);
    } else {
      continue;
    }
    pe.deliveryTime = 0;
    g.nacked.push(pe);
    moved.push({ id: formatId(id), count: countNumber(pe.deliveryCount), from });
  }

  if (moved.length > 0) {
    addDirty(ctx, moved.length);
    // NACKed entries are claimable at once: wake XREADGROUP … CLAIM readers.
    ctx.signalReady(key);
    ctx.emit({
      type: 'nacked',
      db: ctx.db.index,
      key,
      group: g.name,
      mode: retry !== undefined ? 'retrycount' : mode,
      entries: moved,
    });
  }
  return int(moved.length);
}

export const xnackCommands: readonly TableEntry[] = [
  { name: 'xnack', arity: -7, flags: ['write', 'fast'], keys: { first: 1, last: 1, step: 1 }, handler: xnack },
];

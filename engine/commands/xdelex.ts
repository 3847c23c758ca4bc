/** XDELEX (8.2): XDEL with a reference policy and a per-ID result code. */
import type { Ctx } from '../context.ts';
import { E } from '../errors.ts';
import type { RefPolicy } from '../events.ts';
import { formatId, parseStrictId, type StreamId } from '../ids.ts';
import { danglingRefs, deleteWithPolicy, parseRefPolicy } from '../ref-policy.ts';
import { array, error, int, type Reply } from '../reply.ts';
import type { CommandDef } from '../table.ts';
import { parseSafeInt } from './args.ts';

export interface DeleteArgs {
  policy: RefPolicy;
  ids: StreamId[];
}

/**
 * The `[KEEPREF|DELREF|ACKED] IDS numids id ...` tail shared by XDELEX and XACKDEL, starting at argv[pos].
 * Returns the parsed arguments or the error text.
 */
export function parseDeleteArgs(argv: readonly string[], pos: number): DeleteArgs | string {
  let policy: RefPolicy | undefined;
  let first = -1;
  let numids = 0;
  for (let i = pos; i < argv.length; i++) {
    const opt = argv[i];
    const moreargs = argv.length - 1 - i;
    if (opt.toLowerCase() === 'ids' && moreargs && first < 0) {
      const n = parseSafeInt(argv[i + 1]);
      if (n === undefined || n < 1) return E.numidsNotPositive;
      if (n > argv.length - i - 2) return E.numidsMismatch;
      numids = n;
      first = i + 2;
      i += 1 + n;
    } else if (policy === undefined && parseRefPolicy(opt) !== undefined) {
      policy = parseRefPolicy(opt);
    } else {
      return E.syntax;
    }
  }
  if (first < 0) return E.idsRequired;
  const ids: StreamId[] = [];
  for (let j = first; j < first + numids; j++) {
    const id = parseStrictId(argv[j]);
    if (!id) return E.invalidStreamId;
    ids.push(id);
  }
  return { policy: policy ?? 'keepref', ids };
}

/**
 * XDELEX key [KEEPREF|DELREF|ACKED] IDS numids id [id ...] — delete entries; per ID -1 (not found), 1 (deleted) or
 * 2 (ACKED: still referenced). A missing key answers -1 for every ID.
 */
function xdelex(ctx: Ctx, argv: readonly string[]): Reply {
  const key = argv[1];
  // WRONGTYPE comes before argument errors; a missing key only after them.
  const v = ctx.lookupTyped(key, 'stream');
  if (v !== undefined && 't' in v) return v;
  const a = parseDeleteArgs(argv, 2);
  if (typeof a === 'string') return error(a);
  if (v === undefined) return array(a.ids.map(() => int(-1)));
  const s = v.v;
  const codes: Reply[] = [];
  const deleted: StreamId[] = [];
  for (const id of a.ids) {
    const code = deleteWithPolicy(ctx, key, s, id, a.policy);
    if (code === 1) deleted.push(id);
    codes.push(int(code));
  }
  if (deleted.length > 0) {
    ctx.modified(key, deleted.length);
    if (ctx.eventsOn) {
      ctx.emit({ type: 'entries-deleted', db: ctx.db.index, key, cause: 'xdelex', ids: deleted.map(formatId), refs: a.policy, dangling: danglingRefs(s, deleted) });
    }
  }
  return array(codes);
}

export const xdelexCommand: CommandDef = {
  name: 'xdelex',
  arity: -5,
  flags: ['write', 'fast'],
  keys: { first: 1, last: 1, step: 1 },
  handler: xdelex,
};

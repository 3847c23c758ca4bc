/**
 * Argument parsing shared by XREAD and XREADGROUP, in the order xreadCommand checks things: options left to right
 * (the first bad one answers), then the STREAMS list, then per stream WRONGTYPE, NOGROUP and the ID.
 */
import type { Ctx } from '../context.ts';
import { E, sanitizeError } from '../errors.ts';
import type { ConsumerGroup } from '../group.ts';
import { MAX_ID, MIN_ID, parseStrictId, prevId, type StreamId } from '../ids.ts';
import { error, type ErrorReply } from '../reply.ts';
import type { Stream } from '../stream.ts';
import { isWord, parseLongLong, parseSafeInt } from './args.ts';
import { cstr, isErrorReply } from './pel-util.ts';

export interface ReadOptions {
  readonly group: boolean;
  /** GROUP name and consumer (XREADGROUP only). */
  readonly groupName: string;
  readonly consumer: string;
  /** Entries per stream; 0 = no limit (a negative COUNT counts as 0). */
  readonly count: number;
  /** BLOCK in ms (0 = forever), or null without BLOCK. */
  readonly block: number | null;
  readonly noack: boolean;
  /** CLAIM min-idle-time (8.4+), or null. */
  readonly claim: number | null;
  /** MAXCOUNT / MAXSIZE (8.10+): totals over the whole reply; 0 = no limit. */
  readonly maxCount: number;
  readonly maxSize: number;
  /** Index of the first key in argv. */
  readonly streamsArg: number;
  readonly keys: readonly string[];
}

/** One stream of the call, resolved. */
export interface ReadTarget {
  readonly key: string;
  /** Undefined when the key is missing (XREAD only: XREADGROUP answers NOGROUP). */
  readonly stream: Stream | undefined;
  readonly group: ConsumerGroup | undefined;
  /** Serve IDs strictly greater than this. MAX_ID stands for `>` (Redis uses the same sentinel). */
  readonly after: StreamId;
  /** XREAD `+` (7.4+): serve only the last live entry. */
  readonly plus: boolean;
  /** The argument as typed (`$` is rewritten for the re-run of a blocked XREAD). */
  readonly idArg: string;
}

/** Parse the options (no key access). Returns the error reply on failure. */
export function parseReadOptions(ctx: Ctx, argv: readonly string[], group: boolean): ReadOptions | ErrorReply {
  let count = 0;
  let block: number | null = null;
  let noack = false;
  let claim: number | null = null;
  let maxCount = 0;
  let maxSize = 0;
  let groupName: string | null = null;
  let consumer = '';
  let streamsArg = 0;
  for (let i = 1; i < argv.length; i++) {
    const moreargs = argv.length - i - 1;
    // Matched in place (isWord): this runs for every option of every read, and toLowerCase() would copy each.
    const o = argv[i];
    if (isWord(o, 'block') && moreargs) {
      const v = parseLongLong(argv[++i]);
      if (v === undefined) return error(E.timeoutNotInteger);
      if (v < 0n) return error(E.timeoutNegative);
      block = Number(v);
    } else if (isWord(o, 'count') && moreargs) {
      // Up to 15 characters the value is a safe integer: read it without a BigInt (this runs for every read).
      const arg = argv[++i];
      const v = arg.length <= 15 ? parseSafeInt(arg) : parseLongLong(arg);
      if (v === undefined) return error(E.notInteger);
      count = v < 0 ? 0 : Number(v);
    } else if (isWord(o, 'streams') && moreargs) {
      streamsArg = i + 1;
      if ((argv.length - streamsArg) % 2 !== 0) {
        return error(ctx.text(group ? 'xreadgroupUnbalanced' : 'xreadUnbalanced') ?? E.syntax);
      }
      break;
    } else if (isWord(o, 'group') && moreargs >= 2) {
      if (!group) return error(E.groupOnlyInXreadgroup);
      groupName = argv[i + 1];
      consumer = argv[i + 2];
      i += 2;
    } else if (isWord(o, 'noack')) {
      if (!group) return error(E.noackOnlyInXreadgroup);
      noack = true;
    } else if (isWord(o, 'claim') && moreargs && ctx.has('xreadgroup-claim')) {
      if (!group) return error(E.claimOnlyInXreadgroup);
      const v = parseLongLong(argv[++i]);
      if (v === undefined) return error(E.minIdleNotInteger);
      if (v < 0n) return error(E.minIdleNegative);
      claim = Number(v);
    } else if ((isWord(o, 'maxcount') || isWord(o, 'maxsize')) && moreargs && ctx.has('read-limits')) {
      const v = parseLongLong(argv[++i]);
      if (v === undefined) return error(E.notInteger);
      const isCount = isWord(o, 'maxcount');
      if (v <= 0n) return error(isCount ? E.maxCountNotPositive : E.maxSizeNotPositive);
      if (isCount) maxCount = Number(v);
      else maxSize = Number(v);
    } else {
      return error(E.syntax);
    }
  }
  if (streamsArg === 0) return error(E.syntax);
  if (group && groupName === null) return error(E.missingGroup);
  if (maxCount && count > maxCount) return error(E.maxCountBelowCount);
  const n = (argv.length - streamsArg) / 2;
  return {
    group,
    groupName: groupName ?? '',
    consumer,
    count,
    block,
    noack,
    claim,
    maxCount,
    maxSize,
    streamsArg,
    keys: argv.slice(streamsArg, streamsArg + n),
  };
}

const noGroupInXreadgroup = (key: string, group: string): ErrorReply =>
  error(sanitizeError(`NOGROUP No such key '${cstr(key)}' or consumer group '${cstr(group)}' in XREADGROUP with GROUP option`));

/** Resolve every stream: type check, group lookup, then the ID (`$`, `+`, `>` or a strict ID). */
export function resolveTargets(ctx: Ctx, argv: readonly string[], opts: ReadOptions): ReadTarget[] | ErrorReply {
  const out: ReadTarget[] = [];
  const n = opts.keys.length;
  for (let k = 0; k < n; k++) {
    const key = opts.keys[k];
    const idArg = argv[opts.streamsArg + n + k];
    const v = ctx.lookupTyped(key, 'stream');
    if (v !== undefined && isErrorReply(v)) return v;
    const stream = v?.v;
    let group: ConsumerGroup | undefined;
    if (opts.group) {
      group = stream?.groups.get(opts.groupName);
      if (!stream || !group) return noGroupInXreadgroup(key, opts.groupName);
    }
    let after: StreamId;
    let plus = false;
    if (idArg === '$') {
      if (opts.group) return error(E.dollarInXreadgroup);
      after = stream ? stream.lastId : MIN_ID;
    } else if (idArg === '+' && ctx.has('xread-plus')) {
      if (opts.group) return error(E.plusInXreadgroup);
      plus = true;
      // The entry before the last live one, so that exactly that entry is "new"; an empty stream waits for XADD.
      const last = stream?.edgeId(true);
      after = last ? (prevId(last) ?? MIN_ID) : (stream?.lastId ?? MIN_ID);
    } else if (idArg === '>') {
      if (!opts.group) return error(E.gtOnlyInXreadgroup);
      after = MAX_ID;
    } else {
      const id = parseStrictId(idArg);
      if (!id) return error(E.invalidStreamId);
      after = id;
    }
    out.push({ key, stream, group, after, plus, idArg });
  }
  return out;
}

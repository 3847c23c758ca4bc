/**
 * streamParseAddOrTrimArgsOrReply: the option parser XADD and XTRIM share. XADD options come in any order before
 * the ID, and any token that is not an option is taken as the ID; XTRIM has no ID, so a stray token is a syntax
 * error. Error precedence follows the source (verified on redis-server 7.0.15).
 */
import type { Ctx } from '../context.ts';
import { E } from '../errors.ts';
import type { RefPolicy } from '../events.ts';
import { MIN_ID, parseIdGeneric, parseStrictId, type ParsedId, type StreamId } from '../ids.ts';
import { parseRefPolicy } from '../ref-policy.ts';
import { parseSafeInt } from './args.ts';

export interface AddTrimArgs {
  trim: 'none' | 'maxlen' | 'minid';
  maxlen: number;
  minid: StreamId;
  approx: boolean;
  /** Entries a `~` trim may remove; 0 = unlimited (always 0 for exact trims). */
  limit: number;
  noMkStream: boolean;
  policy: RefPolicy;
  /** IDMP / IDMPAUTO producer (8.6); iid undefined for IDMPAUTO. */
  idmpPid: string | undefined;
  idmpIid: string | undefined;
  idmpAuto: boolean;
  /** XADD: argv index of the ID (argv.length when the options ran to the end). */
  idPos: number;
  /** XADD: the explicit ID; undefined for `*`. */
  id: ParsedId | undefined;
}

/** What the parser gives for `XADD key * ...`: no option at all (shared, never mutated). */
export const NO_OPTIONS: Readonly<AddTrimArgs> = Object.freeze({
  trim: 'none',
  maxlen: -1,
  minid: MIN_ID,
  approx: false,
  limit: 0,
  noMkStream: false,
  policy: 'keepref',
  idmpPid: undefined,
  idmpIid: undefined,
  idmpAuto: false,
  idPos: 2,
  id: undefined,
});

/** STREAM_TRIM_DEFAULT clamps for the implicit `~` LIMIT. */
const DEFAULT_LIMIT_MIN = 10000;
const DEFAULT_LIMIT_MAX = 1000000;

/** Parse the options starting at argv[2]. Returns the parsed options or the error text to reply. */
export function parseAddTrimArgs(ctx: Ctx, argv: readonly string[], xadd: boolean): AddTrimArgs | string {
  const a: AddTrimArgs = { ...NO_OPTIONS, idPos: argv.length };
  let limitGiven = false;
  let policyGiven = false;
  const refPolicies = ctx.has('trim-ref-policy');
  const idmp = xadd && ctx.has('idmp');
  let i = 2;
  for (; i < argv.length; i++) {
    const moreargs = argv.length - 1 - i;
    const opt = argv[i];
    // The common case first: `XADD key * ...`.
    if (xadd && opt === '*') break;
    const lower = opt.length <= 10 ? opt.toLowerCase() : '';
    if ((lower === 'maxlen' || lower === 'minid') && moreargs) {
      if (a.trim !== 'none') return E.maxlenAndMinid;
      a.approx = false;
      const next = argv[i + 1];
      if (moreargs >= 2 && next === '~') {
        a.approx = true;
        i++;
      } else if (moreargs >= 2 && next === '=') {
        i++;
      }
      if (lower === 'maxlen') {
        const n = parseSafeInt(argv[i + 1]);
        if (n === undefined) return E.notInteger;
        if (n < 0) return E.maxlenNegative;
        a.maxlen = n;
        a.trim = 'maxlen';
      } else {
        const id = parseStrictId(argv[i + 1]);
        if (!id) return E.invalidStreamId;
        a.minid = id;
        a.trim = 'minid';
      }
      i++;
    } else if (lower === 'limit' && moreargs) {
      const n = parseSafeInt(argv[i + 1]);
      if (n === undefined) return E.notInteger;
      if (n < 0) return E.limitNegative;
      a.limit = n;
      limitGiven = true;
      i++;
    } else if (xadd && lower === 'nomkstream') {
      a.noMkStream = true;
    } else if (refPolicies && !policyGiven && parseRefPolicy(opt) !== undefined) {
      a.policy = parseRefPolicy(opt) as RefPolicy;
      policyGiven = true;
    } else if (idmp && lower === 'idmpauto' && moreargs) {
      if (a.idmpPid !== undefined) return E.idmpTwice;
      if (argv[i + 1].length === 0) return E.idmpautoEmptyPid;
      a.idmpPid = argv[i + 1];
      a.idmpAuto = true;
      i++;
    } else if (idmp && lower === 'idmp' && moreargs >= 2) {
      if (a.idmpPid !== undefined) return E.idmpTwice;
      if (argv[i + 1].length === 0) return E.idmpEmptyPid;
      if (argv[i + 2].length === 0) return E.idmpEmptyIid;
      a.idmpPid = argv[i + 1];
      a.idmpIid = argv[i + 2];
      i += 2;
    } else if (xadd) {
      // Not an option: this must be the ID (`ms`, `ms-seq` or `ms-*`, parsed strictly).
      const parsed = parseIdGeneric(opt, 0, true, true);
      if (!parsed) return E.invalidStreamId;
      a.id = parsed;
      break;
    } else {
      return E.syntax;
    }
  }
  a.idPos = i;

  // A non-zero LIMIT without a strategy is reported first; LIMIT 0 falls through to the `~` check.
  if (a.limit && a.trim === 'none') return E.limitWithoutStrategy;
  if (!xadd && a.trim === 'none') return E.xtrimWithoutStrategy;
  if (limitGiven) {
    if (!a.approx) return E.limitWithoutApprox;
  } else if (a.approx) {
    // Bound the work of an approximate trim (the setting may be 0 = unlimited, or huge).
    const n = 100 * ctx.config.getInt('stream-node-max-entries');
    a.limit = n <= 0 ? DEFAULT_LIMIT_MIN : Math.min(n, DEFAULT_LIMIT_MAX);
  } else {
    a.limit = 0;
  }
  if (a.idmpPid !== undefined && a.id) return E.idmpExplicitId;
  return a;
}

/**
 * The catalog of error replies, with the exact text Redis sends (without the leading `-`).
 * Texts that differ between server versions live in `profiles.ts`, not here.
 */
import { error, type Reply } from './reply.ts';

export const E = {
  wrongType: 'WRONGTYPE Operation against a key holding the wrong kind of value',
  syntax: 'ERR syntax error',
  notInteger: 'ERR value is not an integer or out of range',
  notFloat: 'ERR value is not a valid float',
  noSuchKey: 'ERR no such key',
  invalidStreamId: 'ERR Invalid stream ID specified as stream command argument',
  timeoutNegative: 'ERR timeout is negative',
  timeoutNotInteger: 'ERR timeout is not an integer or out of range',
  timeoutNotFloat: 'ERR timeout is not a float or out of range',
  oom: "OOM command not allowed when used memory > 'maxmemory'.",
  execAbort: 'EXECABORT Transaction discarded because of previous errors.',
  multiNested: 'ERR MULTI calls can not be nested',
  execWithoutMulti: 'ERR EXEC without MULTI',
  discardWithoutMulti: 'ERR DISCARD without MULTI',
  watchInsideMulti: 'ERR WATCH inside MULTI is not allowed',
  dbIndexOutOfRange: 'ERR DB index is out of range',
  invalidExpireTime: (cmd: string) => `ERR invalid expire time in '${cmd}' command`,
  wrongArity: (fullName: string) => `ERR wrong number of arguments for '${fullName}' command`,
  unknownSubcommand: (sub: string, container: string) =>
    `ERR unknown subcommand '${clip(sub, 128)}'. Try ${container.toUpperCase()} HELP.`,
  subcommandSyntax: (sub: string, container: string) =>
    `ERR unknown subcommand or wrong number of arguments for '${clip(sub, 128)}'. Try ${container.toUpperCase()} HELP.`,
  // XADD / XTRIM / XDEL / XDELEX / XSETID / XCFGSET / XIDMPRECORD (stream-write)
  xaddIdZero: 'ERR The ID specified in XADD must be greater than 0-0',
  xaddIdTooSmall: 'ERR The ID specified in XADD is equal or smaller than the target stream top item',
  xaddExhausted: 'ERR The stream has exhausted the last possible ID, unable to add more items',
  elementsTooLarge: 'ERR Elements are too large to be stored',
  maxlenNegative: 'ERR The MAXLEN argument must be >= 0.',
  limitNegative: 'ERR The LIMIT argument must be >= 0.',
  maxlenAndMinid: 'ERR syntax error, MAXLEN and MINID options at the same time are not compatible',
  limitWithoutStrategy: 'ERR syntax error, LIMIT cannot be used without specifying a trimming strategy',
  xtrimWithoutStrategy: 'ERR syntax error, XTRIM must be called with a trimming strategy',
  limitWithoutApprox: 'ERR syntax error, LIMIT cannot be used without the special ~ option',
  idmpTwice: 'ERR syntax error, IDMP/IDMPAUTO specified multiple times',
  idmpautoEmptyPid: 'ERR syntax error, IDMPAUTO requires a non-empty producer ID',
  idmpEmptyPid: 'ERR syntax error, IDMP requires a non-empty producer ID',
  idmpEmptyIid: 'ERR syntax error, IDMP requires a non-empty idempotent ID',
  idmpExplicitId: 'ERR syntax error, IDMP/IDMPAUTO can be used only with auto-generated IDs',
  invalidStartInterval: 'ERR invalid start ID for the interval',
  invalidEndInterval: 'ERR invalid end ID for the interval',
  xsetidTopItem: 'ERR The ID specified in XSETID is smaller than the target stream top item',
  xsetidMaxDeleted: 'ERR The ID specified in XSETID is smaller than current max_deleted_entry_id',
  xsetidProvidedMaxDeleted: 'ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id',
  xsetidEntriesAdded: 'ERR The entries_added specified in XSETID is smaller than the target stream length',
  entriesAddedNegative: 'ERR entries_added must be positive',
  numidsNotPositive: 'ERR Number of IDs must be a positive integer',
  numidsMismatch: 'ERR The `numids` parameter must match the number of arguments',
  idsRequired: 'ERR IDS option is required',
  idmpDurationTwice: 'ERR IDMP-DURATION specified multiple times',
  idmpDurationRange: 'ERR IDMP-DURATION must be between 1 and 86400 seconds',
  idmpMaxsizeTwice: 'ERR IDMP-MAXSIZE specified multiple times',
  idmpMaxsizeRange: 'ERR IDMP-MAXSIZE must be between 1 and 10000 entries',
  xcfgsetNoParams: 'ERR At least one parameter must be specified',
  emptyPid: 'ERR producer ID must be non-empty',
  emptyIid: 'ERR idempotent ID must be non-empty',
  noSuchMessage: 'ERR No such message in stream',
  iidConflict: 'ERR IID already exists for this producer with a different stream ID',
  // XCLAIM / XAUTOCLAIM / XPENDING / XNACK / XINFO (pel commands)
  noKeyOrGroup: (key: string, group: string) => `NOGROUP No such key '${key}' or consumer group '${group}'`,
  noGroupForKey: (group: string, key: string) => `NOGROUP No such consumer group '${group}' for key name '${key}'`,
  xclaimMinIdle: 'ERR Invalid min-idle-time argument for XCLAIM',
  xclaimIdle: 'ERR Invalid IDLE option argument for XCLAIM',
  xclaimTime: 'ERR Invalid TIME option argument for XCLAIM',
  xclaimRetrycount: 'ERR Invalid RETRYCOUNT option argument for XCLAIM',
  xclaimUnknownOption: (opt: string) => `ERR Unrecognized XCLAIM option '${opt}'`,
  xautoclaimMinIdle: 'ERR Invalid min-idle-time argument for XAUTOCLAIM',
  xautoclaimCount: 'ERR COUNT must be > 0',
  xautoclaimNoMemory: 'ERR Insufficient memory, failed allocating transient memory, COUNT too high.',
  // XNACK passes texts that already start with "ERR " to addReplyError, which adds its own "-ERR ": doubled on the wire.
  xnackMode: 'ERR ERR mode must be SILENT, FAIL, or FATAL',
  xnackNumids: 'ERR numids must be a positive integer',
  xnackNumidsMismatch: "ERR ERR number of IDs doesn't match numids",
  xnackRetrycount: 'ERR ERR Invalid RETRYCOUNT value, must be >= 0',
  xnackUnknownOption: (opt: string) => `ERR ERR Unrecognized XNACK option '${opt}'`,
  xnackNoIds: 'ERR ERR syntax error, expected IDS keyword',
  // XREAD / XREADGROUP (reference §2.4)
  groupOnlyInXreadgroup: 'ERR The GROUP option is only supported by XREADGROUP. You called XREAD instead.',
  noackOnlyInXreadgroup: 'ERR The NOACK option is only supported by XREADGROUP. You called XREAD instead.',
  claimOnlyInXreadgroup: 'ERR The CLAIM option is only supported by XREADGROUP. You called XREAD instead.',
  minIdleNotInteger: 'ERR min-idle-time is not an integer or out of range',
  minIdleNegative: 'ERR min-idle-time must be a positive integer',
  missingGroup: 'ERR Missing GROUP option for XREADGROUP',
  dollarInXreadgroup:
    'ERR The $ ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The $ ID would just return an empty result set.',
  plusInXreadgroup:
    'ERR The + ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The + ID would just return an empty result set.',
  gtOnlyInXreadgroup: 'ERR The > ID can be specified only when calling XREADGROUP using the GROUP <group> <consumer> option.',
  // MAXCOUNT / MAXSIZE (8.10): the docs give the rules, not the texts; these are our wording (unverified).
  maxCountNotPositive: 'ERR MAXCOUNT must be a positive integer',
  maxSizeNotPositive: 'ERR MAXSIZE must be a positive integer',
  maxCountBelowCount: 'ERR MAXCOUNT must be greater than or equal to COUNT',
  // XGROUP (reference §2.5)
  xgroupKeyMissing:
    'ERR The XGROUP subcommand requires the key to exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream automatically.',
  busyGroup: 'BUSYGROUP Consumer Group name already exists',
  entriesReadNegative: 'ERR value for ENTRIESREAD must be positive or -1',
  internal: (what: string) => `ERR internal error: ${what}`,
} as const;

export const err = (text: string): Reply => error(text);

/** `ERR unknown command 'foo', with args beginning with: 'a' 'b' ` — exactly as processCommand builds it. */
export function unknownCommand(argv: readonly string[]): string {
  let args = '';
  for (let i = 1; i < argv.length && args.length < 128; i++) {
    args += `'${clip(argv[i], 128 - args.length)}' `;
  }
  return `ERR unknown command '${clip(argv[0], 128)}', with args beginning with: ${args}`;
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n) : s;
}

/** addReplyErrorFormat replaces newlines so the protocol stays intact. */
export function sanitizeError(text: string): string {
  return /[\r\n]/.test(text) ? text.replace(/[\r\n]/g, ' ') : text;
}

/**
 * Command documentation as Redis 7.2+ servers report it, for the commands whose docs changed after 7.0 (mostly
 * the stream family) and the commands that 7.0 does not have. Profiles at 7.2 or newer take a record from here
 * when there is one, else from `data-base.ts`; arguments and history newer than the profile are dropped.
 *
 * Sources: redis/docs `data/commands_core.json` (generated from the server's COMMAND DOCS / INFO, 8.6 era),
 * redis.io command pages for 8.4 / 8.10 options (XREADGROUP CLAIM, XREAD[GROUP] MAXCOUNT / MAXSIZE), and
 * for XNACK / XIDMPRECORD, whose JSON was not available, the reference (STREAMS-REFERENCE.md §1, §4.18).
 * Record layout: see `model.ts`.
 */
import type { DocRecord } from './model.ts';

const REF = 'condition=o?^8.2.0(keepref=t"KEEPREF" delref=t"DELREF" acked=t"ACKED")';
const TRIM =
  'trim=b?(strategy=o(maxlen=t"MAXLEN" minid=t"MINID"@6.2.0) operator=o?(equal=t"=" approximately=t"~") threshold=s count=i"LIMIT"?@6.2.0)';
const REF_HISTORY = ['8.2.0', 'Added the `KEEPREF`, `DELREF` and `ACKED` options.'] as const;
const READ_COMPLEXITY =
  'For each stream mentioned: O(M) with M being the number of elements returned. If M is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1). On the other side when XREADGROUP blocks, XADD will pay the O(N) time in order to serve the N clients blocked on the stream getting new data.';

export const MODERN_DOCS: readonly DocRecord[] = [
  ['client|setinfo', 4, 'noscript loading stale', 'slow connection', '0,0,0', '7.2.0', 'connection', 'Sets information specific to the client or connection.', 'O(1)', 'attr=o(libname=s"LIB-NAME" libver=s"LIB-VER")', [], [], 'request_policy:all_nodes response_policy:all_succeeded'],
  ['client|no-touch', 3, 'noscript loading stale', 'slow connection', '0,0,0', '7.2.0', 'connection', 'Controls whether commands sent by the client affect the LRU/LFU of accessed keys.', 'O(1)', 'enabled=o(on=t"ON" off=t"OFF")'],
  ['xadd', -5, 'write denyoom fast', 'write stream fast', '1,1,1', '5.0.0', 'stream', "Appends a new message to a stream. Creates the key if it doesn't exist.", 'O(1) when adding a new entry, O(N) when trimming where N being the number of entries evicted.',
    `key=k0 nomkstream=t"NOMKSTREAM"?@6.2.0 ${REF} idmp=o?^8.6.0(idmpauto-with-pid=b(idmpauto-token=t"IDMPAUTO" pid=s) idmp-with-pid-iid=b(idmp-token=t"IDMP" pid=s iid=s)) ${TRIM} id-selector=o(auto-id=t"*" id=s) data=b*(field=s value=s)`,
    ['RW update|i1|r0,1,0|UPDATE instead of INSERT because of the optional trimming feature'],
    [['6.2.0', 'Added the `NOMKSTREAM` option, `MINID` trimming strategy and the `LIMIT` option.'], ['7.0.0', 'Added support for the `<ms>-*` explicit ID form.'], REF_HISTORY],
    'nondeterministic_output'],
  ['xtrim', -4, 'write', 'write stream slow', '1,1,1', '5.0.0', 'stream', 'Deletes messages from the beginning of a stream.', 'O(N), with N being the number of evicted entries. Constant times are very small however, since entries are organized in macro nodes containing multiple entries that can be released with a single deallocation.',
    `key=k0 ${TRIM.replace('trim=b?(', 'trim=b(').replace(/\)$/, ` ${REF})`)}`,
    ['RW delete|i1|r0,1,0'], [['6.2.0', 'Added the `MINID` trimming strategy and the `LIMIT` option.'], REF_HISTORY], 'nondeterministic_output'],
  ['xdel', -3, 'write fast', 'write stream fast', '1,1,1', '5.0.0', 'stream', 'Returns the number of messages after removing them from a stream.', 'O(1) for each single item to delete in the stream, regardless of the stream size.', 'key=k0 id=s*', ['RW delete|i1|r0,1,0']],
  ['xdelex', -5, 'write fast', 'write stream fast', '1,1,1', '8.2.0', 'stream', 'Deletes one or multiple entries from the stream.', 'O(1) for each single item to delete in the stream, regardless of the stream size.', `key=k0 ${REF} ids=b"IDS"(numids=i id=s*)`, ['RW delete|i1|r0,1,0']],
  ['xlen', 2, 'readonly fast', 'read stream fast', '1,1,1', '5.0.0', 'stream', 'Return the number of messages in a stream.', 'O(1)', 'key=k0', ['RO|i1|r0,1,0']],
  ['xrange', -4, 'readonly', 'read stream slow', '1,1,1', '5.0.0', 'stream', 'Returns the messages from a stream within a range of IDs.', 'O(N) with N being the number of elements being returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).', 'key=k0 start=s end=s count=i"COUNT"?', ['RO access|i1|r0,1,0'], [['6.2.0', 'Added exclusive ranges.']]],
  ['xrevrange', -4, 'readonly', 'read stream slow', '1,1,1', '5.0.0', 'stream', 'Returns the messages from a stream within a range of IDs in reverse order.', 'O(N) with N being the number of elements returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).', 'key=k0 end=s start=s count=i"COUNT"?', ['RO access|i1|r0,1,0'], [['6.2.0', 'Added exclusive ranges.']]],
  ['xread', -4, 'readonly blocking movablekeys', 'read stream slow blocking', '0,0,0', '5.0.0', 'stream', 'Returns messages from multiple streams with IDs greater than the ones requested. Blocks until a message is available otherwise.', '',
    'count=i"COUNT"? maxcount=i"MAXCOUNT"?@8.10.0 maxsize=i"MAXSIZE"?@8.10.0 milliseconds=i"BLOCK"? streams=b"STREAMS"(key=k0* id=s*)',
    ['RO access|kSTREAMS,1|r-1,1,2'], [['8.10.0', 'Added the `MAXCOUNT` and `MAXSIZE` options.']]],
  ['xreadgroup', -7, 'write blocking movablekeys', 'write stream slow blocking', '0,0,0', '5.0.0', 'stream', 'Returns new or historical messages from a stream for a consumer in a group. Blocks until a message is available otherwise.', READ_COMPLEXITY,
    'group-block=b"GROUP"(group=s consumer=s) count=i"COUNT"? maxcount=i"MAXCOUNT"?@8.10.0 maxsize=i"MAXSIZE"?@8.10.0 milliseconds=i"BLOCK"? min-idle-time=i"CLAIM"?@8.4.0 noack=t"NOACK"? streams=b"STREAMS"(key=k0* id=s*)',
    ['RO access|kSTREAMS,4|r-1,1,2']],
  ['xgroup', -2, '', 'slow', '0,0,0', '5.0.0', 'stream', 'A container for consumer groups commands.', 'Depends on subcommand.'],
  ['xgroup|create', -5, 'write denyoom', 'write stream slow', '2,2,1', '5.0.0', 'stream', 'Creates a consumer group.', 'O(1)', 'key=k0 group=s id-selector=o(id=s new-id=t"$") mkstream=t"MKSTREAM"? entriesread=i"ENTRIESREAD"?!entries-read', ['RW insert|i2|r0,1,0'], [['7.0.0', 'Added the `entries_read` named argument.']]],
  ['xgroup|help', 2, 'loading stale', 'stream slow', '0,0,0', '5.0.0', 'stream', 'Returns helpful text about the different subcommands.', 'O(1)'],
  ['xgroup|delconsumer', 5, 'write', 'write stream slow', '2,2,1', '5.0.0', 'stream', 'Deletes a consumer from a consumer group.', 'O(1)', 'key=k0 group=s consumer=s', ['RW delete|i2|r0,1,0']],
  ['xgroup|setid', -5, 'write', 'write stream slow', '2,2,1', '5.0.0', 'stream', 'Sets the last-delivered ID of a consumer group.', 'O(1)', 'key=k0 group=s id-selector=o(id=s new-id=t"$") entriesread=i"ENTRIESREAD"?!entries-read', ['RW update|i2|r0,1,0'], [['7.0.0', 'Added the optional `entries_read` argument.']]],
  ['xgroup|destroy', 4, 'write', 'write stream slow', '2,2,1', '5.0.0', 'stream', 'Destroys a consumer group.', "O(N) where N is the number of entries in the group's pending entries list (PEL).", 'key=k0 group=s', ['RW delete|i2|r0,1,0']],
  ['xgroup|createconsumer', 5, 'write denyoom', 'write stream slow', '2,2,1', '6.2.0', 'stream', 'Creates a consumer in a consumer group.', 'O(1)', 'key=k0 group=s consumer=s', ['RW insert|i2|r0,1,0']],
  ['xack', -4, 'write fast', 'write stream fast', '1,1,1', '5.0.0', 'stream', 'Returns the number of messages that were successfully acknowledged by the consumer group member of a stream.', 'O(1) for each message ID processed.', 'key=k0 group=s id=s*', ['RW update|i1|r0,1,0']],
  ['xackdel', -6, 'write fast', 'write stream fast', '1,1,1', '8.2.0', 'stream', 'Acknowledges and deletes one or multiple messages for a stream consumer group.', 'O(1) for each message ID processed.', `key=k0 group=s ${REF} ids=b"IDS"(numids=i id=s*)`, ['RW update delete|i1|r0,1,0']],
  ['xnack', -7, 'write fast', 'write stream fast', '1,1,1', '8.8.0', 'stream', 'Releases pending messages of a consumer group so that they can be claimed again.', 'O(1) for each message ID processed.',
    'key=k0 group=s mode=o(silent=t"SILENT" fail=t"FAIL" fatal=t"FATAL") ids=b"IDS"(numids=i id=s*) count=i"RETRYCOUNT"? force=t"FORCE"?', ['RW update|i1|r0,1,0']],
  ['xpending', -3, 'readonly', 'read stream slow', '1,1,1', '5.0.0', 'stream', "Returns the information and entries from a stream consumer group's pending entries list.", 'O(N) with N being the number of elements returned, so asking for a small fixed number of entries per call is O(1). O(M), where M is the total number of entries scanned when used with the IDLE filter. When the command returns just the summary and the list of consumers is small, it runs in O(1) time; otherwise, an additional O(N) time for iterating every consumer.',
    'key=k0 group=s filters=b?(min-idle-time=i"IDLE"?@6.2.0 start=s end=s count=i consumer=s?)', ['RO access|i1|r0,1,0'], [['6.2.0', 'Added the `IDLE` option and exclusive range intervals.']], 'nondeterministic_output'],
  ['xclaim', -6, 'write fast', 'write stream fast', '1,1,1', '5.0.0', 'stream', 'Changes, or acquires, ownership of a message in a consumer group, as if the message was delivered a consumer group member.', 'O(log N) with N being the number of messages in the PEL of the consumer group.',
    'key=k0 group=s consumer=s min-idle-time=s id=s* ms=i"IDLE"? unix-time-milliseconds=u"TIME"? count=i"RETRYCOUNT"? force=t"FORCE"? justid=t"JUSTID"? lastid=s"LASTID"?', ['RW update|i1|r0,1,0'], [], 'nondeterministic_output'],
  ['xautoclaim', -6, 'write fast', 'write stream fast', '1,1,1', '6.2.0', 'stream', 'Changes, or acquires, ownership of messages in a consumer group, as if the messages were delivered to as consumer group member.', 'O(1) if COUNT is small.',
    'key=k0 group=s consumer=s min-idle-time=s start=s count=i"COUNT"? justid=t"JUSTID"?', ['RW delete|i1|r0,1,0'], [['7.0.0', 'Added an element to the reply array, containing deleted entries the command cleared from the PEL']], 'nondeterministic_output'],
  ['xinfo', -2, '', 'slow', '0,0,0', '5.0.0', 'stream', 'A container for stream introspection commands.', 'Depends on subcommand.'],
  ['xinfo|help', 2, 'loading stale', 'stream slow', '0,0,0', '5.0.0', 'stream', 'Returns helpful text about the different subcommands.', 'O(1)'],
  ['xinfo|groups', 3, 'readonly', 'read stream slow', '2,2,1', '5.0.0', 'stream', 'Returns a list of the consumer groups of a stream.', 'O(1)', 'key=k0', ['RO access|i2|r0,1,0'], [['7.0.0', 'Added the `entries-read` and `lag` fields']]],
  ['xinfo|consumers', 4, 'readonly', 'read stream slow', '2,2,1', '5.0.0', 'stream', 'Returns a list of the consumers in a consumer group.', 'O(1)', 'key=k0 group=s', ['RO access|i2|r0,1,0'], [['7.2.0', 'Added the `inactive` field, and changed the meaning of `idle`.']], 'nondeterministic_output'],
  ['xinfo|stream', -3, 'readonly', 'read stream slow', '2,2,1', '5.0.0', 'stream', 'Returns information about a stream.', 'O(1)', 'key=k0 full-block=b?(full=t"FULL" count=i"COUNT"?)', ['RO access|i2|r0,1,0'],
    [['6.0.0', 'Added the `FULL` modifier.'], ['7.0.0', 'Added the `max-deleted-entry-id`, `entries-added`, `recorded-first-entry-id`, `entries-read` and `lag` fields'], ['7.2.0', 'Added the `active-time` field, and changed the meaning of `seen-time`.'], ['8.6.0', 'Added the `idmp-duration`, `idmp-maxsize`, `pids-tracked`, `iids-tracked`, `iids-added` and `iids-duplicates` fields for IDMP tracking.']]],
  ['xsetid', -3, 'write denyoom fast', 'write stream fast', '1,1,1', '5.0.0', 'stream', 'An internal command for replicating stream values.', 'O(1)', 'key=k0 last-id=s entries-added=i"ENTRIESADDED"?@7.0.0 max-deleted-id=s"MAXDELETEDID"?@7.0.0', ['RW update|i1|r0,1,0'], [['7.0.0', 'Added the `entries_added` and `max_deleted_entry_id` arguments.']]],
  ['xcfgset', -2, 'write fast', 'write stream fast', '1,1,1', '8.6.0', 'stream', 'Sets the IDMP configuration parameters for a stream.', 'O(1)', 'key=k0 idmp-duration-block=b?(idmp-duration-token=t"IDMP-DURATION" duration=i) idmp-maxsize-block=b?(idmp-maxsize-token=t"IDMP-MAXSIZE" maxsize=i)', ['RW update|i1|r0,1,0']],
  ['xidmprecord', 5, 'write denyoom fast', 'write stream fast', '1,1,1', '8.8.0', 'stream', 'An internal command for replicating idempotent message IDs.', 'O(1)', 'key=k0 pid=s iid=s stream-id=s', ['RW update|i1|r0,1,0'], [], '', { gate: '8.6.0' }],
];

/** Gallery: when consumers fail — XPENDING + XCLAIM, an XAUTOCLAIM sweeper, a dead-letter stream. */
import { build } from './build.ts';

const T = 1_700_000_000_000;
const id = (n: number) => `${T + n}-0`;

export const crashedConsumer = build(
  {
    id: 'crashed-consumer',
    title: 'Recovering a crashed consumer (XPENDING + XCLAIM)',
    description: 'alice reads three jobs, finishes one and crashes. A minute later bob finds her pending entries and claims them.',
    clients: ['producer', 'alice', 'bob'],
    setup: ['producer> XGROUP CREATE jobs workers $ MKSTREAM'],
  },
  [
    'producer> XADD jobs * task resize',
    'producer> XADD jobs * task crop',
    'producer> XADD jobs * task upload',
    'alice> XREADGROUP GROUP workers alice COUNT 3 STREAMS jobs >',
    `alice> XACK jobs workers ${id(0)}`,
    '# alice crashes here: two entries stay in her pending list.',
    '~ 60000',
    'bob> XPENDING jobs workers - + 10',
    `bob> XCLAIM jobs workers bob 60000 ${id(1)} ${id(2)}`,
    `bob> XACK jobs workers ${id(1)}`,
    '# The claimed entries now belong to bob; their delivery count went up to 2.',
  ],
);

export const autoclaimSweeper = build(
  {
    id: 'autoclaim-sweeper',
    title: 'An XAUTOCLAIM sweeper',
    description: 'A sweeper periodically takes over every entry idle for 30 seconds or more, whoever owned it.',
    clients: ['producer', 'alice', 'bob', 'sweeper'],
    setup: ['producer> XGROUP CREATE jobs workers $ MKSTREAM'],
  },
  [
    'producer> XADD jobs * task 1',
    'producer> XADD jobs * task 2',
    'producer> XADD jobs * task 3',
    'producer> XADD jobs * task 4',
    'alice> XREADGROUP GROUP workers alice COUNT 2 STREAMS jobs >',
    'bob> XREADGROUP GROUP workers bob COUNT 2 STREAMS jobs >',
    `bob> XACK jobs workers ${id(2)}`,
    '~ 30000',
    'sweeper> XAUTOCLAIM jobs workers sweeper 30000 0-0 COUNT 10',
    '# The cursor 0-0 means the sweep went through the whole pending list.',
    `sweeper> XACK jobs workers ${id(0)} ${id(1)}`,
    'sweeper> XPENDING jobs workers - + 10',
  ],
);

export const deadLetter = build(
  {
    id: 'dead-letter',
    title: 'A dead-letter stream by delivery count',
    description: 'A poison message keeps failing. After its third delivery it is copied to jobs:dead and acknowledged, so it stops coming back.',
    clients: ['producer', 'alice', 'sweeper'],
    setup: ['producer> XGROUP CREATE jobs workers $ MKSTREAM'],
  },
  [
    'producer> XADD jobs * task poison',
    'producer> XADD jobs * task fine',
    'alice> XREADGROUP GROUP workers alice COUNT 2 STREAMS jobs >',
    `alice> XACK jobs workers ${id(1)}`,
    '# alice fails on the poison task and retries it after 10 seconds, twice.',
    '~ 10000',
    `alice> XCLAIM jobs workers alice 10000 ${id(0)}`,
    '~ 10000',
    `alice> XCLAIM jobs workers alice 10000 ${id(0)}`,
    '~ 10000',
    'sweeper> XPENDING jobs workers - + 10',
    '# Delivered 3 times: move it aside and acknowledge it.',
    `sweeper> XADD jobs:dead * id ${id(0)} task poison deliveries 3`,
    `sweeper> XACK jobs workers ${id(0)}`,
  ],
);

export const lag = build(
  {
    id: 'lag',
    title: 'Lag and entries-read',
    description: 'XINFO GROUPS tells how far behind a group is. A deletion ahead of the group makes the lag unknown until the group reads past it.',
    clients: ['producer', 'consumer'],
  },
  [
    'producer> XADD s 1-0 n 1',
    'producer> XADD s 2-0 n 2',
    'producer> XADD s 3-0 n 3',
    'producer> XADD s 4-0 n 4',
    'producer> XADD s 5-0 n 5',
    'producer> XGROUP CREATE s g 0',
    'consumer> XINFO GROUPS s',
    '# entries-read is nil until the first delivery; the lag is the whole stream.',
    'consumer> XREADGROUP GROUP g c COUNT 2 STREAMS s >',
    'consumer> XINFO GROUPS s',
    'producer> XDEL s 4-0',
    'consumer> XINFO GROUPS s',
    '# A deleted entry ahead of the group: Redis cannot count what is left, so lag is nil.',
    'consumer> XREADGROUP GROUP g c COUNT 10 STREAMS s >',
    'consumer> XINFO GROUPS s',
  ],
);

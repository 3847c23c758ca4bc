/** Gallery: first steps with consumer groups — the XACK docs examples, load balancing, fan-out, blocking. */
import { build } from './build.ts';

const T = 1_700_000_000_000;
const id = (n: number) => `${T + n}-0`;

/** The XACK examples of a docs page, in an order that really delivers: the group exists before the first XADD. */
export const xackBasics = build(
  {
    id: 'xack-basics',
    title: 'XACK basics',
    description:
      'Add three entries, read them as consumer Alice and acknowledge them. The clock starts at 1609097574170 and moves 1 ms per command, so the IDs match the docs page this example comes from.',
    clients: ['redis'],
    start: 1_609_097_574_170,
    step: 1,
    setup: ['redis> XGROUP CREATE mystream mygroup $ MKSTREAM'],
    view: { prompt: 'dragonfly', streams: ['mystream'] },
  },
  [
    '# The group was created before any entry (setup), so ">" hands out every entry added afterwards.',
    'redis> XADD mystream * name Alice age 30',
    'redis> XADD mystream * name Bob age 25',
    'redis> XADD mystream * name Charlie age 40',
    'redis> XREADGROUP GROUP mygroup Alice COUNT 1 STREAMS mystream >',
    'redis> XACK mystream mygroup 1609097574170-0',
    'redis> XREADGROUP GROUP mygroup Alice COUNT 2 STREAMS mystream >',
    'redis> XACK mystream mygroup 1609097574171-0 1609097574172-0',
    'redis> XACK mystream mygroup 1609097574173-0',
    '# No entry has that ID, so nothing was pending under it: XACK counts 0.',
  ],
);

/** The same commands in the docs page's own order: the group starts at $ after the first entry, so nothing is delivered. */
export const xackPageOrder = build(
  {
    id: 'xack-page-order',
    title: 'Why the docs order delivers nothing',
    description:
      'The order printed on the XACK docs page: the entry is added first, then the group is created at $ ("only what comes next"). XREADGROUP finds nothing new and every XACK counts 0.',
    clients: ['redis'],
    start: 1_609_097_574_170,
    step: 1,
    view: { prompt: 'dragonfly', streams: ['mystream'] },
  },
  [
    'redis> XADD mystream * name Alice age 30',
    'redis> XGROUP CREATE mystream mygroup $ MKSTREAM',
    'redis> XREADGROUP GROUP mygroup Alice COUNT 1 STREAMS mystream >',
    '# (nil): $ placed the group after the entry that already existed. Create the group at 0, or before the first XADD.',
    'redis> XACK mystream mygroup 1609097574170-0',
    '# 0: the entry was never delivered, so it was never pending.',
  ],
);

export const loadBalancing = build(
  {
    id: 'load-balancing',
    title: 'Load balancing across consumers',
    description: 'Two consumers in one group share the work: each entry goes to exactly one of them.',
    clients: ['producer', 'alice', 'bob'],
    setup: ['producer> XGROUP CREATE orders workers $ MKSTREAM'],
  },
  [
    'producer> XADD orders * item apple',
    'producer> XADD orders * item pear',
    'producer> XADD orders * item plum',
    'producer> XADD orders * item fig',
    'producer> XADD orders * item kiwi',
    'producer> XADD orders * item lime',
    'alice> XREADGROUP GROUP workers alice COUNT 2 STREAMS orders >',
    'bob> XREADGROUP GROUP workers bob COUNT 2 STREAMS orders >',
    'alice> XREADGROUP GROUP workers alice COUNT 2 STREAMS orders >',
    '# Each entry went to one consumer only. Now each acknowledges what it finished.',
    `alice> XACK orders workers ${id(0)} ${id(1)}`,
    `bob> XACK orders workers ${id(2)}`,
    'alice> XPENDING orders workers',
  ],
);

export const fanOut = build(
  {
    id: 'fan-out',
    title: 'Fan-out to several groups',
    description: 'Every group sees every entry; each keeps its own position, so they progress independently.',
    clients: ['producer', 'billing', 'shipping', 'analytics'],
    setup: ['producer> XGROUP CREATE events billing $ MKSTREAM', 'producer> XGROUP CREATE events shipping $', 'producer> XGROUP CREATE events analytics $'],
  },
  [
    'producer> XADD events * order 1 total 30',
    'producer> XADD events * order 2 total 12',
    'producer> XADD events * order 3 total 99',
    'billing> XREADGROUP GROUP billing b1 COUNT 10 STREAMS events >',
    'shipping> XREADGROUP GROUP shipping s1 COUNT 2 STREAMS events >',
    '# analytics has not read yet: all three entries are still ahead of it.',
    'analytics> XINFO GROUPS events',
  ],
);

export const blocking = build(
  {
    id: 'blocking',
    title: 'Blocking consumers woken by a producer',
    description: 'Consumers wait with BLOCK; each new entry wakes the consumer that has waited longest. A BLOCK with a timeout gives up when the clock passes it.',
    clients: ['producer', 'alice', 'bob', 'carol'],
    setup: ['producer> XGROUP CREATE jobs workers $ MKSTREAM'],
  },
  [
    'alice> XREADGROUP GROUP workers alice BLOCK 0 STREAMS jobs >',
    'bob> XREADGROUP GROUP workers bob BLOCK 0 STREAMS jobs >',
    '# Both wait. The first entry goes to alice, who blocked first.',
    'producer> XADD jobs * task a',
    'producer> XADD jobs * task b',
    'carol> XREAD BLOCK 5000 STREAMS jobs $',
    '~ 5000',
    '# Nothing arrived within 5 seconds, so carol gets (nil).',
  ],
);

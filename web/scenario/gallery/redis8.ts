/** Gallery: Redis 8 stream features — trimming strategies, XACKDEL/XDELEX, XREADGROUP CLAIM, XNACK. */
import { build } from './build.ts';

const T = 1_700_000_000_000;
const id = (n: number) => `${T + n}-0`;

export const trimming = build(
  {
    id: 'trimming-refs',
    title: 'Trimming: dangling references, KEEPREF, DELREF, ACKED',
    description: 'Trimming removes entries but, by default, not the pending references to them. Redis 8.2 adds DELREF (drop the references too) and ACKED (only trim what every group is done with).',
    clients: ['producer', 'reader'],
    setup: ['producer> XGROUP CREATE log readers $ MKSTREAM'],
  },
  [
    'producer> XADD log * n 1',
    'producer> XADD log * n 2',
    'producer> XADD log * n 3',
    'producer> XADD log * n 4',
    'reader> XREADGROUP GROUP readers r1 COUNT 2 STREAMS log >',
    'producer> XTRIM log MAXLEN 2',
    '# KEEPREF (the default): the two pending entries are gone from the stream but still in the PEL.',
    'reader> XPENDING log readers - + 10',
    `reader> XCLAIM log readers r1 0 ${id(0)}`,
    '# Claiming a deleted entry returns nothing and drops it from the PEL.',
    'reader> XPENDING log readers',
    'reader> XREADGROUP GROUP readers r1 COUNT 2 STREAMS log >',
    'producer> XTRIM log MAXLEN 1 DELREF',
    '# DELREF removed the trimmed entry from the PEL as well.',
    'reader> XPENDING log readers - + 10',
    `reader> XACK log readers ${id(3)}`,
    'producer> XADD log * n 5',
    'producer> XTRIM log MAXLEN 0 ACKED',
    '# ACKED trimmed the acknowledged entry but kept the new one, which the group has not read yet.',
    'producer> XLEN log',
  ],
);

export const ackdelDelex = build(
  {
    id: 'xackdel-xdelex',
    title: 'XACKDEL and XDELEX',
    description: 'Acknowledge and delete in one step (XACKDEL), or delete with a reference policy (XDELEX). Replies are per ID: 1 deleted, 2 still referenced, -1 not found.',
    clients: ['producer', 'w1', 'w2'],
    setup: ['producer> XGROUP CREATE tasks g1 $ MKSTREAM', 'producer> XGROUP CREATE tasks g2 $'],
  },
  [
    'producer> XADD tasks * t a',
    'producer> XADD tasks * t b',
    'producer> XADD tasks * t c',
    'w1> XREADGROUP GROUP g1 w1 COUNT 3 STREAMS tasks >',
    'w2> XREADGROUP GROUP g2 w2 COUNT 1 STREAMS tasks >',
    `w1> XACKDEL tasks g1 ACKED IDS 2 ${id(0)} ${id(1)}`,
    '# Both acknowledged for g1, but g2 still needs them (one pending, one unread): 2 = kept.',
    `w1> XACKDEL tasks g1 KEEPREF IDS 1 ${id(2)}`,
    `w1> XACKDEL tasks g1 IDS 1 ${id(2)}`,
    '# -1: the ID is no longer pending in g1.',
    `producer> XDELEX tasks DELREF IDS 2 ${id(0)} ${id(9)}`,
    '# DELREF deleted the entry and its reference in g2; the second ID never existed.',
    'w2> XPENDING tasks g2',
    'producer> XLEN tasks',
  ],
);

export const readgroupClaim = build(
  {
    id: 'xreadgroup-claim',
    title: 'XREADGROUP CLAIM',
    description: 'Redis 8.4: one XREADGROUP takes over entries idle for long enough and then reads new ones.',
    clients: ['producer', 'alice', 'bob'],
    setup: ['producer> XGROUP CREATE jobs workers $ MKSTREAM'],
  },
  [
    'producer> XADD jobs * task a',
    'producer> XADD jobs * task b',
    'alice> XREADGROUP GROUP workers alice COUNT 1 STREAMS jobs >',
    '~ 5000',
    'producer> XADD jobs * task c',
    'bob> XREADGROUP GROUP workers bob COUNT 10 CLAIM 5000 STREAMS jobs >',
    "# bob first claimed alice's idle entry (with its idle time and delivery count), then read the new ones.",
    'bob> XPENDING jobs workers - + 10',
  ],
);

export const xnack = build(
  {
    id: 'xnack',
    title: 'XNACK: give an entry back',
    description: 'Redis 8.8: a consumer that cannot process an entry releases it at once instead of waiting for a timeout; the next CLAIM reader gets it first.',
    clients: ['producer', 'alice', 'bob'],
    setup: ['producer> XGROUP CREATE jobs workers $ MKSTREAM'],
  },
  [
    'producer> XADD jobs * task a',
    'producer> XADD jobs * task b',
    'alice> XREADGROUP GROUP workers alice COUNT 2 STREAMS jobs >',
    `alice> XNACK jobs workers FAIL IDS 1 ${id(0)}`,
    'alice> XPENDING jobs workers - + 10',
    '# The entry has no owner now (consumer "", idle -1).',
    'bob> XREADGROUP GROUP workers bob COUNT 1 CLAIM 0 STREAMS jobs >',
    'bob> XPENDING jobs workers - + 10',
  ],
);

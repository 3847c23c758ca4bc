/**
 * The course, part 2: sweeping with XAUTOCLAIM, dead letters, trimming and dangling references, and the 8.2+
 * commands (XACKDEL/XDELEX with KEEPREF/DELREF/ACKED, XREADGROUP CLAIM, XNACK). Same JSON shape as part 1.
 */
const JOBS3 = ['producer> XADD jobs 1-0 task resize', 'producer> XADD jobs 2-0 task crop', 'producer> XADD jobs 3-0 task rotate'];
const GROUP = 'producer> XGROUP CREATE jobs workers 0';

export const ADVANCED: readonly Record<string, unknown>[] = [
  {
    id: 'xautoclaim',
    title: 'Sweep idle entries: XAUTOCLAIM',
    intro: '`XAUTOCLAIM key group consumer min-idle-time start [COUNT n]` scans the PEL from `start` and claims what has been idle long enough, so you do not need to know the IDs. It returns a cursor: call again from it until it is `0-0`.',
    goal: { text: 'bob and carol both crashed. After a minute, sweep every one of their entries to alice.', check: { all: [{ consumer: { stream: 'jobs', group: 'workers', name: 'alice', pending: 5 } }, { consumer: { stream: 'jobs', group: 'workers', name: 'bob', pending: 0 } }, { consumer: { stream: 'jobs', group: 'workers', name: 'carol', pending: 0 } }] } },
    hints: ['Move the clock first: `:clock +60s`.', '`XAUTOCLAIM jobs workers alice 60000 0-0` claims up to 100 entries starting at the beginning.'],
    setup: [...JOBS3, 'producer> XADD jobs 4-0 task blur', 'producer> XADD jobs 5-0 task flip', GROUP, 'bob> XREADGROUP GROUP workers bob COUNT 3 STREAMS jobs >', 'bob> XREADGROUP GROUP workers carol COUNT 2 STREAMS jobs >'],
    solution: ['~ 60000', 'alice> XAUTOCLAIM jobs workers alice 60000 0-0'],
  },
  {
    id: 'dead-letters',
    title: 'Dead letters by delivery count',
    intro: 'An entry that fails again and again ("poison") is delivered over and over: its delivery count keeps growing. A common policy moves entries delivered too many times to a dead-letter stream and acknowledges them, so they stop coming back.',
    goal: {
      text: 'Entries delivered three times or more are poison. Copy each poison entry into the stream `dead` with a field `id` holding its ID, then acknowledge it. Leave the other entries pending.',
      check: {
        all: [
          { stream: 'dead', length: 1 },
          { stream: 'dead', withFields: { id: '2-0' }, count: 1 },
          { pending: { stream: 'jobs', group: 'workers', ids: ['2-0'], count: 0 }, label: '2-0 is acknowledged' },
          { group: { stream: 'jobs', name: 'workers', pending: 2 } },
        ],
      },
    },
    hints: ['`XPENDING jobs workers - + 10` shows each entry’s delivery count (the last number).', 'Copy it: `XADD dead * id 2-0 task crop`.', 'Then `XACK jobs workers 2-0`.'],
    setup: [...JOBS3, GROUP, 'bob> XREADGROUP GROUP workers bob STREAMS jobs >', 'bob> XCLAIM jobs workers bob 0 2-0 3-0', 'bob> XCLAIM jobs workers bob 0 2-0'],
    solution: ['bob> XPENDING jobs workers - + 10', 'bob> XADD dead * id 2-0 task crop', 'bob> XACK jobs workers 2-0'],
  },
  {
    id: 'trim-dangling',
    title: 'Trimming and dangling references',
    intro: '`XTRIM key MAXLEN n` keeps only the newest n entries. Classic trimming never looks at consumer groups: pending entries whose entry was trimmed stay in the PEL, pointing at nothing (the diagram draws them as ghosts). XPENDING still lists them; XCLAIM cannot return them.',
    goal: {
      text: 'Keep only the newest two entries of `logs`, and leave no pending entry pointing at a removed entry — but alice’s two live entries must stay pending.',
      check: {
        all: [
          { stream: 'logs', length: 2, has: ['4-0', '5-0'] },
          { pending: { stream: 'logs', group: 'readers', ghost: true, count: 0 }, label: 'No pending entry points at a removed entry' },
          { pending: { stream: 'logs', group: 'readers', ids: ['4-0', '5-0'], consumer: 'alice', count: 2 }, label: '4-0 and 5-0 are still pending with alice' },
        ],
      },
    },
    hints: ['`XTRIM logs MAXLEN 2` removes the three oldest entries. Watch the diagram.', 'The PEL still holds 1-0, 2-0 and 3-0: acknowledge them with XACK.', 'On Redis 8.2+, `XTRIM logs MAXLEN 2 DELREF` removes the references in the same command.'],
    setup: ['producer> XADD logs 1-0 msg a', 'producer> XADD logs 2-0 msg b', 'producer> XADD logs 3-0 msg c', 'producer> XADD logs 4-0 msg d', 'producer> XADD logs 5-0 msg e', 'producer> XGROUP CREATE logs readers 0', 'alice> XREADGROUP GROUP readers alice STREAMS logs >'],
    solution: ['producer> XTRIM logs MAXLEN 2', 'producer> XPENDING logs readers - + 10', 'producer> XACK logs readers 1-0 2-0 3-0'],
  },
  {
    id: 'ackdel-acked',
    title: 'XACKDEL, XDELEX and ACKED (Redis 8.2)',
    intro: 'Redis 8.2 adds `XACKDEL key group [KEEPREF|DELREF|ACKED] IDS n id …` (acknowledge and delete) and `XDELEX key [KEEPREF|DELREF|ACKED] IDS n id …`. KEEPREF deletes like XDEL; DELREF also removes the entry from every group’s PEL; ACKED deletes only entries that no group still needs (pending anywhere, or not yet read by some group).',
    goal: {
      text: 'Shipping (bob) has finished 1-0 and 2-0. Acknowledge them in `shipping`, and delete from the stream each of them that no group needs any more. Billing still needs 2-0 and 3-0.',
      check: {
        all: [
          { pending: { stream: 'events', group: 'shipping', ids: ['1-0', '2-0'], count: 0 }, label: 'Shipping acknowledged 1-0 and 2-0' },
          { stream: 'events', lacks: ['1-0'], has: ['2-0', '3-0'] },
          { pending: { stream: 'events', group: 'billing', ids: ['2-0', '3-0'], count: 2 }, label: 'Billing still has 2-0 and 3-0 pending' },
        ],
      },
    },
    hints: ['Which strategy deletes an entry only when no group needs it? ACKED.', '`XACKDEL events shipping ACKED IDS 2 1-0 2-0` — the reply says, per ID, 1 (deleted) or 2 (kept, still referenced).'],
    setup: ['producer> XADD events 1-0 order 1', 'producer> XADD events 2-0 order 2', 'producer> XADD events 3-0 order 3', 'producer> XGROUP CREATE events billing 0', 'producer> XGROUP CREATE events shipping 0', 'alice> XREADGROUP GROUP billing alice STREAMS events >', 'bob> XREADGROUP GROUP shipping bob STREAMS events >', 'alice> XACK events billing 1-0'],
    solution: ['bob> XACKDEL events shipping ACKED IDS 2 1-0 2-0'],
  },
  {
    id: 'readgroup-claim',
    title: 'Claim while reading: XREADGROUP CLAIM (Redis 8.4)',
    intro: 'Redis 8.4 lets a reader claim idle entries and read new ones in one call: `XREADGROUP GROUP g c CLAIM min-idle-time STREAMS key >` first takes pending entries (of any consumer) idle for at least min-idle-time, then new entries.',
    goal: { text: 'bob crashed holding 1-0 and 2-0; 3-0 has not been read yet. After a minute, let alice take bob’s idle entries and the new one — in a single read.', check: { all: [{ consumer: { stream: 'jobs', group: 'workers', name: 'alice', pending: 3 } }, { consumer: { stream: 'jobs', group: 'workers', name: 'bob', pending: 0 } }, { group: { stream: 'jobs', name: 'workers', lastId: '3-0' } }] } },
    hints: ['Move the clock first: `:clock +60s`.', '`XREADGROUP GROUP workers alice CLAIM 60000 STREAMS jobs >`'],
    setup: [...JOBS3, GROUP, 'bob> XREADGROUP GROUP workers bob COUNT 2 STREAMS jobs >'],
    solution: ['~ 60000', 'alice> XREADGROUP GROUP workers alice CLAIM 60000 STREAMS jobs >'],
  },
  {
    id: 'xnack',
    title: 'Give an entry back: XNACK (Redis 8.8)',
    intro: 'Redis 8.8’s `XNACK key group SILENT|FAIL|FATAL IDS n id … [RETRYCOUNT n]` releases pending entries without waiting for them to go idle. They stay pending but owned by nobody, first in line for the next `XREADGROUP … CLAIM`. The mode sets the delivery count: SILENT takes one back, FAIL leaves it, FATAL makes it huge (a dead letter).',
    goal: {
      text: 'alice cannot process 2-0 right now. Give it back to the group as a failure — unowned, its delivery count unchanged — and keep 1-0 and 3-0 with alice.',
      check: {
        all: [
          { pending: { stream: 'jobs', group: 'workers', ids: ['2-0'], consumer: null, count: 1 }, label: '2-0 is pending and owned by nobody' },
          { deliveryCount: { stream: 'jobs', group: 'workers', id: '2-0', equals: 1 } },
          { pending: { stream: 'jobs', group: 'workers', ids: ['1-0', '3-0'], consumer: 'alice', count: 2 }, label: 'alice still holds 1-0 and 3-0' },
        ],
      },
    },
    hints: ['Which mode leaves the delivery count as it is? FAIL.', '`XNACK jobs workers FAIL IDS 1 2-0`'],
    setup: [...JOBS3, GROUP, 'alice> XREADGROUP GROUP workers alice STREAMS jobs >'],
    solution: ['alice> XNACK jobs workers FAIL IDS 1 2-0'],
  },
];

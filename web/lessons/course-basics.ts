/**
 * The course, part 1: adding and reading, consumer groups, acknowledgement, the PEL and claiming. Written in the
 * same JSON shape a teacher writes (FORMAT.md) and parsed through the same gate (course.ts), so it doubles as the
 * format's worked example. Explicit small IDs in setup keep goals independent of the clock.
 */
const JOBS3 = ['producer> XADD jobs 1-0 task resize', 'producer> XADD jobs 2-0 task crop', 'producer> XADD jobs 3-0 task rotate'];

export const BASICS: readonly Record<string, unknown>[] = [
  {
    id: 'xadd-basics',
    title: 'Add entries with XADD',
    intro: 'A stream is an append-only log. `XADD key * field value [field value …]` appends an entry; `*` asks Redis for the next ID (milliseconds-sequence). `XRANGE key - +` reads everything back.',
    goal: {
      text: 'Record three orders in the stream `orders`. One of them must have the field `item` set to `book`.',
      check: { all: [{ stream: 'orders', length: 3 }, { stream: 'orders', withFields: { item: 'book' } }] },
    },
    hints: ['Type in the producer console: `XADD orders * item book`.', 'Add two more orders the same way (any fields), then look at them with `XRANGE orders - +`.'],
    solution: ['producer> XADD orders * item book', 'producer> XADD orders * item pen', 'producer> XADD orders * item ink'],
  },
  {
    id: 'xrange-find',
    title: 'Find an entry with XRANGE',
    intro: 'Every entry has an ID, and `XRANGE key start end` reads entries by ID (`-` and `+` are the smallest and largest). `XDEL key id` removes one entry.',
    goal: { text: 'One reading in `readings` is broken: its `temp` is `999`. Find it and delete it, and keep the other three.', check: { stream: 'readings', length: 3, withFields: { temp: '999' }, count: 0 } },
    hints: ['Read the whole stream with `XRANGE readings - +` and note the ID of the broken reading.', 'Delete it with `XDEL readings <id>`.'],
    setup: [
      'producer> XADD readings 1699999800000-0 sensor s1 temp 21',
      'producer> XADD readings 1699999860000-0 sensor s1 temp 22',
      'producer> XADD readings 1699999920000-0 sensor s1 temp 999',
      'producer> XADD readings 1699999980000-0 sensor s1 temp 23',
    ],
    solution: ['producer> XRANGE readings - +', 'producer> XDEL readings 1699999920000-0'],
  },
  {
    id: 'xread-dollar',
    title: 'Wait for new entries: XREAD and $',
    intro: '`XREAD BLOCK ms STREAMS key id` returns entries after `id`, or waits up to `ms` (0 = forever) when there are none. The special ID `$` means "whatever is last right now", so the reader only sees entries added after it started waiting.',
    goal: {
      text: 'alice wants only events that arrive from now on. Make her wait, in the alice console, for the next new entry of `events` — without receiving the three old ones.',
      check: { all: [{ client: { name: 'alice', blocked: true, command: 'XREAD', key: 'events' }, label: 'alice is waiting in XREAD on events' }, { stream: 'events', length: 3 }] },
    },
    hints: ['`XREAD STREAMS events 0` would return all three old events at once: that is not what alice wants.', 'Use `BLOCK 0` to wait, and `$` as the ID: `XREAD BLOCK 0 STREAMS events $`.', 'Afterwards, add an event in the producer console and watch alice receive it.'],
    setup: ['producer> XADD events 1-0 type login', 'producer> XADD events 2-0 type click', 'producer> XADD events 3-0 type logout'],
    solution: ['alice> XREAD BLOCK 0 STREAMS events $'],
  },
  {
    id: 'groups-intro',
    title: 'Share work with a consumer group',
    intro: 'A consumer group hands each entry to ONE of its consumers. `XGROUP CREATE key group id` starts the group after `id` (`0` = from the beginning, `$` = only new entries). `XREADGROUP GROUP group consumer COUNT n STREAMS key >` asks for entries nobody in the group has been given yet.',
    goal: {
      text: 'Create the group `workers` on `jobs` so that it sees all four jobs, then share them out: alice takes two and bob takes the other two.',
      check: { all: [{ group: { stream: 'jobs', name: 'workers', lastId: '4-0', pending: 4 } }, { consumer: { stream: 'jobs', group: 'workers', name: 'alice', pending: 2 } }, { consumer: { stream: 'jobs', group: 'workers', name: 'bob', pending: 2 } }] },
    },
    hints: ['Create the group from the beginning: `XGROUP CREATE jobs workers 0`.', 'In alice’s console: `XREADGROUP GROUP workers alice COUNT 2 STREAMS jobs >`.', 'Then the same in bob’s console, with his name.'],
    setup: [...JOBS3, 'producer> XADD jobs 4-0 task blur'],
    solution: ['producer> XGROUP CREATE jobs workers 0', 'alice> XREADGROUP GROUP workers alice COUNT 2 STREAMS jobs >', 'bob> XREADGROUP GROUP workers bob COUNT 2 STREAMS jobs >'],
  },
  {
    id: 'ack-basics',
    title: 'Acknowledge processed entries',
    intro: 'An entry a consumer was given stays in the group’s Pending Entries List (PEL) until it is acknowledged with `XACK key group id [id …]`. Acknowledge only what was really processed: a pending entry is one that can still be retried.',
    goal: { text: 'alice has finished jobs 1-0 and 2-0, but not 3-0. Acknowledge exactly the finished ones.', check: { all: [{ pending: { stream: 'jobs', group: 'workers', ids: ['1-0', '2-0'], count: 0 }, label: '1-0 and 2-0 are acknowledged' }, { pending: { stream: 'jobs', group: 'workers', ids: ['3-0'], consumer: 'alice', count: 1 }, label: '3-0 is still pending with alice' }] } },
    hints: ['The diagram shows alice holding three tokens: those are her pending entries.', '`XACK jobs workers 1-0 2-0` acknowledges two at once.'],
    setup: [...JOBS3, 'producer> XGROUP CREATE jobs workers 0', 'alice> XREADGROUP GROUP workers alice STREAMS jobs >'],
    solution: ['alice> XACK jobs workers 1-0 2-0'],
  },
  {
    id: 'pending-xpending',
    title: 'Inspect the PEL with XPENDING',
    intro: '`XPENDING key group` summarises the pending entries; `XPENDING key group - + count [consumer]` lists them with their owner, idle time and delivery count.',
    goal: { text: 'bob has finished everything he took. Find out which entries he holds and acknowledge those — and only those.', check: { all: [{ consumer: { stream: 'jobs', group: 'workers', name: 'bob', pending: 0 } }, { consumer: { stream: 'jobs', group: 'workers', name: 'alice', pending: 4 } }] } },
    hints: ['`XPENDING jobs workers` shows how many entries each consumer holds.', '`XPENDING jobs workers - + 10 bob` lists bob’s entries.', 'Acknowledge them with `XACK jobs workers <id> <id>`.'],
    setup: [
      ...JOBS3,
      'producer> XADD jobs 4-0 task blur',
      'producer> XADD jobs 5-0 task sharpen',
      'producer> XADD jobs 6-0 task flip',
      'producer> XGROUP CREATE jobs workers 0',
      'alice> XREADGROUP GROUP workers alice COUNT 2 STREAMS jobs >',
      'bob> XREADGROUP GROUP workers bob COUNT 2 STREAMS jobs >',
      'alice> XREADGROUP GROUP workers alice COUNT 2 STREAMS jobs >',
    ],
    solution: ['bob> XPENDING jobs workers - + 10 bob', 'bob> XACK jobs workers 3-0 4-0'],
  },
  {
    id: 'xclaim-crash',
    title: 'Claim after a crash: XCLAIM',
    intro: 'When a consumer dies, its pending entries stay with it. Another consumer takes them over with `XCLAIM key group consumer min-idle-time id …`, which only claims entries idle for at least min-idle-time ms — so a slow but living consumer keeps its work. In this lesson time stands still until you move the virtual clock with `:clock +60s` (or the clock controls).',
    goal: {
      text: 'bob crashed holding three jobs. Wait until they have been idle for a minute, then have alice claim all three with a minimum idle time of 60000 ms.',
      check: {
        all: [
          { clock: { advanced: { atLeast: 60000 } }, label: 'At least a minute has passed' },
          { pending: { stream: 'jobs', group: 'workers', consumer: 'alice', minDeliveries: 2, count: 3 }, label: 'alice owns all three jobs, each delivered again' },
          { consumer: { stream: 'jobs', group: 'workers', name: 'bob', pending: 0 } },
        ],
      },
    },
    hints: ['Right now the entries have been idle 0 ms: `XCLAIM … 60000 …` would claim nothing. Move the clock first: `:clock +60s`.', 'Then in alice’s console: `XCLAIM jobs workers alice 60000 1-0 2-0 3-0`.', 'Claiming counts as a delivery (the count goes up), unless you add JUSTID.'],
    setup: [...JOBS3, 'producer> XGROUP CREATE jobs workers 0', 'bob> XREADGROUP GROUP workers bob STREAMS jobs >'],
    solution: ['~ 60000', 'alice> XCLAIM jobs workers alice 60000 1-0 2-0 3-0'],
  },
];

/**
 * Every built-in scenario is valid, survives the share-link round trip, and replays to the state it teaches.
 * Facts are asked of the engine with ordinary commands, as a learner would.
 */
import { describe, expect, it } from 'vitest';
import { formatReply, isError } from '../../engine/index.ts';
import { encodeScenario } from './codec.ts';
import { GALLERY, galleryEntry } from './gallery/index.ts';
import { ask, replay, type Replayed } from './replay.ts';
import { restore } from './restore.ts';
import { validateScenario } from './validate.ts';

function load(id: string): Replayed {
  const g = galleryEntry(id);
  if (!g) throw new Error(`no gallery scenario ${id}`);
  return replay(g.scenario);
}
/** The reply as redis-cli prints it, lines trimmed, for compact assertions. */
const cli = (r: Replayed, client: string, line: string) => formatReply(ask(r, client, line) ?? { t: 'null' });
const printed = (r: Replayed, i: number) => {
  const rep = r.replies[i];
  return rep ? formatReply(rep) : '(no reply)';
};

describe('gallery', () => {
  it('has at least ten scenarios, each valid and with a unique id', () => {
    expect(GALLERY.length).toBeGreaterThanOrEqual(10);
    expect(new Set(GALLERY.map((g) => g.id)).size).toBe(GALLERY.length);
    for (const g of GALLERY) expect(validateScenario(g.scenario), g.id).toEqual({ ok: true, value: g.scenario });
  });

  it('every scenario survives a share link and replays to the same replies', () => {
    for (const g of GALLERY) {
      const back = restore({ from: 'url', hash: `#${encodeScenario(g.scenario)}` });
      expect(back.ok, g.id).toBe(true);
      if (!back.ok) continue;
      expect(replay(back.value.scenario).replies.map((r) => r && formatReply(r))).toEqual(replay(g.scenario).replies.map((r) => r && formatReply(r)));
    }
  });

  it('no command in any scenario answers with an error', () => {
    for (const g of GALLERY) {
      const r = replay(g.scenario);
      r.replies.forEach((rep, i) => expect(rep && isError(rep) ? `${g.id} step ${i}: ${formatReply(rep)}` : '').toBe(''));
    }
  });
});

describe('XACK basics (the docs page, in a working order)', () => {
  const r = load('xack-basics');
  it('gives the docs page its exact IDs', () => {
    expect(printed(r, 1)).toBe('"1609097574170-0"\n');
    expect(printed(r, 2)).toBe('"1609097574171-0"\n');
    expect(printed(r, 3)).toBe('"1609097574172-0"\n');
  });
  it('delivers the entries and acknowledges them: 1, 2, then 0 for an unknown ID', () => {
    expect(printed(r, 4)).toContain('"Alice"');
    expect(printed(r, 5)).toBe('(integer) 1\n');
    expect(printed(r, 6)).toContain('"Charlie"');
    expect(printed(r, 7)).toBe('(integer) 2\n');
    expect(printed(r, 8)).toBe('(integer) 0\n');
  });
  it('ends with three entries and nothing pending', () => {
    expect(cli(r, 'redis', 'XLEN mystream')).toBe('(integer) 3\n');
    expect(cli(r, 'redis', 'XPENDING mystream mygroup')).toBe('1) (integer) 0\n2) (nil)\n3) (nil)\n4) (nil)\n');
  });
});

describe('the docs page order', () => {
  const r = load('xack-page-order');
  it('delivers nothing, so XACK counts 0', () => {
    expect(printed(r, 2)).toBe('(nil)\n');
    expect(printed(r, 4)).toBe('(integer) 0\n');
  });
});

describe('load balancing', () => {
  const r = load('load-balancing');
  it('splits the six entries between alice (4) and bob (2); three stay pending', () => {
    expect(cli(r, 'alice', 'XPENDING orders workers')).toBe(
      '1) (integer) 3\n2) "1700000000003-0"\n3) "1700000000005-0"\n4) 1) 1) "alice"\n      2) "2"\n   2) 1) "bob"\n      2) "1"\n',
    );
  });
});

describe('fan-out', () => {
  const r = load('fan-out');
  it('keeps a position per group: billing read 3 (lag 0), shipping 2 (lag 1), analytics none (lag 3)', () => {
    const out = cli(r, 'producer', 'XINFO GROUPS events');
    expect(out).toMatch(/"name"\n {4}2\) "analytics"[\s\S]*"entries-read"\n {3}10\) \(nil\)\n {3}11\) "lag"\n {3}12\) \(integer\) 3/);
    expect(out).toMatch(/"billing"[\s\S]*"entries-read"\n {3}10\) \(integer\) 3\n {3}11\) "lag"\n {3}12\) \(integer\) 0/);
    expect(out).toMatch(/"shipping"[\s\S]*"entries-read"\n {3}10\) \(integer\) 2\n {3}11\) "lag"\n {3}12\) \(integer\) 1/);
  });
});

describe('blocking', () => {
  const r = load('blocking');
  it('wakes alice (blocked first) with the first entry and bob with the second', () => {
    expect(printed(r, 0)).toContain('"1700000000002-0"');
    expect(printed(r, 1)).toContain('"1700000000003-0"');
    expect(cli(r, 'producer', 'XPENDING jobs workers - + 10')).toMatch(/"1700000000002-0"\n {3}2\) "alice"[\s\S]*"1700000000003-0"\n {3}2\) "bob"/);
  });
  it('times carol out with (nil) once the clock passes her BLOCK', () => {
    expect(printed(r, 5)).toBe('(nil)\n');
  });
});

describe('crashed consumer', () => {
  const r = load('crashed-consumer');
  it('leaves the entry bob claimed but did not ack, owned by bob and delivered twice', () => {
    expect(cli(r, 'bob', 'XPENDING jobs workers - + 10')).toMatch(/^1\) 1\) "1700000000002-0"\n {3}2\) "bob"\n {3}3\) \(integer\) \d+\n {3}4\) \(integer\) 2\n$/);
  });
});

describe('XAUTOCLAIM sweeper', () => {
  const r = load('autoclaim-sweeper');
  it('claims every idle entry with cursor 0-0; the one left is the sweeper’s, delivered twice', () => {
    expect(printed(r, 8)).toMatch(/^1\) "0-0"\n/);
    expect(cli(r, 'sweeper', 'XPENDING jobs workers - + 10')).toMatch(/^1\) 1\) "1700000000003-0"\n {3}2\) "sweeper"\n {3}3\) \(integer\) \d+\n {3}4\) \(integer\) 2\n$/);
  });
});

describe('dead letter', () => {
  const r = load('dead-letter');
  it('saw three deliveries, then moved the entry to jobs:dead and emptied the PEL', () => {
    expect(printed(r, 10)).toMatch(/4\) \(integer\) 3\n$/);
    expect(cli(r, 'sweeper', 'XLEN jobs:dead')).toBe('(integer) 1\n');
    expect(cli(r, 'sweeper', 'XPENDING jobs workers')).toMatch(/^1\) \(integer\) 0\n/);
  });
});

describe('lag', () => {
  const r = load('lag');
  it('reports nil lag after a deletion ahead of the group, and exact lag again once read past it', () => {
    expect(printed(r, 11)).toMatch(/"lag"\n {3}12\) \(nil\)/);
    expect(cli(r, 'consumer', 'XINFO GROUPS s')).toMatch(/"entries-read"\n {3}10\) \(integer\) 5\n {3}11\) "lag"\n {3}12\) \(integer\) 0/);
  });
});

describe('trimming with references', () => {
  const r = load('trimming-refs');
  it('keeps a dangling reference (KEEPREF), drops one with DELREF, and ACKED keeps the unread entry', () => {
    expect(printed(r, 7)).toContain('"1700000000000-0"');
    expect(printed(r, 8)).toBe('(empty array)\n');
    expect(cli(r, 'reader', 'XLEN log')).toBe('(integer) 1\n');
    expect(cli(r, 'reader', 'XRANGE log - +')).toContain('"1700000000013-0"');
    expect(cli(r, 'reader', 'XPENDING log readers')).toBe('1) (integer) 1\n2) "1700000000001-0"\n3) "1700000000001-0"\n4) 1) 1) "r1"\n      2) "1"\n');
  });
});

describe('XACKDEL and XDELEX', () => {
  const r = load('xackdel-xdelex');
  it('answers per ID: 2 still referenced, 1 deleted, -1 not found', () => {
    expect(printed(r, 5)).toBe('1) (integer) 2\n2) (integer) 2\n');
    expect(printed(r, 7)).toBe('1) (integer) 1\n');
    expect(printed(r, 8)).toBe('1) (integer) -1\n');
    expect(printed(r, 10)).toBe('1) (integer) 1\n2) (integer) -1\n');
  });
  it('ends with one entry and no pending reference in either group', () => {
    expect(cli(r, 'producer', 'XLEN tasks')).toBe('(integer) 1\n');
    expect(cli(r, 'producer', 'XPENDING tasks g1')).toMatch(/^1\) \(integer\) 0/);
    expect(cli(r, 'producer', 'XPENDING tasks g2')).toMatch(/^1\) \(integer\) 0/);
  });
});

describe('XREADGROUP CLAIM', () => {
  const r = load('xreadgroup-claim');
  it('claims the idle entry first, then reads the new ones; all three are bob’s', () => {
    expect(printed(r, 5)).toMatch(/"1700000000000-0"[\s\S]*"1700000000001-0"[\s\S]*"1700000005003-0"/);
    const pel = cli(r, 'bob', 'XPENDING jobs workers - + 10');
    expect(pel.match(/"bob"/g)?.length).toBe(3);
    expect(pel).toMatch(/"1700000000000-0"\n {3}2\) "bob"\n {3}3\) \(integer\) \d+\n {3}4\) \(integer\) 2/);
  });
});

describe('XNACK', () => {
  const r = load('xnack');
  it('leaves the NACKed entry unowned until bob’s CLAIM read takes it first', () => {
    expect(printed(r, 4)).toMatch(/^1\) 1\) "1700000000000-0"\n {3}2\) ""\n {3}3\) \(integer\) -1\n/);
    expect(cli(r, 'bob', 'XPENDING jobs workers - + 10')).toMatch(/"1700000000000-0"\n {3}2\) "bob"[\s\S]*"1700000000001-0"\n {3}2\) "alice"/);
  });
});

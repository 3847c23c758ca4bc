/** The Engine's public API as hosts use it: connections, blocking lifetimes, the virtual clock, snapshots. */
import { describe, expect, it } from 'vitest';
import { Engine, MAX_CLOCK_MS, VirtualClock, formatReply, isClockTime, isError } from './index.ts';

const fresh = () => new Engine({ clock: new VirtualClock() });
const show = (e: Engine, id: number, argv: string[]) => {
  const r = e.exec(id, argv).reply;
  return r === null ? '(blocked)' : formatReply(r).trimEnd();
};

describe('Engine API: connect / exec / disconnect', () => {
  it('connections get increasing ids and their own state', () => {
    const e = fresh();
    const a = e.connect('alice');
    const b = e.connect();
    expect(b).toBeGreaterThan(a);
    expect(show(e, a, ['CLIENT', 'GETNAME'])).toBe('"alice"');
    expect(show(e, a, ['SELECT', '2'])).toBe('OK');
    expect(show(e, a, ['SET', 'k', 'in-db-2'])).toBe('OK');
    expect(show(e, b, ['GET', 'k'])).toBe('(nil)');
  });

  it('a disconnected client is gone; exec on it answers an error', () => {
    const e = fresh();
    const a = e.connect();
    const out = e.disconnect(a);
    expect(out.events).toContainEqual({ type: 'client-disconnected', client: a });
    expect(e.client(a)).toBeUndefined();
    expect(isError(e.exec(a, ['PING']).reply!)).toBe(true);
  });

  it("each command's events are its own: a later command neither adds to nor empties them", () => {
    const e = fresh();
    const a = e.connect();
    const one = e.exec(a, ['XADD', 's', '1-1', 'f', 'v']).events; // stream-created, entry-added
    const two = e.exec(a, ['XADD', 's', '2-1', 'f', 'v']).events; // entry-added
    const three = e.exec(a, ['XADD', 's', '3-1', 'f', 'v']).events;
    e.exec(a, ['XLEN', 's']);
    expect(one.map((ev) => ev.type)).toEqual(['stream-created', 'entry-added']);
    expect(two).toEqual([expect.objectContaining({ type: 'entry-added', id: '2-1' })]);
    expect(three).toEqual([expect.objectContaining({ type: 'entry-added', id: '3-1' })]);
    expect(two).not.toBe(three);
  });

  it('an empty argv is no command at all', () => {
    const e = fresh();
    const a = e.connect();
    expect(e.exec(a, [])).toEqual({ reply: null, events: [], woken: [] });
  });
});

describe('Engine API: blocked clients', () => {
  it('a blocked client that disconnects is cleaned up and never served', () => {
    const e = fresh();
    const alice = e.connect('alice');
    const bob = e.connect('bob');
    expect(e.exec(alice, ['BLPOP', 'q', '0']).reply).toBeNull();
    expect(e.blocking.count).toBe(1);
    const out = e.disconnect(alice);
    expect(out.events).toContainEqual({ type: 'unblocked', client: alice, reason: 'disconnected' });
    expect(e.blocking.count).toBe(0);
    const push = e.exec(bob, ['RPUSH', 'q', 'x']);
    expect(push.woken).toEqual([]);
    expect(show(e, bob, ['LRANGE', 'q', '0', '-1'])).toBe('1) "x"');
  });

  it('a push wakes the blocked client through `woken`', () => {
    const e = fresh();
    const alice = e.connect('alice');
    const bob = e.connect('bob');
    e.exec(alice, ['BLPOP', 'q', '0']);
    const r = e.exec(bob, ['RPUSH', 'q', 'x']);
    expect(r.woken).toHaveLength(1);
    expect(r.woken[0].client).toBe(alice);
    expect(formatReply(r.woken[0].reply).trimEnd()).toBe('1) "q"\n2) "x"');
    expect(r.events).toContainEqual({ type: 'unblocked', client: alice, reason: 'served' });
  });

  it('advance() fires a BLPOP timeout exactly at its deadline', () => {
    const e = fresh();
    const alice = e.connect('alice');
    e.exec(alice, ['BLPOP', 'q', '0.25']);
    expect(e.nextDeadline()).toBe(1_700_000_000_250);
    expect(e.advance(249).woken).toEqual([]);
    const out = e.advance(1);
    expect(out.woken).toEqual([{ client: alice, reply: { t: 'nullarray' } }]);
    expect(out.events).toContainEqual({ type: 'unblocked', client: alice, reason: 'timeout' });
    expect(e.nextDeadline()).toBeNull();
    expect(show(e, alice, ['PING'])).toBe('PONG');
  });

  it('a blocked client cannot run commands until it is woken', () => {
    const e = fresh();
    const alice = e.connect();
    e.exec(alice, ['BLPOP', 'q', '0']);
    expect(isError(e.exec(alice, ['PING']).reply!)).toBe(true);
  });
});

describe('Engine API: snapshots', () => {
  /** Build some state: keys of each type, TTLs, a second database, a client in MULTI with a watch, a blocked client. */
  function build(): { e: Engine; ids: Record<string, number> } {
    const e = fresh();
    const ids = { main: e.connect(), alice: e.connect('alice'), bob: e.connect('bob') };
    const run = (id: number, ...argv: string[]) => e.exec(id, argv);
    run(ids.main, 'SET', 'str', 'v', 'PX', '5000');
    run(ids.main, 'RPUSH', 'list', 'a', 'b', 'c');
    run(ids.main, 'SADD', 'set', '3', '1', '2');
    // A listpack of integers (it started with a string): insertion order, where an intset would be sorted.
    run(ids.main, 'SADD', 'mixed', 'x', '5', '3');
    run(ids.main, 'SREM', 'mixed', 'x');
    run(ids.main, 'INCRBY', 'n', '41');
    run(ids.main, 'SELECT', '5');
    run(ids.main, 'SET', 'other-db', 'x');
    run(ids.main, 'CONFIG', 'SET', 'hz', '20');
    run(ids.alice, 'BLPOP', 'q', '10');
    run(ids.bob, 'WATCH', 'n');
    run(ids.bob, 'MULTI');
    run(ids.bob, 'INCR', 'n');
    return { e, ids };
  }

  /** A follow-up session that touches all of that state; each step's printed reply plus who was woken. */
  function followUp(e: Engine, ids: Record<string, number>): string[] {
    const out: string[] = [];
    const step = (id: number, ...argv: string[]) => {
      const r = e.exec(id, argv);
      out.push(`${argv.join(' ')} -> ${r.reply === null ? '(blocked)' : formatReply(r.reply).trimEnd()}`);
      for (const w of r.woken) out.push(`  woke ${w.client}: ${formatReply(w.reply).trimEnd()}`);
    };
    step(ids.main, 'GET', 'other-db');
    step(ids.main, 'SELECT', '0');
    step(ids.main, 'PTTL', 'str');
    step(ids.main, 'LRANGE', 'list', '0', '-1');
    step(ids.main, 'SMEMBERS', 'mixed');
    step(ids.main, 'SMEMBERS', 'set');
    step(ids.main, 'INCR', 'n');
    step(ids.bob, 'EXEC');
    step(ids.main, 'RPUSH', 'q', 'wake');
    step(ids.main, 'CONFIG', 'GET', 'hz');
    step(ids.main, 'DBSIZE');
    step(ids.main, 'SCAN', '0', 'COUNT', '2');
    const adv = e.advance(5000);
    out.push(`advance woke ${adv.woken.length}`);
    step(ids.main, 'GET', 'str');
    step(ids.alice, 'BLPOP', 'q', '1');
    out.push(`advance woke ${e.advance(1000).woken.map((w) => formatReply(w.reply).trimEnd()).join(',')}`);
    return out;
  }

  it('snapshot -> JSON -> restore on a fresh engine answers the same follow-up identically', () => {
    const original = build();
    const json = JSON.stringify(original.e.snapshot());
    const copy = fresh();
    copy.restore(JSON.parse(json));
    const expected = followUp(original.e, original.ids);
    expect(followUp(copy, original.ids)).toEqual(expected);
    // The follow-up really exercised the state: the watched EXEC failed, the blocked client was served.
    expect(expected).toContain('EXEC -> (nil)');
    expect(expected).toContain('SMEMBERS mixed -> 1~ "5"\n2~ "3"'); // formatted as a RESP3 set
    expect(expected).toContain(`  woke ${original.ids.alice}: 1) "q"\n2) "wake"`);
  });
});

describe('the virtual clock at the end of time', () => {
  it('a command at the last representable time runs, and the step stops there instead of failing it', () => {
    const clock = new VirtualClock(MAX_CLOCK_MS - 1, 5);
    const e = new Engine({ clock });
    const c = e.connect('c');
    const run = (argv: string[]) => formatReply(e.exec(c, argv).reply ?? 'blocked');
    expect(run(['XADD', 's', '*', 'f', 'v'])).toBe(`"${MAX_CLOCK_MS - 1}-0"\n`);
    expect(clock.now()).toBe(MAX_CLOCK_MS);
    expect(run(['XADD', 's', '*', 'f', 'v'])).toBe(`"${MAX_CLOCK_MS}-0"\n`);
    expect(clock.now()).toBe(MAX_CLOCK_MS);
    expect(run(['XLEN', 's'])).toBe('(integer) 2\n');
  });

  it('setting or advancing past it is refused, and the clock stays where it was', () => {
    const clock = new VirtualClock(1000);
    expect(() => new VirtualClock(MAX_CLOCK_MS + 1)).toThrow(RangeError);
    expect(() => clock.set(2 ** 60)).toThrow(RangeError);
    expect(() => clock.advance(MAX_CLOCK_MS)).toThrow(RangeError);
    expect(clock.now()).toBe(1000);
    expect([0, MAX_CLOCK_MS, 1.5].map(isClockTime)).toEqual([true, true, true]);
    expect([-1, MAX_CLOCK_MS + 1, NaN, Infinity].map(isClockTime)).toEqual([false, false, false, false]);
  });
});

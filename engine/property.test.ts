/**
 * Property tests: long seeded random command sequences over several keys, groups and consumers never throw, never
 * hit an internal error, and keep the data invariants; snapshots taken mid-sequence restore to engines that answer
 * every later command identically.
 */
import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.ts';
import { Engine } from './engine.ts';
import { formatReply } from './cli-format.ts';
import { checkInvariants } from './testing/invariants.ts';
import type { EngineSnapshot } from './snapshot.ts';

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const KEYS = ['s1', 's2', 's3'];
const GROUPS = ['g1', 'g2'];
const CONSUMERS = ['alice', 'bob', 'carol'];

function generator(seed: number) {
  const r = rng(seed);
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const n = (max: number) => Math.floor(r() * max);
  const id = () => (r() < 0.1 ? pick(['-', '+', '0', '$', '>', 'bad', '0-0', '(5-0', '18446744073709551615-18446744073709551615']) : `${n(40)}-${n(3)}`);
  const fields = () => (r() < 0.8 ? ['f', String(n(100))] : ['a', '1', 'b', '2', 'c', String(n(9))]);
  const trim = () => {
    if (r() < 0.6) return [];
    const strat = pick(['MAXLEN', 'MINID']);
    const approx = pick(['', '~', '=']);
    const t = strat === 'MAXLEN' ? String(n(8)) : `${n(40)}-0`;
    const out = [strat, ...(approx ? [approx] : []), t];
    if (approx === '~' && r() < 0.3) out.push('LIMIT', String(n(5)));
    if (r() < 0.2) out.push(pick(['KEEPREF', 'DELREF', 'ACKED']));
    return out;
  };
  const ids = (k: number) => Array.from({ length: 1 + n(k) }, id);
  return (): string[] => {
    const key = pick(KEYS);
    const g = pick(GROUPS);
    const c = pick(CONSUMERS);
    switch (n(24)) {
      case 0:
      case 1:
      case 2:
        return ['XADD', key, ...trim(), r() < 0.7 ? `${n(60)}-${n(4)}` : r() < 0.5 ? '*' : `${n(60)}-*`, ...fields()];
      case 3:
        return ['XDEL', key, ...ids(3)];
      case 4:
        return ['XTRIM', key, ...(trim().length ? trim() : ['MAXLEN', String(n(6))])];
      case 5:
        return ['XRANGE', key, id(), id(), ...(r() < 0.5 ? ['COUNT', String(n(5) - 1)] : [])];
      case 6:
        return ['XREVRANGE', key, '+', '-', 'COUNT', String(n(4))];
      case 7:
      case 8:
        return ['XREADGROUP', 'GROUP', g, c, 'COUNT', String(1 + n(4)), ...(r() < 0.2 ? ['NOACK'] : []), ...(r() < 0.2 ? ['CLAIM', String(n(3000))] : []), 'STREAMS', key, r() < 0.7 ? '>' : id()];
      case 9:
        return ['XACK', key, g, ...ids(3)];
      case 10:
        return ['XGROUP', 'CREATE', key, g, pick(['0', '$', `${n(40)}-0`]), ...(r() < 0.5 ? ['MKSTREAM'] : []), ...(r() < 0.2 ? ['ENTRIESREAD', String(n(10) - 1)] : [])];
      case 11:
        return ['XGROUP', pick(['SETID', 'DESTROY', 'CREATECONSUMER', 'DELCONSUMER']), key, g, ...(r() < 0.5 ? [c] : [id()])];
      case 12:
        return ['XCLAIM', key, g, c, String(n(2000)), ...ids(3), ...(r() < 0.3 ? ['JUSTID'] : []), ...(r() < 0.2 ? ['FORCE'] : []), ...(r() < 0.2 ? ['RETRYCOUNT', String(n(5))] : [])];
      case 13:
        return ['XAUTOCLAIM', key, g, c, String(n(2000)), id(), 'COUNT', String(1 + n(5)), ...(r() < 0.3 ? ['JUSTID'] : [])];
      case 14:
        return r() < 0.5 ? ['XPENDING', key, g] : ['XPENDING', key, g, '-', '+', String(n(10)), ...(r() < 0.3 ? [c] : [])];
      case 15:
        return ['XINFO', pick(['STREAM', 'GROUPS']), key, ...(r() < 0.2 ? ['FULL'] : [])];
      case 16:
        return ['XINFO', 'CONSUMERS', key, g];
      case 17: {
        const nids = ids(3);
        return r() < 0.5
          ? ['XDELEX', key, pick(['KEEPREF', 'DELREF', 'ACKED']), 'IDS', String(nids.length), ...nids]
          : ['XACKDEL', key, g, pick(['KEEPREF', 'DELREF', 'ACKED']), 'IDS', String(nids.length), ...nids];
      }
      case 18: {
        const nids = ids(3);
        return ['XNACK', key, g, pick(['SILENT', 'FAIL', 'FATAL']), 'IDS', String(nids.length), ...nids, ...(r() < 0.3 ? ['FORCE'] : [])];
      }
      case 19:
        return pick([['DEL', key], ['SET', key, 'x'], ['TYPE', key], ['EXISTS', key], ['XLEN', key], ['PEXPIRE', key, String(n(3000))]]);
      case 20:
        return ['XSETID', key, `${n(80)}-${n(3)}`, ...(r() < 0.3 ? ['ENTRIESADDED', String(n(20)), 'MAXDELETEDID', `${n(10)}-0`] : [])];
      case 21:
        return ['CONFIG', 'SET', 'stream-node-max-entries', String(pick([0, 1, 2, 3, 5, 100]))];
      case 22:
        return pick([['MULTI'], ['EXEC'], ['DISCARD'], ['XREAD', 'COUNT', '2', 'STREAMS', key, id()]]);
      default:
        return [pick(['XADD', 'XGROUP', 'XREADGROUP', 'XCLAIM', 'XPENDING', 'XINFO']), ...Array.from({ length: n(6) }, () => pick([key, g, c, id(), '', 'COUNT', '-1', 'x'.repeat(n(300))]))];
    }
  };
}

function run(engine: Engine, client: number, argv: string[]): string {
  const r = engine.exec(client, argv);
  return r.reply ? formatReply(r.reply) : '(blocked)';
}

function fresh(start = 1_700_000_000_000) {
  const clock = new VirtualClock(start);
  const engine = new Engine({ clock });
  return { clock, engine, client: engine.connect('p') };
}

describe('random command sequences', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`keep the invariants and never fail internally (seed ${seed})`, () => {
      const { clock, engine, client } = fresh();
      const next = generator(seed);
      const r = rng(seed * 7919);
      for (let i = 0; i < 3000; i++) {
        const argv = next();
        const out = run(engine, client, argv);
        expect(out, `seed ${seed} step ${i}: ${argv.join(' ')}`).not.toMatch(/internal error/);
        if (r() < 0.2) engine.advance(Math.floor(r() * 1500));
        const bad = checkInvariants(engine);
        expect(bad, `seed ${seed} step ${i}: after ${argv.join(' ')}`).toEqual([]);
      }
      void clock;
    });
  }
});

describe('snapshots', () => {
  for (const seed of [11, 12, 13, 14]) {
    it(`restore mid-sequence and answer every later command identically (seed ${seed})`, () => {
      const a = fresh();
      const next = generator(seed);
      for (let i = 0; i < 800; i++) run(a.engine, a.client, next());
      const snap = JSON.parse(JSON.stringify(a.engine.snapshot())) as EngineSnapshot;
      const b = fresh(0);
      b.engine.restore(snap);
      expect(checkInvariants(b.engine)).toEqual([]);
      const cmds = Array.from({ length: 800 }, next);
      const r = rng(seed);
      for (const [i, argv] of cmds.entries()) {
        const ra = run(a.engine, a.client, argv);
        const rb = run(b.engine, a.client, argv);
        expect(rb, `seed ${seed} step ${i}: ${argv.join(' ')}`).toBe(ra);
        if (r() < 0.1) {
          const ms = Math.floor(r() * 2000);
          a.engine.advance(ms);
          b.engine.advance(ms);
        }
      }
    });
  }
});

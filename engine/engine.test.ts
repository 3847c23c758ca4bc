/** Engine-level behaviour around dispatch: garbage input never throws, faults become replies, errors are counted. */
import { describe, expect, it } from 'vitest';
import { Engine } from './engine.ts';
import { VirtualClock } from './clock.ts';
import { isArrayReply, type ErrorReply } from './reply.ts';
import { isContainer } from './table.ts';

const fresh = () => new Engine({ clock: new VirtualClock() });

function infoField(e: Engine, id: number, section: string, field: string): string {
  const r = e.exec(id, ['INFO', section]).reply;
  const text = typeof r === 'string' ? r : r && !isArrayReply(r) && r.t === 'verbatim' ? r.v : '';
  const line = text.split('\r\n').find((l) => l.startsWith(`${field}:`));
  return line ? line.slice(field.length + 1) : '';
}

/** A deterministic byte soup generator (xorshift), so a failure can be reproduced. */
function rng(seed: number) {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function randomBytes(next: () => number, max: number): string {
  const n = Math.floor(next() * max);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(next() * 256));
  return s;
}

describe('Engine: garbage argv never throws', () => {
  const e = fresh();
  let id = e.connect();
  const names: string[][] = [];
  for (const entry of e.table.entries()) {
    if (isContainer(entry)) for (const sub of entry.subcommands) names.push([entry.name, sub.name]);
    else names.push([entry.name]);
  }
  const skip = new Set(['quit', 'reset', 'client']); // would end or reshape the test connection

  it('every command with random bytes, empty strings and odd argument counts answers a reply', () => {
    const next = rng(42);
    for (const name of names) {
      if (skip.has(name[0])) continue;
      for (let round = 0; round < 30; round++) {
        const argc = Math.floor(next() * 8);
        const args = Array.from({ length: argc }, () => (next() < 0.2 ? '' : randomBytes(next, 12)));
        const r = e.exec(id, [...name, ...args]);
        if (r.reply === null) {
          // It blocked (a timeout of 0 waits forever): carry on with a new connection.
          e.disconnect(id);
          expect(e.client(id)).toBeUndefined();
          id = e.connect();
          continue;
        }
        expect(typeof r.reply === 'string' || isArrayReply(r.reply) || r.reply.t !== undefined).toBe(true);
      }
    }
  });

  it('a huge argument count is answered', () => {
    const e2 = fresh();
    const c = e2.connect();
    const argv = ['DEL', ...Array.from({ length: 100_000 }, (_, i) => `k${i}`)];
    expect(e2.exec(c, argv).reply).toEqual({ t: 'int', v: 0 });
    expect(e2.exec(c, ['EXISTS', ...argv.slice(1)]).reply).toEqual({ t: 'int', v: 0 });
  });

  it('an empty command name is an unknown command', () => {
    const e2 = fresh();
    const c = e2.connect();
    expect(e2.exec(c, ['']).reply).toEqual({ t: 'error', v: "ERR unknown command '', with args beginning with: " });
  });
});

describe('Engine: faults inside a handler', () => {
  it('become an ERR reply and leave the rest of the state alone', () => {
    const e = fresh();
    const c = e.connect();
    e.exec(c, ['SET', 'safe', 'v']);
    // A corrupted value makes LLEN fail inside the handler.
    e.dbs[0].keys.set('broken', { type: 'list', v: null as unknown as string[] });
    const r = e.exec(c, ['LLEN', 'broken']).reply as ErrorReply;
    expect(r.t).toBe('error');
    expect(r.v.startsWith('ERR internal error: ')).toBe(true);
    expect(e.exec(c, ['GET', 'safe']).reply).toBe('v');
  });
});

describe('Engine: unknown command text', () => {
  it('clips the name to 128 bytes and the arguments to about 128 bytes in all', () => {
    const e = fresh();
    const c = e.connect();
    const name = 'x'.repeat(200);
    const r = e.exec(c, [name, 'a'.repeat(100), 'b'.repeat(100), 'c']).reply;
    expect(r).toEqual({
      t: 'error',
      v: `ERR unknown command '${'x'.repeat(128)}', with args beginning with: '${'a'.repeat(100)}' '${'b'.repeat(25)}' `,
    });
  });

  it('replaces newlines so the protocol stays intact', () => {
    const e = fresh();
    const c = e.connect();
    expect(e.exec(c, ['fo\r\no']).reply).toEqual({ t: 'error', v: "ERR unknown command 'fo  o', with args beginning with: " });
  });
});

describe('Engine: total_error_replies', () => {
  it('counts unknown commands, arity and type errors, errors inside EXEC, and an UNBLOCK ERROR', () => {
    const e = fresh();
    const c = e.connect();
    const blocked = e.connect();
    e.exec(c, ['CONFIG', 'RESETSTAT']);
    e.exec(c, ['NOPE']); // 1
    e.exec(c, ['GET']); // 2
    e.exec(c, ['SET', 'k', 'v']);
    e.exec(c, ['LPUSH', 'k', 'x']); // 3
    e.exec(c, ['MULTI']);
    e.exec(c, ['INCR', 'k']);
    e.exec(c, ['EXEC']); // 4: the INCR inside
    e.exec(blocked, ['BLPOP', 'q', '0']);
    e.exec(c, ['CLIENT', 'UNBLOCK', String(blocked), 'ERROR']); // 5: the blocked client's reply
    expect(infoField(e, c, 'stats', 'total_error_replies')).toBe('5');
  });

  it('CONFIG RESETSTAT zeroes it', () => {
    const e = fresh();
    const c = e.connect();
    e.exec(c, ['NOPE']);
    e.exec(c, ['CONFIG', 'RESETSTAT']);
    expect(infoField(e, c, 'stats', 'total_error_replies')).toBe('0');
  });
});

describe('Engine: INFO reflects the engine', () => {
  it('clients, blocked clients, dirty counter, expired keys and the version', () => {
    const e = new Engine({ clock: new VirtualClock(), profile: 'redis-7.0' });
    const c = e.connect();
    const b = e.connect();
    e.exec(b, ['BLPOP', 'q', '0']);
    e.exec(c, ['SET', 'a', '1', 'PX', '10']);
    e.exec(c, ['SET', 'b', '1']);
    e.advance(10);
    expect(infoField(e, c, 'server', 'redis_version')).toBe('7.0.15');
    expect(infoField(e, c, 'clients', 'connected_clients')).toBe('2');
    expect(infoField(e, c, 'clients', 'blocked_clients')).toBe('1');
    expect(infoField(e, c, 'persistence', 'rdb_changes_since_last_save')).toBe('2');
    expect(infoField(e, c, 'stats', 'expired_keys')).toBe('1');
    expect(infoField(e, c, 'keyspace', 'db0')).toBe('keys=1,expires=0,avg_ttl=0');
    expect(Number(infoField(e, c, 'memory', 'used_memory'))).toBe(e.usedMemory());
  });

  it('is a verbatim string for RESP3 clients', () => {
    const e = fresh();
    const c = e.connect();
    e.exec(c, ['HELLO', '3']);
    expect(e.exec(c, ['INFO', 'cluster']).reply).toEqual({ t: 'verbatim', format: 'txt', v: '# Cluster\r\ncluster_enabled:0\r\n' });
  });
});

describe('Engine: events from keyspace commands', () => {
  it('FLUSHALL emits db-flushed; RENAME emits key-renamed; CONFIG SET emits config-changed', () => {
    const e = fresh();
    const c = e.connect();
    e.exec(c, ['SET', 'a', '1']);
    expect(e.exec(c, ['RENAME', 'a', 'b']).events).toContainEqual({ type: 'key-renamed', db: 0, from: 'a', to: 'b' });
    expect(e.exec(c, ['FLUSHALL']).events).toContainEqual({ type: 'db-flushed', db: 'all' });
    expect(e.exec(c, ['CONFIG', 'SET', 'maxmemory', '1mb']).events).toContainEqual({
      type: 'config-changed',
      name: 'maxmemory',
      value: '1048576',
    });
  });

  it('SET over a stream reports the stream as overwritten', () => {
    const e = fresh();
    const c = e.connect();
    e.exec(c, ['XADD', 's', '1-0', 'f', 'v']);
    expect(e.exec(c, ['SET', 's', 'x']).events).toContainEqual({ type: 'key-deleted', db: 0, key: 's', cause: 'overwritten' });
  });
});

describe('SCAN: a full iteration returns every stable key once', () => {
  it('even while other keys come and go', () => {
    const e = fresh();
    const c = e.connect();
    const stable = Array.from({ length: 300 }, (_, i) => `key:${i}`);
    for (const k of stable) e.exec(c, ['SET', k, '1']);
    const seen = new Map<string, number>();
    let cursor = '0';
    let step = 0;
    do {
      const r = e.exec(c, ['SCAN', cursor, 'COUNT', '7']).reply;
      if (!r || !isArrayReply(r)) throw new Error('SCAN reply');
      const [cur, keys] = r;
      if (typeof cur !== 'string' || !isArrayReply(keys)) throw new Error('SCAN shape');
      for (const k of keys) if (typeof k === 'string') seen.set(k, (seen.get(k) ?? 0) + 1);
      cursor = cur;
      e.exec(c, ['SET', `churn:${step}`, '1']);
      e.exec(c, ['DEL', `churn:${step - 3}`]);
      step++;
    } while (cursor !== '0' && step < 10_000);
    expect(cursor).toBe('0');
    for (const k of stable) expect(seen.get(k), k).toBe(1);
  });
});

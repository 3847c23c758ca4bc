/**
 * A seeded generator of the commands around streams (strings, lists, sets, keys, expiry, databases, transactions)
 * for the random differential test: valid and invalid, over keys whose types collide, so WRONGTYPE, type changes,
 * RENAME, expiry and MULTI/EXEC/WATCH meet each other. It never blocks for long (BLPOP waits 10 ms outside MULTI),
 * and expiry times are either far away or already past, so every reply is deterministic except the ones
 * `normaliseSession` evens out (running TTLs, the order of a hashtable's members or keys, which Redis randomises per
 * process, and HELLO's connection id).
 */

import { Chooser } from '../../engine/testing/prng.ts';
import { replyEnd } from './raw-client.ts';
import { evenHelloId } from './replay.ts';

const KEYS = ['a', 'b', 'l', 'set', 'st', 'nokey'];
const VALUES = ['1', '10', '-3', 'x', 'hello', '', '9223372036854775807', '007', '3.5', '18446744073709551616'];
const GARBAGE = ['', 'NX', 'XX', 'GET', 'EX', 'PX', 'KEEPTTL', '-1', '0', 'abc', '1.5', 'GT', 'LT', '99999999999999999999'];

/**
 * Commands whose replies depend on the clock, a hashtable's order or the connection's id: kept out of MULTI, where
 * their replies would sit inside EXEC's (see normaliseSession).
 */
const UNSTABLE = new Set(['TTL', 'PTTL', 'SMEMBERS', 'KEYS', 'SCAN', 'HELLO']);

export class SessionCommandGen extends Chooser {
  /** Inside MULTI (the generator made MULTI and has not made EXEC or DISCARD since). */
  private inMulti = false;

  private key(): string {
    return this.chance(0.9) ? this.pick(KEYS.slice(0, 5)) : this.pick(KEYS);
  }
  private value(): string {
    return this.chance(0.1) ? this.pick(GARBAGE) : this.pick(VALUES);
  }

  /** One command. */
  next(): string[] {
    for (;;) {
      const cmd = this.command();
      const name = cmd[0].toUpperCase();
      if (this.inMulti && UNSTABLE.has(name)) continue;
      // `MULTI x` starts nothing and `DISCARD x` ends nothing; any EXEC ends the transaction (`EXEC x` aborts it).
      if (cmd.length === 1 && name === 'MULTI') this.inMulti = true;
      if (name === 'EXEC' || (cmd.length === 1 && name === 'DISCARD')) this.inMulti = false;
      return cmd;
    }
  }

  private command(): string[] {
    const k = this.key();
    switch (this.int(33)) {
      case 0: case 1: {
        const opts: string[] = [];
        if (this.chance(0.2)) opts.push(this.pick(['NX', 'XX']));
        if (this.chance(0.15)) opts.push('GET');
        const ttl = this.int(8);
        if (ttl === 0) opts.push('EX', this.pick(['1000', '0', '-5', 'x']));
        if (ttl === 1) opts.push('PX', this.pick(['1000000', '0']));
        if (ttl === 2) opts.push('KEEPTTL');
        if (this.chance(0.05)) opts.push(this.pick(GARBAGE));
        return ['SET', k, this.value(), ...opts];
      }
      case 2: case 3:
        return ['GET', k];
      case 4:
        return this.pick([['INCR', k], ['DECR', k]]);
      case 5:
        return [this.pick(['INCRBY', 'DECRBY']), k, this.value()];
      case 6: case 7:
        return [this.pick(['LPUSH', 'RPUSH']), k, ...Array.from({ length: 1 + this.int(3) }, () => this.value())];
      case 8:
        return [this.pick(['LPOP', 'RPOP']), k, ...(this.chance(0.4) ? [this.pick(['0', '1', '2', '5', '-1', 'x'])] : [])];
      case 9:
        return ['LRANGE', k, this.pick(['0', '1', '-1', '-2', '5', 'x']), this.pick(['-1', '0', '2', '-3', '100'])];
      case 10:
        return ['LLEN', k];
      case 11: case 12:
        return ['SADD', k, ...Array.from({ length: 1 + this.int(3) }, () => this.value())];
      case 13:
        return ['SREM', k, this.value(), ...(this.chance(0.3) ? [this.value()] : [])];
      case 14:
        return this.pick([['SMEMBERS', k], ['SCARD', k], ['SISMEMBER', k, this.value()]]);
      case 15:
        return [this.pick(['DEL', 'UNLINK']), k, ...(this.chance(0.3) ? [this.key()] : [])];
      case 16:
        return this.pick([['EXISTS', k, this.key(), k], ['TYPE', k], ['DBSIZE'], ['KEYS', this.pick(['*', '?', 'a*', '[ab]', 's*'])]]);
      case 17:
        return [this.pick(['RENAME', 'RENAMENX']), k, this.key()];
      case 18: {
        // GT and LT only with absolute times (case 20): relative ones compare now + t with a deadline set from an
        // earlier now, and whether the two nows fall in the same millisecond differs between the servers.
        const opt = this.chance(0.3) ? [this.pick(['NX', 'XX', 'BOGUS'])] : [];
        return [this.pick(['EXPIRE', 'PEXPIRE']), k, this.pick(['100000', '1000000', '0', '-1', 'x']), ...opt];
      }
      case 19:
        return this.pick([['TTL', k], ['PTTL', k], ['PERSIST', k]]);
      case 20: {
        // Far-future deadlines (year 5138) or past ones (which delete the key), each a fixed instant.
        const seconds = this.chance(0.5);
        const at = seconds ? this.pick(['1', '0', '99999999999', '99999999990', '-1']) : this.pick(['1', '99999999999999', '99999999990000', '-1']);
        const opt = this.chance(0.4) ? [this.pick(['GT', 'LT', 'NX', 'XX'])] : [];
        return [seconds ? 'EXPIREAT' : 'PEXPIREAT', k, at, ...opt];
      }
      case 21:
        return ['SELECT', this.pick(['0', '0', '1', '2', '16', 'x'])];
      case 22:
        return this.chance(0.1) ? ['FLUSHDB'] : ['SELECT', '0'];
      case 23:
        return ['MULTI'];
      case 24:
        return [this.pick(['EXEC', 'EXEC', 'DISCARD'])];
      case 25:
        return this.chance(0.5) ? ['WATCH', k, ...(this.chance(0.3) ? [this.key()] : [])] : ['UNWATCH'];
      case 26:
        // A stream among the other types, so their commands meet WRONGTYPE and TYPE says "stream".
        return this.pick([['XADD', k, '*', 'f', 'v'].map((x) => (x === '*' ? `${1 + this.int(9)}-${this.int(3)}` : x)), ['XLEN', k]]);
      case 27:
        // Inside MULTI BLPOP does not block. Outside, its 10 ms timeout at most delays the pipeline (no other
        // client pushes), and both servers then answer nil.
        return ['BLPOP', k, this.key(), '0.01'];
      case 28:
        return this.pick([['PING'], ['ECHO', this.value()], ['PING', 'hi']]);
      case 29:
        // RESP3 from here on (both servers), until HELLO 2; every later reply is compared in the new protocol.
        return this.chance(0.7) ? ['HELLO', this.pick(['2', '3', '3', '4', 'x'])] : ['SCAN', '0', 'COUNT', '1000', ...this.pick([[], ['MATCH', '[ab]*'], ['TYPE', this.pick(['string', 'list', 'set', 'stream', 'zset'])]])];
      default: {
        // Garbage: wrong arities and stray arguments on the same commands.
        const base = this.pick([['SET'], ['GET', k, 'x'], ['LPUSH', k], ['LRANGE', k, '0'], ['SADD', k], ['EXPIRE', k], ['RENAME', k], ['SELECT'], ['INCRBY', k], ['MULTI', 'x'], ['EXEC', 'x'], ['WATCH'], ['TYPE']]);
        for (let n = this.int(3); n > 0; n--) base.push(this.pick(GARBAGE));
        return base;
      }
    }
  }
}

/** An array's (or RESP3 set's) elements, sorted (for replies whose order Redis does not define). */
function sortedArray(reply: string): string {
  const m = /^[*~](\d+)\r\n/.exec(reply);
  if (!m) return reply;
  const items: string[] = [];
  let at = m[0].length;
  for (let i = 0; i < Number(m[1]); i++) {
    const end = replyEnd(reply, at);
    if (end < 0) return reply;
    items.push(reply.slice(at, end));
    at = end;
  }
  return m[0] + items.sort().join('') + reply.slice(at);
}

/**
 * Even out what no two servers can agree on: a TTL or PTTL still running (its value depends on when each server ran
 * the command), the order of SMEMBERS, KEYS and SCAN (a hashtable's, randomised by Redis's hash seed), and the
 * connection id in HELLO's reply.
 */
export function normaliseSession(argv: readonly string[], reply: string): string {
  const name = argv[0].toUpperCase();
  if ((name === 'TTL' || name === 'PTTL') && /^:[1-9]\d*\r\n$/.test(reply)) return ':1\r\n';
  if (name === 'SMEMBERS' || name === 'KEYS') return sortedArray(reply);
  // SCAN's keys, after its cursor (a small keyspace is scanned in one call: the cursor is 0 on both).
  const scan = name === 'SCAN' ? /^\*2\r\n\$\d+\r\n\d+\r\n/.exec(reply) : null;
  if (scan) return scan[0] + sortedArray(reply.slice(scan[0].length));
  // HELLO's server map carries the connection's id, which differs between the two servers.
  if (name === 'HELLO') return evenHelloId(reply);
  return reply;
}

/**
 * A seeded generator of stream commands for the random differential test: valid and invalid, over a few keys,
 * groups and consumers, always with explicit IDs so every reply is deterministic on any server.
 */

import { Chooser } from '../../engine/testing/prng.ts';

const KEYS = ['s1', 's2', 's3', 'str', 'nokey'];
const GROUPS = ['g1', 'g2', 'nogroup'];
const CONSUMERS = ['c1', 'c2', 'c3'];
const GARBAGE = ['', 'abc', '-1', '0', '0-0', '1-', '-', '+', '$', '>', '18446744073709551615-18446744073709551615', '18446744073709551616', '1.5', 'COUNT', 'LIMIT', '~', '=', '(0-1', '9999999999999999999999'];

export class StreamCommandGen extends Chooser {
  /** Highest ms used per key, so most generated IDs go forward. */
  private readonly lastMs = new Map<string, number>();
  /** IDs generated per key (some were refused; that is fine, they still make good arguments). */
  private readonly ids = new Map<string, string[]>();

  private key(): string {
    return this.chance(0.85) ? this.pick(KEYS.slice(0, 3)) : this.pick(KEYS);
  }
  private group(): string {
    return this.chance(0.9) ? this.pick(GROUPS.slice(0, 2)) : this.pick(GROUPS);
  }

  /** A new ID for XADD: usually after the last one, sometimes equal or older (an error), sometimes `ms-*`. */
  private newId(key: string): string {
    const last = this.lastMs.get(key) ?? 0;
    const roll = this.int(10);
    let id: string;
    if (roll < 6) {
      const ms = last + this.int(3);
      id = this.chance(0.5) ? `${ms}-${this.int(4)}` : `${ms}-*`;
      this.lastMs.set(key, Math.max(last, ms));
    } else if (roll < 8) {
      const ms = last + 1 + this.int(5);
      id = String(ms);
      this.lastMs.set(key, ms);
    } else if (roll < 9) {
      id = `${Math.max(0, last - this.int(3))}-${this.int(3)}`;
    } else {
      id = this.pick(GARBAGE);
    }
    const list = this.ids.get(key) ?? [];
    list.push(id.replace('-*', '-0'));
    if (list.length > 50) list.shift();
    this.ids.set(key, list);
    return id;
  }

  /** An ID argument that likely exists, or a range bound. */
  private someId(key: string, bounds = false): string {
    const roll = this.int(10);
    const list = this.ids.get(key) ?? [];
    if (roll < 6 && list.length > 0) return this.pick(list);
    if (roll < 8) return `${this.int((this.lastMs.get(key) ?? 0) + 2)}-${this.int(3)}`;
    if (bounds && roll < 9) return this.pick(['-', '+']);
    return this.pick(GARBAGE);
  }

  private trimArgs(): string[] {
    const out: string[] = [this.chance(0.6) ? 'MAXLEN' : 'MINID'];
    const approx = this.int(3);
    if (approx === 1) out.push('~');
    if (approx === 2) out.push('=');
    out.push(out[0] === 'MAXLEN' ? String(this.int(12)) : `${this.int(20)}`);
    if (approx === 1 && this.chance(0.3)) out.push('LIMIT', String(this.int(20)));
    if (this.chance(0.03)) out.push(this.pick(GARBAGE));
    return out;
  }

  private fields(): string[] {
    const out: string[] = [];
    for (let n = 1 + this.int(3); n > 0; n--) out.push(this.pick(['f', 'g', 'h', 'name', '']), String(this.int(1000)));
    if (this.chance(0.03)) out.pop();
    return out;
  }

  private readIds(n: number): string[] {
    return Array.from({ length: n }, () => this.pick(['>', '>', '0', '0-0', '$', '+', 'x']));
  }

  /** One command. */
  next(): string[] {
    const key = this.key();
    const g = this.group();
    const c = this.pick(CONSUMERS);
    const count = () => (this.chance(0.5) ? ['COUNT', String(this.int(6) - (this.chance(0.05) ? 2 : 0))] : []);
    switch (this.int(30)) {
      case 0: case 1: case 2: case 3: case 4: case 5: case 6: {
        const opts: string[] = [];
        if (this.chance(0.1)) opts.push('NOMKSTREAM');
        if (this.chance(0.25)) opts.push(...this.trimArgs());
        return ['XADD', key, ...opts, this.newId(key), ...this.fields()];
      }
      case 7: case 8:
        return ['XRANGE', key, this.someId(key, true), this.someId(key, true), ...count()];
      case 9:
        return ['XREVRANGE', key, this.someId(key, true), this.someId(key, true), ...count()];
      case 10:
        return ['XLEN', key];
      case 11:
        return ['XDEL', key, ...Array.from({ length: 1 + this.int(3) }, () => this.someId(key))];
      case 12:
        return ['XTRIM', key, ...this.trimArgs()];
      case 13: {
        const extra = this.chance(0.3) ? ['MKSTREAM'] : [];
        if (this.chance(0.2)) extra.push('ENTRIESREAD', String(this.int(10) - 1));
        return ['XGROUP', 'CREATE', key, g, this.chance(0.3) ? '$' : this.someId(key), ...extra];
      }
      case 14:
        return ['XGROUP', 'SETID', key, g, this.chance(0.3) ? '$' : this.someId(key), ...(this.chance(0.2) ? ['ENTRIESREAD', String(this.int(10))] : [])];
      case 15:
        return this.chance(0.3) ? ['XGROUP', 'DESTROY', key, g] : ['XGROUP', 'CREATECONSUMER', key, g, c];
      case 16:
        return ['XGROUP', 'DELCONSUMER', key, g, c];
      case 17: case 18: case 19: {
        const keys = this.chance(0.8) ? [key] : [key, this.key()];
        const noack = this.chance(0.1) ? ['NOACK'] : [];
        return ['XREADGROUP', 'GROUP', g, c, ...count(), ...noack, 'STREAMS', ...keys, ...this.readIds(keys.length)];
      }
      case 20:
        return ['XREAD', ...count(), 'STREAMS', key, this.pick(['0', '0-0', this.someId(key)])];
      case 21: case 22:
        return ['XACK', key, g, ...Array.from({ length: 1 + this.int(3) }, () => this.someId(key))];
      case 23:
        return ['XPENDING', key, g];
      case 24: {
        const consumer = this.chance(0.4) ? [c] : [];
        const idle = this.chance(0.2) ? ['IDLE', '0'] : [];
        return ['XPENDING', key, g, ...idle, this.someId(key, true), this.someId(key, true), String(this.int(8) - (this.chance(0.05) ? 3 : 0)), ...consumer];
      }
      case 25: {
        const ids = Array.from({ length: 1 + this.int(3) }, () => this.someId(key));
        const opts = this.chance(0.7) ? ['JUSTID'] : [];
        if (this.chance(0.1)) opts.push('FORCE');
        if (this.chance(0.1)) opts.push('RETRYCOUNT', String(this.int(5)));
        return ['XCLAIM', key, g, c, '0', ...ids, ...opts];
      }
      case 26:
        return ['XAUTOCLAIM', key, g, c, '0', this.pick(['0', '0-0', this.someId(key)]), ...count(), ...(this.chance(0.5) ? ['JUSTID'] : [])];
      case 27:
        return this.chance(0.6) ? ['XINFO', 'STREAM', key] : ['XINFO', 'GROUPS', key];
      case 28:
        // HELLO 3 makes every later reply RESP3 (maps for XINFO and XREAD), until HELLO 2.
        return this.pick([['DEL', key], ['TYPE', key], ['EXISTS', key, this.key()], ['SET', 'str', 'x'], ['HELLO', this.pick(['2', '3'])]]);
      default: {
        // Garbage: wrong arities, unknown options and subcommands, stray arguments.
        const base = this.pick([['XADD', key], ['XRANGE', key], ['XGROUP', this.pick(['CREATE', 'HELP', 'BOGUS', 'SETID'])], ['XINFO', this.pick(['STREAM', 'BOGUS'])], ['XREADGROUP', 'GROUP'], ['XACK', key], ['XPENDING', key, g], ['XCLAIM', key, g], ['XTRIM', key], ['XAUTOCLAIM', key]]);
        for (let n = this.int(5); n > 0; n--) base.push(this.chance(0.5) ? this.pick(GARBAGE) : this.someId(key, true));
        return base;
      }
    }
  }
}

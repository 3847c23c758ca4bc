/**
 * Server configuration parameters the engine knows (CONFIG GET/SET). Stream parameters change behaviour; the rest
 * are readable so tools that probe them get Redis's answers.
 */

export interface ConfigParam {
  readonly name: string;
  /** Parses and validates a new value; returns the canonical string or an error message (without `ERR `). */
  readonly parse: (v: string) => { ok: true; value: string } | { ok: false; message: string };
  readonly initial: string;
  /** Read-only parameters answer CONFIG SET with an error. */
  readonly immutable?: boolean;
  /** Protected parameters (enable-protected-configs no) refuse CONFIG SET too, with another text. */
  readonly protectedConfig?: boolean;
  /** The value CONFIG GET shows for a stored value, when Redis normalises it (hz is clamped to 1..500). */
  readonly show?: (stored: string) => string;
}

/** Integers as string2ll reads them (no `+`, no leading zeros), range-checked exactly with bigints. */
const intParam = (name: string, initial: number, min: number | bigint, max: number | bigint): ConfigParam => ({
  name,
  initial: String(initial),
  parse: (v) => {
    if (!/^(0|-?[1-9]\d{0,18})$/.test(v)) return { ok: false, message: `argument couldn't be parsed into an integer` };
    const n = BigInt(v);
    if (n < -9223372036854775808n || n > 9223372036854775807n) {
      return { ok: false, message: `argument couldn't be parsed into an integer` };
    }
    if (n < BigInt(min) || n > BigInt(max)) return { ok: false, message: `argument must be between ${min} and ${max} inclusive` };
    return { ok: true, value: String(n) };
  },
});

/** Memory sizes accept plain bytes and b/k/kb/m/mb/g/gb suffixes, as Redis's memtoull. */
const memParam = (name: string, initial: number): ConfigParam => ({
  name,
  initial: String(initial),
  parse: (v) => {
    const m = /^(\d+)(b|k|kb|m|mb|g|gb)?$/i.exec(v);
    if (!m) return { ok: false, message: `argument must be a memory value` };
    const unit = (m[2] ?? '').toLowerCase();
    const mult: Record<string, number> = { '': 1, b: 1, k: 1000, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 };
    return { ok: true, value: String(Number(m[1]) * mult[unit]) };
  },
});

const enumParam = (name: string, initial: string, values: readonly string[]): ConfigParam => ({
  name,
  initial,
  parse: (v) =>
    values.includes(v.toLowerCase())
      ? { ok: true, value: v.toLowerCase() }
      : { ok: false, message: `argument(s) must be one of the following: ${values.join(', ')}` },
});

const boolParam = (name: string, initial: boolean): ConfigParam => ({
  name,
  initial: initial ? 'yes' : 'no',
  parse: (v) =>
    /^(yes|no)$/i.test(v) ? { ok: true, value: v.toLowerCase() } : { ok: false, message: `argument must be 'yes' or 'no'` },
});

const stringParam = (name: string, initial: string, immutable = false): ConfigParam => ({
  name,
  initial,
  immutable,
  parse: (v) => ({ ok: true, value: v }),
});

const protectedParam = (name: string, initial: string): ConfigParam => ({
  name,
  initial,
  protectedConfig: true,
  parse: (v) => ({ ok: true, value: v }),
});

/** `save`: pairs of "seconds changes", or empty. */
const saveParam: ConfigParam = {
  name: 'save',
  initial: '3600 1 300 100 60 10000',
  parse: (v) => {
    const parts = v.split(' ').filter((x) => x !== '');
    if (parts.length % 2 !== 0 || !parts.every((x) => /^\d+$/.test(x))) return { ok: false, message: 'Invalid save parameters' };
    return { ok: true, value: parts.join(' ') };
  },
};

/** notify-keyspace-events: a set of class characters, shown canonically (keyspaceEventsFlagsToString). */
const NOTIFY_CLASSES = 'g$lshzxetd'; // what `A` stands for
const notifyParam: ConfigParam = {
  name: 'notify-keyspace-events',
  initial: '',
  parse: (v) => {
    const flags = new Set<string>();
    for (const ch of v) {
      if (ch === 'A') for (const c of NOTIFY_CLASSES) flags.add(c);
      else if ('g$lshzxeKEtmdn'.includes(ch)) flags.add(ch);
      else return { ok: false, message: `Invalid event class character. Use 'Ag$lshzxeKEtmdn'.` };
    }
    let out = '';
    if ([...NOTIFY_CLASSES].every((c) => flags.has(c))) out = 'A';
    else for (const c of 'g$lshzxetdn') if (flags.has(c)) out += c;
    if (out === 'A' && flags.has('n')) out += 'n';
    for (const c of 'KEm') if (flags.has(c)) out += c;
    return { ok: true, value: out };
  },
};

export const CONFIG_PARAMS: readonly ConfigParam[] = [
  intParam('stream-node-max-entries', 100, 0, 9223372036854775807n),
  memParam('stream-node-max-bytes', 4096),
  intParam('stream-idmp-duration', 100, 1, 86400),
  intParam('stream-idmp-maxsize', 100, 1, 10000),
  memParam('maxmemory', 0),
  enumParam('maxmemory-policy', 'noeviction', [
    'volatile-lru',
    'volatile-lfu',
    'volatile-random',
    'volatile-ttl',
    'allkeys-lru',
    'allkeys-lfu',
    'allkeys-random',
    'noeviction',
  ]),
  { ...intParam('databases', 16, 1, 16), immutable: true },
  intParam('port', 6379, 0, 65535),
  stringParam('bind', '127.0.0.1 -::1'),
  intParam('timeout', 0, 0, 2147483647),
  intParam('tcp-keepalive', 300, 0, 2147483647),
  { ...intParam('hz', 10, 0, 2147483647), show: (v) => String(Math.min(500, Math.max(1, Number(v)))) },
  boolParam('appendonly', false),
  saveParam,
  protectedParam('dir', '/data'),
  protectedParam('dbfilename', 'dump.rdb'),
  enumParam('loglevel', 'notice', ['debug', 'verbose', 'notice', 'warning']),
  notifyParam,
  intParam('slowlog-log-slower-than', 10000, -1, 9223372036854775807n),
  intParam('slowlog-max-len', 128, 0, 2147483647),
  intParam('maxclients', 10000, 1, 2147483647),
  intParam('list-max-listpack-size', -2, -5, 2147483647),
  intParam('set-max-intset-entries', 512, 0, 2147483647),
  intParam('set-max-listpack-entries', 128, 0, 9223372036854775807n),
  intParam('set-max-listpack-value', 64, 0, 9223372036854775807n),
  intParam('lua-time-limit', 5000, 0, 2147483647),
  boolParam('protected-mode', true),
  boolParam('lazyfree-lazy-user-flush', false),
  enumParam('appendfsync', 'everysec', ['always', 'everysec', 'no']),
  intParam('maxmemory-samples', 5, 1, 64),
  intParam('busy-reply-threshold', 5000, 0, 2147483647),
  intParam('proto-max-bulk-len', 512 * 1024 * 1024, 1024 * 1024, 2147483647),
  stringParam('requirepass', ''),
];

/** The live configuration of one engine. */
export class Config {
  private readonly values = new Map<string, string>();
  /** Parsed numbers of `values`, filled on first read (parsing on every read showed up in profiles). */
  private readonly ints = new Map<string, number>();
  /** The parameters every XADD or denyoom command reads, kept as plain numbers. */
  nodeMaxEntries = 0;
  nodeMaxBytes = 0;
  maxMemory = 0;

  constructor() {
    for (const p of CONFIG_PARAMS) this.values.set(p.name, p.initial);
    this.refreshHot();
  }

  private refreshHot(): void {
    this.nodeMaxEntries = this.getInt('stream-node-max-entries');
    this.nodeMaxBytes = this.getInt('stream-node-max-bytes');
    this.maxMemory = this.getInt('maxmemory');
  }
  get(name: string): string | undefined {
    return this.values.get(name);
  }
  getInt(name: string): number {
    let n = this.ints.get(name);
    if (n === undefined) {
      n = Number(this.values.get(name) ?? 0);
      this.ints.set(name, n);
    }
    return n;
  }
  /** Set without validation (callers validated through the param's `parse`). */
  setRaw(name: string, value: string): void {
    this.values.set(name, value);
    this.ints.delete(name);
    this.refreshHot();
  }
  entries(): [string, string][] {
    return [...this.values.entries()];
  }
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
  restore(values: Record<string, string>): void {
    for (const [k, v] of Object.entries(values)) if (this.values.has(k)) this.values.set(k, v);
    this.ints.clear();
    this.refreshHot();
  }
}

export const findParam = (name: string): ConfigParam | undefined =>
  CONFIG_PARAMS.find((p) => p.name === name.toLowerCase());

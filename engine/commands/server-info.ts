/**
 * INFO [section ...] — the sections a Redis client or tool reads, with the fields that mean something here
 * (keys, clients, blocked clients, memory budget, dirty counter, command and error totals, expired keys). Fields
 * about the machine are plausible constants. A RESP3 client gets a verbatim string, as from Redis.
 */
import { verbatim, type Reply } from '../reply.ts';
import type { Ctx } from '../context.ts';
import type { TableEntry } from '../table.ts';

type Section = (ctx: Ctx) => [string, string | number][];

function human(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  const units = ['K', 'M', 'G', 'T'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(2)}${units[i]}`;
}

/** A stable 40-hex run id derived from the start time, so snapshots and replays agree. */
function runId(start: number): string {
  let h = '';
  let x = start >>> 0 || 1;
  while (h.length < 40) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    h += (x >>> 8).toString(16).padStart(6, '0');
  }
  return h.slice(0, 40);
}

const SECTIONS: Record<string, Section> = {
  server: (ctx) => {
    const up = Math.max(0, Math.floor((ctx.now - ctx.engine.stats.startTime) / 1000));
    return [
      ['redis_version', ctx.profile.version],
      ['redis_git_sha1', '00000000'],
      ['redis_git_dirty', 0],
      ['redis_mode', 'standalone'],
      ['os', 'Streams Playground'],
      ['arch_bits', 64],
      ['multiplexing_api', 'playground'],
      ['process_id', 1],
      ['run_id', runId(ctx.engine.stats.startTime)],
      ['tcp_port', ctx.config.get('port') ?? '6379'],
      ['server_time_usec', ctx.now * 1000],
      ['uptime_in_seconds', up],
      ['uptime_in_days', Math.floor(up / 86400)],
      ['hz', ctx.config.get('hz') ?? '10'],
      ['configured_hz', ctx.config.get('hz') ?? '10'],
      ['executable', ''],
      ['config_file', ''],
    ];
  },
  clients: (ctx) => [
    ['connected_clients', ctx.engine.clients.size],
    ['cluster_connections', 0],
    ['maxclients', ctx.config.get('maxclients') ?? '10000'],
    ['client_recent_max_input_buffer', 0],
    ['client_recent_max_output_buffer', 0],
    ['blocked_clients', ctx.engine.blocking.count],
    ['tracking_clients', 0],
    ['clients_in_timeout_table', [...ctx.engine.clients.values()].filter((c) => c.blocked && c.blocked.deadline > 0).length],
  ],
  memory: (ctx) => {
    const used = ctx.engine.usedMemory();
    const max = ctx.config.getInt('maxmemory');
    return [
      ['used_memory', used],
      ['used_memory_human', human(used)],
      ['used_memory_peak', used],
      ['used_memory_peak_human', human(used)],
      ['maxmemory', max],
      ['maxmemory_human', human(max)],
      ['maxmemory_policy', ctx.config.get('maxmemory-policy') ?? 'noeviction'],
      ['mem_allocator', 'libc'],
    ];
  },
  persistence: (ctx) => [
    ['loading', 0],
    ['async_loading', 0],
    ['rdb_changes_since_last_save', ctx.engine.stats.dirty],
    ['rdb_bgsave_in_progress', 0],
    ['rdb_last_save_time', Math.floor(ctx.engine.stats.lastSave / 1000)],
    ['rdb_last_bgsave_status', 'ok'],
    ['aof_enabled', ctx.config.get('appendonly') === 'yes' ? 1 : 0],
    ['aof_rewrite_in_progress', 0],
  ],
  stats: (ctx) => {
    const s = ctx.engine.stats;
    return [
      ['total_connections_received', s.totalConnections],
      ['total_commands_processed', s.totalCommands],
      ['instantaneous_ops_per_sec', 0],
      ['rejected_connections', 0],
      ['expired_keys', s.expiredKeys],
      ['evicted_keys', 0],
      ['keyspace_hits', s.keyspaceHits],
      ['keyspace_misses', s.keyspaceMisses],
      ['pubsub_channels', 0],
      ['pubsub_patterns', 0],
      ['unexpected_error_replies', 0],
      ['total_error_replies', s.totalErrors],
    ];
  },
  replication: () => [
    ['role', 'master'],
    ['connected_slaves', 0],
    ['master_repl_offset', 0],
  ],
  cpu: () => [
    ['used_cpu_sys', '0.000000'],
    ['used_cpu_user', '0.000000'],
  ],
  modules: () => [],
  errorstats: () => [],
  cluster: () => [['cluster_enabled', 0]],
  keyspace: (ctx) => {
    const out: [string, string][] = [];
    for (const db of ctx.engine.dbs) {
      if (db.size === 0) continue;
      let sum = 0;
      for (const at of db.expires.values()) sum += Math.max(0, at - ctx.now);
      const avg = db.expires.size > 0 ? Math.floor(sum / db.expires.size) : 0;
      let line = `keys=${db.size},expires=${db.expires.size},avg_ttl=${avg}`;
      if (ctx.has('info-subexpiry')) line += ',subexpiry=0';
      out.push([`db${db.index}`, line]);
    }
    return out;
  },
};

const TITLES: Record<string, string> = {
  server: 'Server',
  clients: 'Clients',
  memory: 'Memory',
  persistence: 'Persistence',
  stats: 'Stats',
  replication: 'Replication',
  cpu: 'CPU',
  modules: 'Modules',
  errorstats: 'Errorstats',
  cluster: 'Cluster',
  keyspace: 'Keyspace',
};

const DEFAULT = Object.keys(TITLES);

/** genRedisInfoString: each section is `# Title` plus `field:value` lines, CRLF-terminated, blank line between. */
export function infoText(ctx: Ctx, args: readonly string[]): string {
  const wanted = new Set<string>();
  if (args.length === 0) DEFAULT.forEach((s) => wanted.add(s));
  for (const a of args) {
    const s = a.toLowerCase();
    if (s === 'default' || s === 'all' || s === 'everything') DEFAULT.forEach((x) => wanted.add(x));
    else if (s in SECTIONS) wanted.add(s);
  }
  const parts: string[] = [];
  for (const s of DEFAULT) {
    if (!wanted.has(s)) continue;
    const lines = SECTIONS[s](ctx).map(([k, v]) => `${k}:${v}\r\n`);
    parts.push(`# ${TITLES[s]}\r\n${lines.join('')}`);
  }
  return parts.join('\r\n');
}

export const infoCommands: readonly TableEntry[] = [
  {
    name: 'info',
    arity: -1,
    flags: ['loading', 'stale'],
    handler: (ctx, argv): Reply => verbatim(infoText(ctx, argv.slice(1))),
  },
];

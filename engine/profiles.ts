/**
 * Server profiles: which Redis version the engine reproduces. Everything version-dependent is data here —
 * commands, options, reply fields and texts — and handlers ask `ctx.has(feature)` / `ctx.text(key)`.
 */

import { DEFAULT_PROFILE, PROFILE_NAMES, isProfileName, type ProfileName } from './profile-names.ts';

export { DEFAULT_PROFILE, PROFILE_NAMES, isProfileName, type ProfileName };

/** Behaviour that arrived in a given version (reference §1 and §5). */
export const FEATURE_SINCE = {
  /** XREAD `+` (last entry). */
  'xread-plus': '7.4',
  /** XINFO CONSUMERS `inactive`, FULL `active-time`, and the 7.2 meaning of `idle` / `seen-time`. */
  'consumer-active-time': '7.2',
  /** XREADGROUP creates the consumer even when it finds nothing to serve (7.0 created it only when serving). */
  'xreadgroup-eager-consumer': '7.2',
  /** A blocked XREADGROUP is re-executed when its key changes (NOGROUP / WRONGTYPE instead of UNBLOCKED). */
  'blocked-reexec': '7.2',
  /** Lag fix after trims (#13958). */
  'lag-after-trim-fix': '8.0',
  /** `ms-*` overflow reports "equal or smaller" instead of "Elements are too large". */
  'seq-star-overflow-fix': '7.2',
  /**
   * XSETID refuses an ID below max-deleted-entry-id (when MAXDELETEDID is not given). Absent on 7.0.15, present on
   * 8.0.6; the exact release in between is not known, 7.2 assumed.
   */
  'xsetid-max-deleted-check': '7.2',
  /** KEEPREF / DELREF / ACKED on XADD and XTRIM. */
  'trim-ref-policy': '8.2',
  /** XGROUP CREATE/SETID ENTRIESREAD clamped to entries-added. */
  'entriesread-clamp': '8.2',
  /** XREADGROUP CLAIM. */
  'xreadgroup-claim': '8.4',
  /** XADD IDMP / IDMPAUTO and the XINFO idmp-* fields. */
  idmp: '8.6',
  /** XINFO FULL group `nacked-count`; XPENDING NACKed entries. */
  xnack: '8.8',
  /** MAXCOUNT / MAXSIZE on XREAD / XREADGROUP. */
  'read-limits': '8.10',
  /** CLIENT SETINFO, CLIENT NO-TOUCH, and `lib-name=` / `lib-ver=` in CLIENT LIST. */
  'client-setinfo': '7.2',
  /** `watch=` in CLIENT LIST. */
  'client-list-watch': '7.4',
  /** `subexpiry=` (hash-field TTLs) in INFO keyspace lines. */
  'info-subexpiry': '7.4',
  /** `io-thread=`, `tot-net-in=`, `tot-net-out=`, `tot-cmds=` in CLIENT LIST. */
  'client-list-io-thread': '8.0',
} as const;

export type Feature = keyof typeof FEATURE_SINCE;

/** Commands that do not exist before a version; absent ones answer `unknown command`. */
export const COMMAND_SINCE: Readonly<Record<string, string>> = {
  xdelex: '8.2',
  xackdel: '8.2',
  xcfgset: '8.6',
  xidmprecord: '8.6',
  xnack: '8.8',
};

/** Configuration parameters that do not exist before a version. */
export const CONFIG_SINCE: Readonly<Record<string, string>> = {
  'set-max-listpack-entries': '7.2',
  'set-max-listpack-value': '7.2',
  'stream-idmp-duration': '8.6',
  'stream-idmp-maxsize': '8.6',
};

/** Texts that changed between versions: key → text per profile (the newest is the default). */
export const VERSIONED_TEXTS = {
  blockedKeyDeleted: {
    'redis-8': null, // re-executed: the handler's own error
    'redis-8.0': null,
    'redis-7.0': 'UNBLOCKED the stream key no longer exists',
  },
  blockedGroupDestroyed: {
    'redis-8': null,
    'redis-8.0': null,
    'redis-7.0': 'NOGROUP the consumer group this client was blocked on no longer exists',
  },
  /** The last line of every HELP reply (addReplyHelp): 7.0.15 says "Prints", newer servers "Print". */
  helpFooter: {
    'redis-8': '    Print this help.',
    'redis-8.0': '    Print this help.',
    'redis-7.0': '    Prints this help.',
  },
  /** XREAD with an odd number of STREAMS arguments (7.0 names the command in capitals, without `+`). */
  xreadUnbalanced: {
    'redis-8': "ERR Unbalanced 'xread' list of streams: for each stream key an ID, '+', or '$' must be specified.",
    'redis-8.0': "ERR Unbalanced 'xread' list of streams: for each stream key an ID, '+', or '$' must be specified.",
    'redis-7.0': "ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.",
  },
  /** XREADGROUP with an odd number of STREAMS arguments (7.0 shares XREAD's text). */
  xreadgroupUnbalanced: {
    'redis-8': "ERR Unbalanced 'xreadgroup' list of streams: for each stream key an ID or '>' must be specified.",
    'redis-8.0': "ERR Unbalanced 'xreadgroup' list of streams: for each stream key an ID or '>' must be specified.",
    'redis-7.0': "ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must be specified.",
  },
} as const satisfies Record<string, Record<ProfileName, string | null>>;

export type VersionedText = keyof typeof VERSIONED_TEXTS;

export interface Profile {
  readonly name: ProfileName;
  /** What INFO reports as redis_version. */
  readonly version: string;
  has(feature: Feature): boolean;
  hasCommand(name: string): boolean;
  hasConfig(name: string): boolean;
  text(key: VersionedText): string | null;
}

const VERSIONS: Record<ProfileName, string> = {
  'redis-8': '8.10.0',
  'redis-8.0': '8.0.6',
  'redis-7.0': '7.0.15',
};

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export function profile(name: ProfileName = DEFAULT_PROFILE): Profile {
  const version = VERSIONS[name];
  const atLeast = (v: string) => compareVersions(version, v) >= 0;
  const features = new Set(
    (Object.keys(FEATURE_SINCE) as Feature[]).filter((f) => atLeast(FEATURE_SINCE[f])),
  );
  /** Commands and configuration parameters newer than this version: the ones it does not have. */
  const newer = (since: Readonly<Record<string, string>>) => new Set(Object.keys(since).filter((k) => !atLeast(since[k])));
  const newerCommands = newer(COMMAND_SINCE);
  const newerConfigs = newer(CONFIG_SINCE);
  return {
    name,
    version,
    has: (f) => features.has(f),
    // Asked on every command: the answer is a set lookup, worked out once per profile.
    hasCommand: (cmd) => !newerCommands.has(cmd),
    hasConfig: (cfg) => !newerConfigs.has(cfg),
    text: (key) => VERSIONED_TEXTS[key][name],
  };
}

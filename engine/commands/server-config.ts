/** CONFIG GET / SET / RESETSTAT / REWRITE / HELP over engine/config.ts. */
import { CONFIG_PARAMS, findParam, type ConfigParam } from '../config.ts';
import { E } from '../errors.ts';
import { OK, bulk, error, map, status, type Reply } from '../reply.ts';
import type { Ctx } from '../context.ts';
import type { CommandDef, ContainerDef } from '../table.ts';
import { globMatch } from './glob.ts';

const ADMIN = ['admin', 'noscript', 'loading', 'stale'] as const;

const visible = (ctx: Ctx, p: ConfigParam): boolean => ctx.profile.hasConfig(p.name);
const shown = (ctx: Ctx, p: ConfigParam): string => {
  const v = ctx.config.get(p.name) ?? p.initial;
  return p.show ? p.show(v) : v;
};

/**
 * CONFIG GET parameter [parameter ...] — name/value pairs. A plain name is echoed as typed; glob patterns match
 * case-insensitively. Each parameter appears once.
 */
function configGet(ctx: Ctx, argv: readonly string[]): Reply {
  const seen = new Set<string>();
  const pairs: [Reply, Reply][] = [];
  for (let i = 2; i < argv.length; i++) {
    const pat = argv[i];
    if (!/[[*?]/.test(pat)) {
      const p = findParam(pat);
      if (!p || !visible(ctx, p) || seen.has(p.name)) continue;
      seen.add(p.name);
      pairs.push([bulk(pat), bulk(shown(ctx, p))]);
      continue;
    }
    for (const p of CONFIG_PARAMS) {
      if (seen.has(p.name) || !visible(ctx, p) || !globMatch(pat, p.name, true)) continue;
      seen.add(p.name);
      pairs.push([bulk(p.name), bulk(shown(ctx, p))]);
    }
  }
  return map(pairs);
}

const setFailed = (name: string, why: string) => error(`ERR CONFIG SET failed (possibly related to argument '${name}') - ${why}`);

/** CONFIG SET parameter value [parameter value ...] — all or nothing. */
function configSet(ctx: Ctx, argv: readonly string[]): Reply {
  if (argv.length % 2 !== 0) return error(E.syntax);
  const chosen: ConfigParam[] = [];
  for (let i = 2; i < argv.length; i += 2) {
    const p = findParam(argv[i]);
    if (!p || !visible(ctx, p)) return error(`ERR Unknown option or number of arguments for CONFIG SET - '${argv[i]}'`);
    if (p.immutable) return setFailed(p.name, "can't set immutable config");
    if (p.protectedConfig) return setFailed(p.name, "can't set protected config");
    if (chosen.includes(p)) return setFailed(p.name, 'duplicate parameter');
    chosen.push(p);
  }
  const values: string[] = [];
  for (let k = 0; k < chosen.length; k++) {
    const r = chosen[k].parse(argv[3 + 2 * k]);
    if (!r.ok) return setFailed(chosen[k].name, r.message);
    values.push(r.value);
  }
  for (let k = 0; k < chosen.length; k++) {
    ctx.config.setRaw(chosen[k].name, values[k]);
    ctx.emit({ type: 'config-changed', name: chosen[k].name, value: values[k] });
  }
  return OK;
}

const HELP = [
  'CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
  'HELP',
  '    Prints this help.',
];

const subcommands: readonly CommandDef[] = [
  { name: 'get', arity: -3, flags: ADMIN, handler: configGet },
  { name: 'set', arity: -4, flags: ADMIN, handler: configSet },
  {
    name: 'resetstat',
    arity: 2,
    flags: ADMIN,
    /** CONFIG RESETSTAT — zero the INFO counters (not the dirty counter). */
    handler: (ctx) => {
      const s = ctx.engine.stats;
      s.totalCommands = 0;
      s.totalErrors = 0;
      s.totalConnections = 0;
      s.expiredKeys = 0;
      s.keyspaceHits = 0;
      s.keyspaceMisses = 0;
      return OK;
    },
  },
  {
    name: 'rewrite',
    arity: 2,
    flags: ADMIN,
    /** CONFIG REWRITE — there is no config file to rewrite. */
    handler: () => error('ERR The server is running without a config file'),
  },
  { name: 'help', arity: 2, flags: ['loading', 'stale'], handler: () => HELP.map(status) },
];

export const configCommand: ContainerDef = { name: 'config', arity: -2, flags: [], subcommands };

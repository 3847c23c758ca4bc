/**
 * SCRIPT and FUNCTION answer as a Redis with no Lua engine and nothing loaded would: flushes succeed, lists are
 * empty, kills find nothing running. EVAL/FCALL are not offered.
 */
import { OK, array, error, fields, int, type Reply } from '../reply.ts';
import type { CommandDef, ContainerDef } from '../table.ts';

const flushModeOk = (argv: readonly string[]): boolean => argv.length === 2 || (argv.length === 3 && /^(sync|async)$/i.test(argv[2]));
const NOTBUSY = 'NOTBUSY No scripts in execution right now.';

const scriptSubs: readonly CommandDef[] = [
  {
    name: 'flush',
    arity: -2,
    flags: ['noscript'],
    /** SCRIPT FLUSH [ASYNC | SYNC] */
    handler: (_ctx, argv) => (flushModeOk(argv) ? OK : error('ERR SCRIPT FLUSH only support SYNC|ASYNC option')),
  },
  {
    name: 'exists',
    arity: -3,
    flags: ['noscript'],
    /** SCRIPT EXISTS sha1 [sha1 ...] — never loaded, so all zeros. */
    handler: (_ctx, argv) => array(argv.slice(2).map(() => int(0))),
  },
  { name: 'kill', arity: 2, flags: ['noscript', 'allow_busy'], handler: () => error(NOTBUSY) },
];

const functionSubs: readonly CommandDef[] = [
  {
    name: 'flush',
    arity: -2,
    flags: ['write', 'noscript'],
    /** FUNCTION FLUSH [ASYNC | SYNC] */
    handler: (_ctx, argv) => (flushModeOk(argv) ? OK : error('ERR FUNCTION FLUSH only supports SYNC|ASYNC option')),
  },
  {
    name: 'list',
    arity: -2,
    flags: ['noscript'],
    /** FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE] — no libraries. */
    handler: (_ctx, argv): Reply => {
      for (let i = 2; i < argv.length; i++) {
        const a = argv[i].toLowerCase();
        if (a === 'withcode') continue;
        if (a === 'libraryname' && i + 1 < argv.length) {
          i++;
          continue;
        }
        return error(`ERR Unknown argument ${argv[i]}`);
      }
      return array([]);
    },
  },
  { name: 'delete', arity: 3, flags: ['write', 'noscript'], handler: () => error('ERR Library not found') },
  { name: 'kill', arity: 2, flags: ['noscript', 'allow_busy'], handler: () => error(NOTBUSY) },
  {
    name: 'stats',
    arity: 2,
    flags: ['noscript', 'allow_busy'],
    /** FUNCTION STATS — nothing running, the Lua engine with no libraries. */
    handler: () =>
      fields([
        ['running_script', { t: 'null' }],
        ['engines', fields([['LUA', fields([['libraries_count', int(0)], ['functions_count', int(0)]])]])],
      ]),
  },
];

export const scriptingCommands: readonly ContainerDef[] = [
  { name: 'script', arity: -2, flags: [], subcommands: scriptSubs },
  { name: 'function', arity: -2, flags: [], subcommands: functionSubs },
];

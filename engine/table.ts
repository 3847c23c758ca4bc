/**
 * The command table: one entry per command (and per subcommand of a container such as XGROUP), carrying arity,
 * flags and the handler. Documentation (summary, since, complexity, argument spec) joins it from `docs/`, so
 * dispatch, arity errors, COMMAND, HELP, hints and completion all read one table.
 */
import type { Reply } from './reply.ts';
import type { Ctx } from './context.ts';

export type CommandFlag =
  | 'write'
  | 'readonly'
  | 'denyoom'
  | 'admin'
  | 'pubsub'
  | 'noscript'
  | 'blocking'
  | 'loading'
  | 'stale'
  | 'skip_monitor'
  | 'skip_slowlog'
  | 'fast'
  | 'no_auth'
  | 'may_replicate'
  | 'no_mandatory_keys'
  | 'no_multi'
  | 'allow_busy'
  | 'module'
  | 'sentinel';

/** A handler validates all its arguments first, then mutates; it returns a reply (errors are replies). */
export type Handler = (ctx: Ctx, argv: readonly string[]) => Reply;

/** Positions of key arguments (legacy first/last/step of COMMAND INFO); last < 0 counts from the end. */
export interface KeyPos {
  readonly first: number;
  readonly last: number;
  readonly step: number;
}

export interface CommandDef {
  /** Lower-case name: `xadd`, or for a subcommand just `create` (its full name is `xgroup|create`). */
  readonly name: string;
  /** Redis arity: > 0 exact argc, < 0 minimum argc; counts the command name (and the subcommand name). */
  readonly arity: number;
  readonly flags: readonly CommandFlag[];
  readonly keys?: KeyPos;
  readonly handler: Handler;
}

export interface ContainerDef {
  readonly name: string;
  readonly arity: number;
  readonly flags: readonly CommandFlag[];
  readonly subcommands: readonly CommandDef[];
}

export type TableEntry = CommandDef | ContainerDef;

export const isContainer = (e: TableEntry): e is ContainerDef => 'subcommands' in e;

/** A resolved command: what dispatch runs. */
export interface ResolvedCommand {
  readonly fullName: string; // 'xadd' or 'xgroup|create'
  readonly def: CommandDef;
  readonly container?: ContainerDef;
}

export class CommandTable {
  private readonly byName = new Map<string, TableEntry>();

  constructor(entries: readonly TableEntry[]) {
    for (const e of entries) {
      if (this.byName.has(e.name)) throw new Error(`duplicate command ${e.name}`);
      this.byName.set(e.name, e);
    }
  }

  get(name: string): TableEntry | undefined {
    return this.byName.get(name.toLowerCase());
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  entries(): TableEntry[] {
    return [...this.byName.values()];
  }
}

export function subcommand(c: ContainerDef, name: string): CommandDef | undefined {
  const lower = name.toLowerCase();
  return c.subcommands.find((s) => s.name === lower);
}

/** Redis's arity test (processCommand). */
export function arityOk(arity: number, argc: number): boolean {
  return arity > 0 ? argc === arity : argc >= -arity;
}

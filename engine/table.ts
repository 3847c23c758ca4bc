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
  /** The def's `denyoom` flag, read once (every call checks it). */
  readonly denyoom: boolean;
}

/** A command name as typed, found: its entry and, for a command without subcommands, what dispatch runs. */
export interface Spelled {
  readonly entry: TableEntry;
  readonly top: ResolvedCommand | null;
}

/** Distinct spellings remembered by `get` (`XADD`, `xadd`, `Xadd`…); past this, lookups just lower-case. */
const SPELLINGS_CACHED = 512;

export class CommandTable {
  private readonly byName = new Map<string, TableEntry>();
  private readonly bySpelling = new Map<string, Spelled>();
  /** One ResolvedCommand per command and subcommand, built on first use, keyed by the def. */
  private readonly resolvedByDef = new Map<CommandDef, ResolvedCommand>();

  constructor(entries: readonly TableEntry[]) {
    for (const e of entries) {
      if (this.byName.has(e.name)) throw new Error(`duplicate command ${e.name}`);
      this.byName.set(e.name, e);
    }
  }

  /** The entry for a command name in any letter case. */
  get(name: string): TableEntry | undefined {
    return this.spelled(name)?.entry;
  }

  /** The entry for a name as typed, with its resolved form when it has no subcommands (dispatch's one lookup). */
  spelled(name: string): Spelled | undefined {
    const hit = this.bySpelling.get(name);
    if (hit) return hit;
    const entry = this.byName.get(name.toLowerCase());
    if (!entry) return undefined;
    const found: Spelled = { entry, top: isContainer(entry) ? null : this.resolved(entry) };
    if (this.bySpelling.size < SPELLINGS_CACHED) this.bySpelling.set(name, found);
    return found;
  }

  /** The (shared, immutable) resolved form of a command or of a container's subcommand. */
  resolved(def: CommandDef, container?: ContainerDef): ResolvedCommand {
    let r = this.resolvedByDef.get(def);
    if (!r) {
      const fullName = container ? `${container.name}|${def.name}` : def.name;
      r = { fullName, def, container, denyoom: def.flags.includes('denyoom') };
      this.resolvedByDef.set(def, r);
    }
    return r;
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

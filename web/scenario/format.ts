/**
 * The scenario document: a versioned, JSON-safe recording of a playground session (clients, commands, clock
 * moves, notes) that replays to the same state with the same IDs on a virtual clock. FORMAT.md documents it.
 * Every way a scenario arrives goes through `restore()` (restore.ts), which validates against these types and limits.
 */
import type { EngineSnapshot, ProfileName } from '../../engine/index.ts';

/** The version this build writes. Older versions are migrated on the way in (migrate.ts). */
export const SCENARIO_VERSION = 2;

export interface ClockSpec {
  /** Unix ms where the virtual clock starts (ignored on a real clock). */
  readonly start: number;
  readonly mode: 'virtual' | 'real';
  /** Virtual ms added after every command (0 = time stands still between commands). */
  readonly stepPerCommand: number;
}

/** A command typed into a client's console; `command` is the line as typed (redis-cli quoting, UTF-8 text). */
export interface CommandStep {
  readonly client: string;
  readonly command: string;
}
/** Move the virtual clock by `advance` ms (fires BLOCK timeouts and expiries that fall due). */
export interface AdvanceStep {
  readonly advance: number;
}
/** Change the virtual clock's per-command step from here on. */
export interface ClockStepStep {
  readonly clockStep: number;
}
/** Narration shown between commands; never executed. */
export interface NoteStep {
  readonly note: string;
}
export type Step = CommandStep | AdvanceStep | ClockStepStep | NoteStep;

/**
 * Where the engine starts before step 1: a snapshot, or setup commands run with the clock standing still (so the
 * first step still sees `clock.start`).
 */
export type StartState = { readonly snapshot: EngineSnapshot } | { readonly commands: readonly CommandStep[] };

export interface ViewSpec {
  /** Streams the diagram shows first. */
  readonly streams?: readonly string[];
  /** Replay speed multiplier (1 = normal). */
  readonly speed?: number;
  readonly theme?: 'light' | 'dark' | 'system';
  /** Prompt text shown before `>` (e.g. `dragonfly`). */
  readonly prompt?: string;
}

export interface Scenario {
  readonly v: typeof SCENARIO_VERSION;
  readonly title: string;
  readonly description: string;
  readonly profile: ProfileName;
  readonly clock: ClockSpec;
  /** Console names, in tab order; every command step names one of them. */
  readonly clients: readonly string[];
  readonly steps: readonly Step[];
  readonly state?: StartState;
  readonly view?: ViewSpec;
  /** Open with this many steps applied (default: all). Shares of a rewound session keep their position. */
  readonly at?: number;
}

/** Hard limits every arriving scenario must respect (restore.ts), chosen well above any real lesson. */
export const LIMITS = {
  /** Characters of a `#s=` URL payload. */
  urlChars: 200_000,
  /** Bytes of compressed data (URL payload after base64). */
  compressedBytes: 150_000,
  /** Bytes of JSON text, before parsing or after inflating (inflation stops past it). */
  jsonBytes: 4_000_000,
  steps: 20_000,
  setupCommands: 2_000,
  clients: 16,
  clientName: 32,
  title: 200,
  description: 4_000,
  note: 4_000,
  /** Characters of one command line. */
  command: 8_000,
  /** Arguments of one command. */
  argv: 1_000,
  streams: 32,
  prompt: 40,
  /** Absolute ms of one clock move (a year). */
  advance: 366 * 24 * 3_600_000,
  clockStep: 3_600_000,
} as const;

export const isCommandStep = (s: Step): s is CommandStep => 'command' in s;
export const isAdvanceStep = (s: Step): s is AdvanceStep => 'advance' in s;
export const isClockStepStep = (s: Step): s is ClockStepStep => 'clockStep' in s;
export const isNoteStep = (s: Step): s is NoteStep => 'note' in s;

/** An empty scenario for a fresh session. */
export function emptyScenario(clock: ClockSpec, clients: readonly string[], profile: ProfileName): Scenario {
  return { v: SCENARIO_VERSION, title: 'Untitled session', description: '', profile, clock, clients: [...clients], steps: [] };
}

/**
 * Gallery scenarios are written as short scripts — `alice> XADD …`, `~ 60000` (advance the clock), `# note` — and
 * built into scenario documents here, so each lesson reads like the session it replays.
 */
import { SCENARIO_VERSION, type CommandStep, type Scenario, type Step, type ViewSpec } from '../format.ts';
import { DEFAULT_PROFILE, type ProfileName } from '../../../engine/index.ts';

export interface GalleryMeta {
  /** Stable id, used in `?scenario=<id>` links and tests. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly clients: readonly string[];
  readonly start?: number;
  readonly step?: number;
  readonly profile?: ProfileName;
  /** Setup lines (`client> command`) run before step 1 with the clock standing still. */
  readonly setup?: readonly string[];
  readonly view?: ViewSpec;
}

export interface GalleryEntry {
  readonly id: string;
  readonly scenario: Scenario;
}

function command(line: string): CommandStep {
  const m = /^([^>\s]+)> (.+)$/.exec(line);
  if (!m) throw new Error(`gallery: bad line "${line}"`);
  return { client: m[1], command: m[2] };
}

function step(line: string): Step {
  if (line.startsWith('# ')) return { note: line.slice(2) };
  if (line.startsWith('~ ')) return { advance: Number(line.slice(2)) };
  return command(line);
}

export function build(meta: GalleryMeta, lines: readonly string[]): GalleryEntry {
  return {
    id: meta.id,
    scenario: {
      v: SCENARIO_VERSION,
      title: meta.title,
      description: meta.description,
      profile: meta.profile ?? DEFAULT_PROFILE,
      clock: { start: meta.start ?? 1_700_000_000_000, mode: 'virtual', stepPerCommand: meta.step ?? 1 },
      clients: [...meta.clients],
      steps: lines.map(step),
      ...(meta.setup ? { state: { commands: meta.setup.map(command) } } : {}),
      ...(meta.view ? { view: meta.view } : {}),
    },
  };
}

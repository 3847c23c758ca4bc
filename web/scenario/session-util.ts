/** Small helpers of the scenario session: the saved workspace's key, and conversions it needs. */
import type { EngineSnapshot } from '../../engine/index.ts';
import { DEFAULT_PROFILE } from '../../engine/profile-names.ts';
import type { NamedOp } from '../../engine/worker.ts';
import { isCommandStep, type Step } from './format.ts';
import { outText, type SessionTimeline } from './record.ts';

export const WORKSPACE_KEY = 'streams-playground:workspace';

export function readWorkspace(): string | null {
  try {
    return localStorage.getItem(WORKSPACE_KEY);
  } catch {
    return null;
  }
}

export function clientIdOf(op: NamedOp | undefined, ids: ReadonlyMap<string, number>): number {
  return op && 'client' in op ? (ids.get(op.client) ?? 0) : 0;
}

/** Each command step's output, in step order (transcript comparison). */
export function transcriptOutputs(tl: SessionTimeline): string[] {
  return tl.pathTo().map((id) => {
    const t = tl.node(id).step;
    return t ? outText(t, true) : '';
  });
}

/** An empty engine state: the root's keyframe only if the bridge has no snapshot yet (it always has one after start). */
export function emptySnapshotPlaceholder(): EngineSnapshot {
  return { v: 1, profile: DEFAULT_PROFILE, time: 0, stepPerCommand: 0, config: {}, stats: { startTime: 0, totalCommands: 0, totalErrors: 0, totalConnections: 0, dirty: 0, expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0, lastSave: 0 }, nextClientId: 1, clients: [], dbs: [] };
}

/** Steps of a loaded scenario whose events the log narrates (the last ones: what led to the state shown). */
export const LOAD_NARRATED_STEPS = 12;

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The log's line for a scenario load: `steps` in all, `runnable` of them commands or clock moves, `narrated` the last ones narrated. */
export function loadNote(title: string, steps: number, runnable: number, narrated: number): string {
  if (steps === 0) return `Loaded “${clip(title, 80)}”: the diagram shows its starting state.`;
  const what = `Loaded “${clip(title, 80)}”: ${steps} ${steps === 1 ? 'step' : 'steps'}, the diagram shows the state after ${steps === 1 ? 'it' : 'them'}.`;
  if (narrated === 0) return what;
  return narrated < runnable ? `${what} The lines below narrate the last ${narrated} of them.` : `${what} The lines below narrate what they did.`;
}

/** The log's line for a move on the timeline that the diagram shows without replaying it. */
export function moveNote(cursor: number, length: number, step: Step | null): string {
  const where = cursor === 0 ? 'the start, before the first step' : `step ${cursor} of ${length}`;
  const after = step && isCommandStep(step) ? `, just after ${step.client} ran ${clip(step.command)}` : '';
  return `Timeline: moved to ${where}${after}. The diagram shows the state there, acknowledged history included.`;
}

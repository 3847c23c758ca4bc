/** Small helpers of the scenario session: the saved workspace's key, and conversions it needs. */
import type { EngineSnapshot } from '../../engine/index.ts';
import type { NamedOp } from '../../engine/worker.ts';
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
  return { v: 1, profile: 'redis-8', time: 0, stepPerCommand: 0, config: {}, stats: { startTime: 0, totalCommands: 0, totalErrors: 0, totalConnections: 0, dirty: 0, expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0, lastSave: 0 }, nextClientId: 1, clients: [], dbs: [] };
}

/**
 * `window.__playground`: a typed hook for the e2e tests (read terminal text and state, kill the worker). Tests type
 * into the real consoles with the keyboard; the hook only observes, plus the one fault it injects.
 */
import type { Summary } from '../engine/worker.ts';
import type { Playground } from './lib/playground.svelte.ts';

export interface TestHook {
  /** The console's terminal text (wrapped rows joined), by console name, once what was written to it is parsed. */
  text(name: string): Promise<string>;
  consoles(): { name: string; clientId: number; blockedOn: string; state: string }[];
  summary(): Summary | null;
  /** Simulate a worker crash; it restarts from the last snapshot. */
  killWorker(): void;
  health(): string;
  /** ms from navigation start until the first console showed its prompt (0 until then). */
  readyAt(): number;
  history(name: string): string[];
  /** Where the console's view is: its first shown line, the first line of the last screen (the end), its rows. */
  viewport(name: string): { top: number; end: number; rows: number } | null;
}

declare global {
  interface Window {
    __playground?: TestHook;
  }
}

export function installTestHook(pg: Playground): void {
  const byName = (name: string) => [...pg.sessions.values()].find((s) => s.name === name);
  window.__playground = {
    text: async (name) => (await byName(name)?.writtenText()) ?? '',
    consoles: () => [...pg.sessions.values()].map((s) => ({ name: s.name, clientId: s.clientId, blockedOn: s.blockedOn, state: s.state })),
    summary: () => pg.summary,
    killWorker: () => pg.bridge.terminate('killed by the test hook'),
    health: () => pg.health.kind,
    readyAt: () => pg.readyAt,
    history: (name) => [...(byName(name)?.history.entries ?? [])],
    viewport: (name) => {
      const t = byName(name)?.term;
      return t ? { top: t.buffer.active.viewportY, end: t.buffer.active.baseY, rows: t.rows } : null;
    },
  };
}

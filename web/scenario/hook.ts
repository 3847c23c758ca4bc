/**
 * `window.__scenario`: a typed hook for the e2e tests, beside `window.__playground`. It observes the timeline and
 * offers what a person would click (share, export, moves), so tests can drive it precisely.
 */
import type { ScenarioSession } from './session.svelte.ts';

export interface ScenarioHook {
  position(): { cursor: number; length: number; branches: number };
  shareUrl(): string;
  exportJson(): string;
  open(text: string): Promise<boolean>;
  back(): Promise<void>;
  forward(): Promise<void>;
  jump(n: number): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** ms the last scenario load took. */
  loadMs(): number;
  /** ms since the load started at the end of each phase (engine, timeline, consoles, diagram, render). */
  loadPhases(): Record<string, number>;
  message(): string;
  /** Loading a scenario, or moving on the timeline. */
  busy(): boolean;
  /** Embed mode: messages refused (wrong window, origin or shape). */
  embedRejected(): number;
}

declare global {
  interface Window {
    __scenario?: ScenarioHook;
  }
}

export function installScenarioHook(ss: ScenarioSession, embed?: { rejected(): number } | null): void {
  window.__scenario = {
    position: () => ({ cursor: ss.cursor, length: ss.length, branches: ss.branches.length }),
    shareUrl: () => ss.shareUrl(),
    exportJson: () => ss.exportJson(),
    open: (text) => ss.open({ from: 'paste', text }),
    back: ss.back,
    forward: ss.forward,
    jump: ss.jump,
    undo: ss.undo,
    redo: ss.redo,
    loadMs: () => ss.loadMs,
    loadPhases: () => ss.loadPhases,
    message: () => ss.message,
    busy: () => ss.busy || ss.moving > 0,
    embedRejected: () => embed?.rejected() ?? 0,
  };
}

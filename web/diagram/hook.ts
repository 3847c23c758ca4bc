/**
 * `window.__diagram`: the diagram's typed test hook. It only observes: the ViewState drawn, the history, the
 * narrated log, and every animation with where it started and landed. Tests drive the app through the consoles.
 */
import type { ViewState } from '../../engine/view.ts';
import type { DomAnimator, RecordedAnimation } from './animate.ts';
import type { DiagramState } from './diagram.svelte.ts';
import type { History } from './history.ts';

export interface DiagramHook {
  view(): ViewState | null;
  history(): History;
  log(): string[];
  animations(): RecordedAnimation[];
  /** Forget recorded animations (so a test step sees only its own). */
  clearAnimations(): void;
  /** Animations still flying, plus one while a compact (busy) draw waits to be drawn in full: not settled yet. */
  inFlight(): number;
  /** Batches drawn so far (each ingest that reached the screen). */
  drawn(): number;
  /**
   * Keystrokes into a console by name, through xterm's own input path (exactly what typing does, without the
   * per-key delay): the benchmark drives a producer and five consumers with it.
   */
  type(console: string, text: string): boolean;
}

declare global {
  interface Window {
    __diagram?: DiagramHook;
  }
}

export function installDiagramHook(ds: DiagramState, animator: DomAnimator, type: (console: string, text: string) => boolean): void {
  window.__diagram = {
    view: () => ds.view,
    history: () => ds.history,
    log: () => ds.log.map((l) => l.text),
    animations: () => animator.recorded.map((r) => ({ ...r })),
    clearAnimations: () => {
      animator.recorded.length = 0;
    },
    inFlight: () => animator.inFlight + (ds.compact ? 1 : 0),
    drawn: () => ds.drawn,
    type,
  };
}

/**
 * Two workarounds for xterm.js costs that grow with every line of output, in all six consoles at once under a busy
 * producer (together a third of the page's main thread before them):
 *
 * 1. Empty selection redraws (xtermjs/xterm.js#4633, open). After every scroll the selection service reports a
 *    "selection change", even when nothing is or was selected, and the DOM renderer answers by rebuilding every row
 *    of the viewport: output that scrolls redraws the whole terminal twice per frame, and a hidden console
 *    (display: none) measures each glyph on each redraw, forcing a page layout every time, because its width cache
 *    never keeps the 0 it measures. Now a change from nothing selected to nothing selected is only recorded.
 *
 * 2. Scrollbar sync per line. The viewport moves its scrollbar synchronously for every line the buffer scrolls:
 *    a hundred-line reply restyles the scrollbar a hundred times, hidden or not. Now at most once per animation
 *    frame, to where the buffer is then (the same place the last of those syncs would have put it).
 *
 * Both reach into xterm's private services, so every step is checked and a terminal shaped differently (another
 * xterm version) is left alone.
 */
import type { Terminal } from '@xterm/xterm';

type Cell = [number, number] | undefined;
type SelectionHandler = (start: Cell, end: Cell, columnSelectMode: boolean) => void;
type Sync = (...ydisp: [number?]) => void;

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

const field = (o: unknown, name: string): unknown => (isObject(o) ? Reflect.get(o, name) : undefined);

/** Call after `term.open()`. Returns the workarounds that applied (tests and curious readers). */
export function applyXtermWorkarounds(term: Terminal): { selection: boolean; scrollSync: boolean } {
  const core = field(term, '_core');
  return { selection: skipEmptySelectionRedraws(field(core, '_renderService')), scrollSync: syncScrollbarPerFrame(field(core, '_viewport')) };
}

function skipEmptySelectionRedraws(renderService: unknown): boolean {
  const state = field(renderService, '_selectionState');
  const original = field(renderService, 'handleSelectionChanged');
  if (!isObject(renderService) || !isObject(state) || typeof original !== 'function') return false;
  const forward = original as SelectionHandler;
  /**
   * Whether the renderer was last told about a selection (so it may have one drawn). A terminal starts with none:
   * forwarding the first empty change would fully redraw a console that was never shown, measuring every glyph.
   */
  let drawn = false;
  const handler: SelectionHandler = (start, end, columnSelectMode) => {
    // A click leaves a zero-length selection (start = end): nothing to draw either.
    const selected = start !== undefined && end !== undefined && (start[0] !== end[0] || start[1] !== end[1]);
    if (!selected && !drawn) {
      // Keep the service's record as the original would (it replays it after a resize or resume).
      Reflect.set(state, 'start', start);
      Reflect.set(state, 'end', end);
      Reflect.set(state, 'columnSelectMode', columnSelectMode);
      return;
    }
    drawn = selected;
    forward.call(renderService, start, end, columnSelectMode);
  };
  return Reflect.set(renderService, 'handleSelectionChanged', handler);
}

function syncScrollbarPerFrame(viewport: unknown): boolean {
  const original = field(viewport, '_sync');
  if (!isObject(viewport) || typeof original !== 'function') return false;
  const sync = original as Sync;
  let queued = false;
  const deferred: Sync = (...args) => {
    // Called with a position (xterm's own once-per-frame sync): as before. Without one, the buffer just scrolled.
    if (args.length > 0) return sync.call(viewport, ...args);
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      sync.call(viewport);
    });
  };
  return Reflect.set(viewport, '_sync', deferred);
}

/**
 * Main-thread work per frame, from a Chromium performance trace.
 *
 * requestAnimationFrame deltas cannot show whether a page fits its frame budget: with vsync they are one interval
 * (16.7 ms at 60 Hz, plus timer jitter) however little the page does, so an idle page already "scores" 16.8 ms.
 * What decides smoothness is how long the renderer's main thread works to produce each frame. This sums the main
 * thread's tasks between consecutive frame starts (BeginMainThreadFrame): a frame whose work exceeds 16.7 ms made
 * the next frame late; one long task shows up as one long frame.
 *
 * Each frame's work is given twice: wall time, and the thread's CPU time (the trace's `tdur`). On a shared machine
 * other processes preempt the renderer and stretch wall times; CPU time is what the page itself spent.
 */
import type { Browser, Page } from '@playwright/test';

export const TRACE_CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline.frame'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface FrameWork {
  /** Milliseconds of main-thread tasks in each frame interval, wall clock. */
  readonly wall: number[];
  /** The same tasks' CPU time (a task spanning two frames is split in proportion). */
  readonly cpu: number[];
}

/** Main-thread work in each frame interval of the trace (the renderer main thread of the traced page). */
export function mainThreadWorkPerFrame(trace: { traceEvents?: TraceEvent[] } | TraceEvent[]): FrameWork {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const frameStarts = events.filter((e) => e.name === 'BeginMainThreadFrame');
  if (frameStarts.length < 2) return { wall: [], cpu: [] };
  // The renderer main thread is the one that starts main-thread frames (one page, one renderer).
  const { pid, tid } = frameStarts[0];
  const starts = frameStarts.filter((e) => e.pid === pid && e.tid === tid).map((e) => e.ts).sort((a, b) => a - b);
  const tasks = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && e.dur)
    .map((e) => [e.ts, e.ts + (e.dur ?? 0), (e.tdur ?? e.dur ?? 0) / (e.dur ?? 1)] as const)
    .sort((a, b) => a[0] - b[0]);
  const wall: number[] = [];
  const cpu: number[] = [];
  let first = 0; // first task that may still overlap the current interval
  for (let i = 1; i < starts.length; i++) {
    const from = starts[i - 1];
    const to = starts[i];
    while (first < tasks.length && tasks[first][1] <= from) first++;
    let busy = 0;
    let onCpu = 0;
    for (let k = first; k < tasks.length && tasks[k][0] < to; k++) {
      const overlap = Math.max(0, Math.min(tasks[k][1], to) - Math.max(tasks[k][0], from));
      busy += overlap;
      onCpu += overlap * tasks[k][2];
    }
    wall.push(busy / 1000);
    cpu.push(onCpu / 1000);
  }
  return { wall, cpu };
}

/** Run `body` while tracing `page`, and return its result with the main-thread work per frame. */
export async function withFrameTrace<T>(browser: Browser, page: Page, body: () => Promise<T>): Promise<{ result: T; work: FrameWork }> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const result = await body().catch(async (err: unknown) => {
    await browser.stopTracing();
    throw err;
  });
  const buffer = await browser.stopTracing();
  return { result, work: mainThreadWorkPerFrame(JSON.parse(buffer.toString('utf8'))) };
}

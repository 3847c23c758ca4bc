/**
 * Timeline steps as the app keeps them: the scenario step plus what it printed (so consoles can be redrawn at any
 * point without re-running anything), and the pure helpers that turn engine results into them and back.
 */
import { binaryToUtf8, formatReply, type EngineSnapshot, type Reply } from '../../engine/index.ts';
import type { NamedOp, Step as WorkerStep } from '../../engine/worker.ts';
import { isAdvanceStep, isClockStepStep, isCommandStep, type Step } from './format.ts';
import { lineToArgv } from './command-text.ts';
import type { Timeline } from './timeline.ts';
import { applyHistory, type History } from '../diagram/history.ts';

export interface TStep {
  readonly step: Step;
  /** The command's reply (null while blocked or for non-commands); formatted only when shown (see `outText`). */
  reply: Reply | null;
  /** The command blocked when it ran. */
  blocked: boolean;
  /** For a blocked command: the node whose step woke it, and the reply it got. */
  wake?: { readonly at: number; readonly reply: Reply };
  /** Formatting cache. */
  text?: string;
  /**
   * The diagram's history (what each group acknowledged, where XREAD readers are) after this step. Redis keeps no
   * record of it, so a move on the timeline cannot ask the engine: each node remembers its own. Unset on steps that
   * change nothing it holds (notes): they have their parent's.
   */
  history?: History;
}

export type SessionTimeline = Timeline<TStep, EngineSnapshot>;

/** redis-cli text of a reply. */
export function replyText(r: Reply): string {
  return binaryToUtf8(formatReply(r));
}

/** What a command step printed: its reply, or for a blocked one, the reply it was woken with (if shown). */
export function outText(t: TStep, woken: boolean): string {
  if (t.blocked) return woken && t.wake ? replyText(t.wake.reply) : '';
  if (!t.reply) return '';
  t.text ??= replyText(t.reply);
  return t.text;
}

export function toOp(s: Step): NamedOp | null {
  if (isCommandStep(s)) return { client: s.client, argv: lineToArgv(s.command) };
  if (isAdvanceStep(s)) return { advance: s.advance };
  if (isClockStepStep(s)) return { clockStep: s.clockStep };
  return null;
}

/**
 * Record what ran: `nodes[i]` is the timeline node of `results[i]` (null for a result that has no node, e.g. a
 * setup command). Blocked commands are remembered per client id in `blockedBy`, and woken replies are attached to them.
 */
export function attach(tl: SessionTimeline, nodes: readonly (number | null)[], results: readonly WorkerStep[], clientOf: (i: number) => number, blockedBy: Map<number, number>): void {
  for (let i = 0; i < results.length; i++) {
    const res = results[i];
    const id = nodes[i];
    if (id !== null && id !== undefined) {
      const t = tl.node(id).step;
      if (t && isCommandStep(t.step)) {
        t.blocked = res.reply === null;
        t.reply = res.reply;
        t.text = undefined;
        if (t.blocked) blockedBy.set(clientOf(i), id);
      }
    }
    for (const w of res.woken) {
      const at = blockedBy.get(w.client);
      const t = at !== undefined ? tl.node(at).step : null;
      if (t) t.wake = { at: id ?? at ?? 0, reply: w.reply };
      blockedBy.delete(w.client);
    }
  }
}

/** The diagram history after node `id`: its own, or the nearest ancestor's, or at the root `root`. */
export function historyAt(tl: SessionTimeline, id: number, root: History): History {
  for (let n = tl.node(id); ; n = tl.node(n.parent)) {
    if (n.step === null) return root;
    if (n.step.history) return n.step.history;
  }
}

/**
 * Give the nodes of a batch the history after them: starting from node `start`'s, fold in each result's events;
 * `nodes[i]` is the node of `results[i]`, or null when it has none (its events belong to the node before it).
 * Returns the root's history: changed by results that belong to the root (setup commands, a wake-up at the start).
 */
export function recordHistory(tl: SessionTimeline, start: number, root: History, nodes: readonly (number | null)[], results: readonly WorkerStep[]): History {
  let at = start;
  let h = historyAt(tl, start, root);
  let rootHistory = root;
  for (let i = 0; i < results.length; i++) {
    h = applyHistory(h, results[i].events);
    at = nodes[i] ?? at;
    const t = tl.node(at).step;
    if (t) t.history = h;
    else rootHistory = h;
  }
  return rootHistory;
}

/** Per console: the transcript up to `head` (prompt, command, reply) and what it still waits on. */
export function transcripts(tl: SessionTimeline, head: number, prompt: string, maxEntries = 400): Map<string, { text: string; blockedOn: string }> {
  const path = tl.pathTo(head);
  const onPath = new Set([0, ...path]);
  const per = new Map<string, string[]>();
  // Only the last `maxEntries` per console are formatted: count them first.
  const counts = new Map<string, number>();
  for (const id of path) {
    const t = tl.node(id).step;
    if (t && isCommandStep(t.step)) counts.set(t.step.client, (counts.get(t.step.client) ?? 0) + 1);
  }
  const waiting = new Map<string, string>();
  for (const id of path) {
    const t = tl.node(id).step;
    if (!t || !isCommandStep(t.step)) continue;
    const lines = per.get(t.step.client) ?? [];
    per.set(t.step.client, lines);
    const left = (counts.get(t.step.client) ?? 0) - 1;
    counts.set(t.step.client, left);
    if (left >= maxEntries) {
      lines.push('');
      waiting.delete(t.step.client);
      continue;
    }
    waiting.delete(t.step.client);
    const woken = t.blocked && t.wake !== undefined && onPath.has(t.wake.at);
    if (t.blocked && !woken) waiting.set(t.step.client, (lineToArgv(t.step.command)[0] ?? '').toUpperCase());
    const out = outText(t, woken);
    lines.push(`${prompt}${t.step.command}\n${out}`);
  }
  const result = new Map<string, { text: string; blockedOn: string }>();
  for (const [client, lines] of per) {
    const shown = lines.length > maxEntries ? [`(${lines.length - maxEntries} earlier commands not shown)\n`, ...lines.slice(-maxEntries)] : lines;
    result.set(client, { text: shown.join('').replace(/\r?\n/g, '\r\n'), blockedOn: waiting.get(client) ?? '' });
  }
  return result;
}
